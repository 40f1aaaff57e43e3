import { describe, expect, it } from 'vitest';
import {
  GLOBALS_INPUT,
  IMPORTS_INPUT,
  IMPORTS_OUTPUT,
  MODULE_INPUT,
  MODULE_OUTPUT,
} from '../../../fixtures/transforms/make-async-typescript/blocking-cases.js';
import { useMakeAsyncWorkspace } from '../../../fixtures/transforms/make-async-typescript/use-make-async.js';

describe('make_async (TypeScript): blocking calls and the module form', () => {
  const workspace = useMakeAsyncWorkspace(
    { ...MODULE_INPUT, ...IMPORTS_INPUT, ...GLOBALS_INPUT },
    { nodeTypes: true },
  );

  it('finds the module form roots: functions that block directly or through the module', async () => {
    const outcome = await workspace.convert({ files: ['blocking/store.ts'] });
    expect(outcome.facts.roots.map((r) => `${r.container ?? ''}.${r.name}`)).toEqual([
      '.readNotes',
      '.saveNotes',
      '.hasNotes',
      '.listDir',
      '.gitHead',
      '.pack',
      '.summary',
      'Notes.load',
    ]);
    expect(outcome.facts.blocking.map((b) => `${b.line} ${b.call} in ${b.function}`)).toEqual([
      '6 fs.readFileSync in readNotes',
      '9 fs.writeFileSync in saveNotes',
      '12 fs.existsSync in hasNotes',
      '15 fs.readdirSync in listDir',
      '18 child_process.execSync in gitHead',
      '21 zlib.gzipSync in pack',
    ]);
    expect(outcome.facts.closure.at(-1)).toEqual({
      file: 'blocking/use.ts',
      line: 2,
      column: 17,
      name: 'report',
      kind: 'function',
      reason: 'calls summary at blocking/use.ts:3',
    });
    expect(outcome.changed).toEqual(MODULE_OUTPUT);
  });

  it('rewrites fs calls with a same-result promise form and leaves the others', async () => {
    const outcome = await workspace.convert({ files: ['blocking/store.ts'] });
    expect(outcome.facts.rewrites).toEqual([
      {
        file: 'blocking/store.ts',
        line: 6,
        column: 10,
        from: "readFileSync(path, 'utf8')",
        to: "await fs.promises.readFile(path, 'utf8')",
        rule: 'fs.readFileSync → fs.promises.readFile',
      },
      {
        file: 'blocking/store.ts',
        line: 9,
        column: 3,
        from: 'writeFileSync(path, text)',
        to: 'await fs.promises.writeFile(path, text)',
        rule: 'fs.writeFileSync → fs.promises.writeFile',
      },
      {
        file: 'blocking/store.ts',
        line: 15,
        column: 10,
        from: 'fs.readdirSync(dir)',
        to: 'await fs.promises.readdir(dir)',
        rule: 'fs.readdirSync → fs.promises.readdir',
      },
    ]);
    const reasons = outcome.changes.flatMap((c) =>
      c.op === 'edit' ? c.edits.map((e) => e.reason) : [],
    );
    expect(reasons).toContain('blocking call → fs.promises.readFile');
    expect(reasons).toContain('import fixed');
    workspace.checkLater(outcome.changed, Object.keys(MODULE_INPUT));
  });

  it('adds or extends the fs/promises import (ESM and CommonJS) and drops the unused fs binding', async () => {
    const files = ['named/config.ts', 'extend/io.ts', 'cjsnamed/io.js', 'aliased/io.ts'];
    const outcome = await workspace.convert({ files });
    expect(outcome.changed).toEqual(IMPORTS_OUTPUT);
    expect(outcome.facts.rewrites.map((r) => `${r.file} ${r.to}`)).toEqual([
      "cjsnamed/io.js await readFile(p, 'utf8')",
      "extend/io.ts await readFile(p, 'utf8')",
      "named/config.ts await readFile(path, 'utf8')",
    ]);
    const reasons = outcome.changes.flatMap((c) => c.edits.map((e) => `${c.file}: ${e.reason}`));
    expect(reasons).toContain('named/config.ts: import fixed');
    expect(reasons).toContain('extend/io.ts: import fixed');
    workspace.checkLater(outcome.changed, files);
  });

  it('gives the same changes from the module form and from the function form', async () => {
    const moduleForm = await workspace.convert({ files: ['named/config.ts'] });
    const functionForm = await workspace.convert({
      roots: [{ file: 'named/config.ts', needle: 'loadConfig' }],
    });
    expect(functionForm.changes).toEqual(moduleForm.changes);
    expect(functionForm.facts.closure).toEqual(moduleForm.facts.closure);
  });

  it('finds Atomics.wait and synchronous XHR, and lists a blocking getter without making it a root', async () => {
    const outcome = await workspace.convert({ files: ['globals/wait.ts', 'getterblock/box.ts'] });
    expect(outcome.facts.roots.map((r) => r.name)).toEqual(['pause', 'fetchSync']);
    expect(
      outcome.facts.blocking.map((b) => `${b.file}:${b.line} ${b.call} in ${b.function}`),
    ).toEqual([
      'getterblock/box.ts:4 fs.readFileSync in Box.text',
      'globals/wait.ts:2 Atomics.wait in pause',
      'globals/wait.ts:6 XMLHttpRequest.open (synchronous) in fetchSync',
    ]);
    expect(outcome.facts.rewrites).toEqual([]);
  });

  it('leaves code that type-checks, in every conversion above', async () => {
    expect((await workspace.checkAll()).diagnostics).toEqual([]);
  });
});
