import { describe, expect, it } from 'vitest';
import { checkConvertPromisesChange } from '../../../../src/transforms/convert-promises/check-change.js';
import {
  API_TS,
  API_TS_CONVERTED,
  CONFIG_JS,
  CONFIG_JS_CONVERTED,
  LEFT_TS,
  NESTED_TS,
  NESTED_TS_CONVERTED,
  PLAIN_MJS,
  UNTYPED_JS,
} from '../../../fixtures/transforms/convert-promises-cases.js';
import { useConvertPromisesWorkspace } from '../../../fixtures/transforms/convert-promises-workspace.js';

const ENGINE = expect.stringMatching(/^TypeScript \d+\.\d+\.\d+ convertToAsyncFunction$/);

describe('convert_promises (TypeScript half): the path form', () => {
  const workspace = useConvertPromisesWorkspace(
    {
      'src/api.ts': API_TS,
      'src/nested.ts': NESTED_TS,
      'src/left.ts': LEFT_TS,
      'src/config.js': CONFIG_JS,
      'src/untyped.js': UNTYPED_JS,
      'src/plain.mjs': PLAIN_MJS,
    },
    { nodeTypes: true },
  );

  it('converts every function TypeScript suggests in a TS file: .catch, a nested .then, a method, a named handler', async () => {
    const outcome = await workspace.convertFiles(['src/api.ts']);
    expect(outcome.changed).toEqual({ 'src/api.ts': API_TS_CONVERTED });
    expect(outcome.facts).toEqual({
      converted: [
        {
          file: 'src/api.ts',
          line: 10,
          column: 17,
          name: 'loadUser',
          kind: 'function',
          round: 1,
          body: { file: 'src/api.ts', line: 10, column: 59 },
        },
        {
          file: 'src/api.ts',
          line: 19,
          column: 14,
          name: 'loadName',
          kind: 'arrow',
          round: 1,
          body: { file: 'src/api.ts', line: 20, column: 47 },
        },
        {
          file: 'src/api.ts',
          line: 24,
          column: 3,
          name: 'Store.get',
          kind: 'method',
          round: 1,
          body: { file: 'src/api.ts', line: 27, column: 43 },
        },
      ],
      declined: [],
      examined: ['src/api.ts'],
      skipped: [],
      engine: ENGINE,
    });
    expect(
      outcome.changes[0]?.edits.map((e) => [
        e.start,
        e.oldText === '' ? e.newText : 'return…',
        e.reason,
      ]),
    ).toEqual([
      [[10, 8], 'async ', 'loadUser becomes async (convertToAsyncFunction)'],
      [[11, 3], 'return…', 'loadUser: promise chain → await (convertToAsyncFunction)'],
      [[19, 25], 'async ', 'loadName becomes async (convertToAsyncFunction)'],
      [[20, 3], 'return…', 'loadName: promise chain → await (convertToAsyncFunction)'],
      [[24, 3], 'async ', 'Store.get becomes async (convertToAsyncFunction)'],
      [[25, 5], 'return…', 'Store.get: promise chain → await (convertToAsyncFunction)'],
    ]);
  });

  it('computes a fix inside another fix after it, on the text the first wrote, and composes both into one edit', async () => {
    const outcome = await workspace.convertFiles(['src/nested.ts']);
    expect(outcome.changed).toEqual({ 'src/nested.ts': NESTED_TS_CONVERTED });
    expect(outcome.facts.converted.map((f) => [f.name, f.line, f.round, f.body])).toEqual([
      ['nested', 3, 1, { file: 'src/nested.ts', line: 3, column: 42 }],
      ['helper', 5, 2, { file: 'src/nested.ts', line: 5, column: 30 }],
    ]);
    expect(outcome.changes[0]?.edits.map((e) => [e.start, e.end])).toEqual([
      [
        [3, 8],
        [3, 8],
      ],
      [
        [4, 3],
        [9, 6],
      ],
    ]);
  });

  it('converts an ES module in plain JavaScript (checkJs off) whose chains start at typed Promises', async () => {
    const outcome = await workspace.convertFiles(['src/config.js']);
    expect(outcome.changed).toEqual({ 'src/config.js': CONFIG_JS_CONVERTED });
    expect(outcome.facts.converted.map((f) => f.name)).toEqual(['readConfig', 'countConfigs']);
  });

  it('prints the fix as the file is written: its indentation, and no semicolons where it has none', async () => {
    const outcome = await workspace.convertFiles(['src/plain.mjs']);
    expect(outcome.changed['src/plain.mjs']).toBe(
      [
        'export async function double(value) {',
        '    try {',
        '        const v = await Promise.resolve(value)',
        '        return v * 2',
        '    } catch {',
        '        return 0',
        '    }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('in JavaScript, converts a chain on a JSDoc-typed value and leaves one on an untyped value, saying why', async () => {
    const outcome = await workspace.convertFiles(['src/untyped.js']);
    expect(outcome.facts.converted.map((f) => f.name)).toEqual(['fromTyped']);
    expect(outcome.facts.declined).toEqual([
      {
        file: 'src/untyped.js',
        line: 1,
        column: 17,
        name: 'fromAny',
        kind: 'function',
        reason: 'not-a-promise',
      },
    ]);
  });

  it('leaves every chain TypeScript does not convert (or converts wrongly), each with its reason, and writes nothing', async () => {
    const outcome = await workspace.convertFiles(['src/left.ts']);
    expect(outcome.changes).toEqual([]);
    expect(outcome.facts.converted).toEqual([]);
    expect(outcome.facts.declined.map((d) => [d.name, d.line, d.reason])).toEqual([
      ['already', 3, 'already-async'],
      ['arrowExpr', 7, 'expression-body'],
      ['notReturned', 9, 'chain-not-returned'],
      ['twoHandlers', 13, 'unsupported-chain'],
      ['earlyReturn', 17, 'fix-declined'],
      ['withFinally', 28, 'finally'],
    ]);
  });

  it('is deterministic: the same files give the same bytes, in whatever order they are named', async () => {
    const files = ['src/nested.ts', 'src/api.ts', 'src/config.js', 'src/left.ts'];
    const first = await workspace.convertFiles(files);
    const second = await workspace.convertFiles([...files].reverse());
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(first.changes.map((c) => c.file)).toEqual([
      'src/api.ts',
      'src/config.js',
      'src/nested.ts',
    ]);
    expect(first.facts.examined).toEqual([
      'src/api.ts',
      'src/config.js',
      'src/left.ts',
      'src/nested.ts',
    ]);
  });

  it("writes only what the transform's own change check allows, and what it wrote type-checks", async () => {
    const outcome = await workspace.convertFiles(['src/api.ts', 'src/config.js', 'src/nested.ts']);
    for (const change of outcome.changes)
      expect(checkConvertPromisesChange(change)).toBeUndefined();
    const report = await workspace.diagnostics(outcome.changed, Object.keys(outcome.changed));
    expect(report.diagnostics).toEqual([]);
  });
});

describe('convert_promises (TypeScript half): the function form', () => {
  const workspace = useConvertPromisesWorkspace({ 'src/api.ts': API_TS, 'src/left.ts': LEFT_TS });

  it('converts the one function named, and nothing else in its file', async () => {
    const outcome = await workspace.convertFunction({ file: 'src/api.ts', needle: 'loadUser' });
    expect(outcome.facts.converted.map((f) => [f.name, f.line])).toEqual([['loadUser', 10]]);
    const text = outcome.changed['src/api.ts'] as string;
    expect(text).toContain('export async function loadUser(id: number): Promise<User> {\n  try {');
    expect(text).toContain('  return loadUser(id).then((user) =>');
    expect(text).toContain('  get(key: string): Promise<number> {');
  });

  it.each([
    ['already', 'already-async'],
    ['arrowExpr', 'expression-body'],
    ['twoHandlers', 'unsupported-chain'],
    ['earlyReturn', 'fix-declined'],
  ])('declines %s (%s) and writes nothing', async (name, reason) => {
    const outcome = await workspace.convertFunction({ file: 'src/left.ts', needle: name });
    expect(outcome.changes).toEqual([]);
    expect(outcome.facts.declined.map((d) => [d.name, d.reason])).toEqual([[name, reason]]);
  });

  it('declines a name that declares no function', async () => {
    const outcome = await workspace.convertFunction({ file: 'src/api.ts', needle: 'User' });
    expect(outcome.facts.declined).toEqual([
      {
        file: 'src/api.ts',
        line: 1,
        column: 18,
        name: 'User',
        kind: 'function',
        reason: 'not-a-function',
        detail: 'an interface',
      },
    ]);
  });
});
