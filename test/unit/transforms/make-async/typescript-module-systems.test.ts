import { describe, expect, it } from 'vitest';
import {
  BIN_INPUT,
  BIN_OUTPUT,
  COMMONJS_INPUT,
  COMMONJS_OUTPUT,
  ESM_INPUT,
  ESM_OUTPUT,
  LATE_EXPORTS_INPUT,
  MODULE_OBJECT_INPUT,
  MODULE_OBJECT_OUTPUT,
  TEMPLATE_INPUT,
  TEMPLATE_OUTPUT,
  TS_COMMONJS_INPUT,
  TS_COMMONJS_OUTPUT,
  UNWRAPPABLE_INPUT,
  WHOLE_EXPORT_INPUT,
  WHOLE_EXPORT_OUTPUT,
} from '../../../fixtures/transforms/make-async-typescript/module-system-cases.js';
import { useMakeAsyncWorkspace } from '../../../fixtures/transforms/make-async-typescript/use-make-async.js';

describe('make_async (TypeScript): CommonJS, ESM and entry points', () => {
  const workspace = useMakeAsyncWorkspace({
    ...COMMONJS_INPUT,
    ...ESM_INPUT,
    ...LATE_EXPORTS_INPUT,
    ...BIN_INPUT,
    ...WHOLE_EXPORT_INPUT,
    ...UNWRAPPABLE_INPUT,
    ...TEMPLATE_INPUT,
    ...TS_COMMONJS_INPUT,
    ...MODULE_OBJECT_INPUT,
  });

  it('follows require() bindings, module members and exports.x, and wraps a CommonJS top level in an async IIFE', async () => {
    const outcome = await workspace.convert({
      roots: [{ file: 'cjs/lib.js', needle: 'readConfig' }],
    });
    expect(outcome.changed).toEqual(COMMONJS_OUTPUT);
    expect(outcome.facts.closure.map((e) => `${e.file} ${e.name}: ${e.reason}`)).toEqual([
      'cjs/lib.js readConfig: root',
      'cjs/lib.js loadName: calls readConfig at cjs/lib.js:6',
      'cjs/lib.js loadPort: calls readConfig at cjs/lib.js:8',
      'cjs/service.js describe: calls loadPort at cjs/service.js:4',
    ]);
    expect(outcome.facts.boundaries).toEqual([
      {
        file: 'cjs/main.js',
        line: 3,
        column: 14,
        kind: 'module-level',
        detail: 'const text = describe(path); runs at the top level of cjs/main.js',
        chain: ['readConfig', 'loadPort', 'describe', 'cjs/main.js (top level)'],
        handling: 'wrapped',
        how: 'async IIFE',
      },
    ]);
    expect(outcome.facts.rewrites).toEqual([
      {
        file: 'cjs/lib.js',
        line: 3,
        column: 21,
        from: "fs.readFileSync(path, 'utf8')",
        to: "await fs.promises.readFile(path, 'utf8')",
        rule: 'fs.readFileSync → fs.promises.readFile',
      },
    ]);
  });

  it('follows a module that is the function (module.exports = function) to its require() callers', async () => {
    const outcome = await workspace.convert({
      roots: [{ file: 'whole/lib.js', needle: 'function' }],
    });
    expect(outcome.changed).toEqual(WHOLE_EXPORT_OUTPUT);
    expect(outcome.facts.closure.map((e) => `${e.name}: ${e.reason}`)).toEqual([
      'module.exports: root',
      'run: calls module.exports at whole/use.js:3',
    ]);
  });

  it('awaits at the top level of ESM: package.json "type": "module", .mts, and a .ts module', async () => {
    const outcome = await workspace.convert({
      roots: [
        { file: 'esm/lib.js', needle: 'load' },
        { file: 'mts/lib.mts', needle: 'count' },
        { file: 'tsesm/lib.ts', needle: 'total' },
      ],
    });
    expect(outcome.changed).toEqual(ESM_OUTPUT);
    expect(outcome.facts.boundaries.map((b) => [b.file, b.kind, b.handling, b.how])).toEqual([
      ['esm/main.js', 'module-level', 'wrapped', 'top-level await'],
      ['mts/main.mts', 'module-level', 'wrapped', 'top-level await'],
      ['tsesm/main.ts', 'module-level', 'wrapped', 'top-level await'],
    ]);
    workspace.checkLater(outcome.changed, Object.keys(outcome.changed));
  });

  it('refuses an async IIFE that would set module.exports too late', async () => {
    const outcome = await workspace.convert({ roots: [{ file: 'late/lib.js', needle: 'load' }] });
    expect(outcome.changes).toEqual([]);
    expect(outcome.facts.boundaries).toEqual([
      {
        file: 'late/lib.js',
        line: 4,
        column: 15,
        kind: 'module-level',
        detail:
          'const value = load(); runs at the top level of late/lib.js; an async IIFE cannot wrap it: the code to wrap sets module.exports, which would then be set too late',
        chain: ['load', 'late/lib.js (top level)'],
        handling: 'refused',
      },
    ]);
  });

  it('wraps a .ts top level in an async IIFE when its tsconfig emits CommonJS', async () => {
    const outcome = await workspace.convert({ roots: [{ file: 'tscjs/lib.ts', needle: 'count' }] });
    expect(outcome.changed).toEqual(TS_COMMONJS_OUTPUT);
    expect(outcome.facts.boundaries.map((b) => b.how)).toEqual(['async IIFE']);
  });

  it('indents the wrapped lines, except inside a template literal', async () => {
    const outcome = await workspace.convert({
      roots: [{ file: 'template/lib.js', needle: 'shout' }],
    });
    expect(outcome.changed).toEqual(TEMPLATE_OUTPUT);
  });

  it("refuses to wrap a library's top level, or a test file's that registers tests", async () => {
    const outcome = await workspace.convert({
      roots: [{ file: 'unwrappable/lib.js', needle: 'load' }],
    });
    expect(outcome.changes).toEqual([]);
    expect(outcome.facts.boundaries.map((b) => [b.file, b.handling, b.detail])).toEqual([
      [
        'unwrappable/config.js',
        'refused',
        'const value = load(); runs at the top level of unwrappable/config.js; an async IIFE cannot wrap it: config.js has exports, so other modules load it, and its top-level code would run after they had loaded it',
      ],
      [
        'unwrappable/lib.test.js',
        'refused',
        'const value = load(); runs at the top level of unwrappable/lib.test.js; an async IIFE cannot wrap it: the code to wrap registers tests (describe(…)), which must be registered synchronously',
      ],
    ]);
  });

  it('treats package.json bin entries and extensionless bin/ scripts as entry points', async () => {
    const outcome = await workspace.convert({ roots: [{ file: 'tool/lib.js', needle: 'build' }] });
    expect(outcome.changed).toEqual(BIN_OUTPUT);
    expect(
      outcome.facts.boundaries.map((b) => [b.file, b.line, b.kind, b.how, b.chain.join(' ← ')]),
    ).toEqual([
      ['tool/bin/run', 6, 'entry-point', 'async IIFE', 'build ← main ← tool/bin/run (top level)'],
      ['tool/cli.js', 2, 'entry-point', 'async IIFE', 'build ← tool/cli.js (top level)'],
    ]);
    expect(outcome.facts.closure.map((e) => `${e.file} ${e.name}: ${e.reason}`)).toEqual([
      'tool/bin/run main: calls build at tool/bin/run:4',
      'tool/lib.js build: root',
    ]);
  });

  it('follows the members of a module object to their readers, and moves the declaration file beside it', async () => {
    const outcome = await workspace.convert({ roots: [{ file: 'nsobj/lib.js', needle: 'parse' }] });
    expect(outcome.changed).toEqual(MODULE_OBJECT_OUTPUT);
    expect(outcome.facts.boundaries).toEqual([]);
  });

  it('refuses a table of functions that is passed away: its callers cannot be followed', async () => {
    const outcome = await workspace.convert({ roots: [{ file: 'table/lib.js', needle: 'one' }] });
    expect(outcome.changes).toEqual([]);
    expect(outcome.facts.boundaries.map((b) => [b.file, b.line, b.handling, b.detail])).toEqual([
      [
        'table/lib.js',
        4,
        'refused',
        'one is stored in an object literal; its callers cannot be followed',
      ],
    ]);
  });

  it('leaves code that type-checks, in every conversion above', async () => {
    expect((await workspace.checkAll()).diagnostics).toEqual([]);
  });
});
