import { describe, expect, it } from 'vitest';
import type { FileChange } from '../../../../src/core/change/change-types.js';
import { isOrchestratorError } from '../../../../src/core/errors.js';
import { parseIntent } from '../../../../src/intent/parse-intent.js';
import { checkConvertPromisesChange } from '../../../../src/transforms/convert-promises/check-change.js';
import type { ConvertFacts } from '../../../../src/transforms/convert-promises/contract.js';
import { refuseNothingConverted } from '../../../../src/transforms/convert-promises/refusals.js';
import { resolveFiles } from '../../../../src/transforms/convert-promises/resolve-files.js';

const thrown = (body: () => unknown): Error & { code?: string } => {
  try {
    body();
  } catch (error) {
    return error as Error;
  }
  throw new Error('nothing was thrown');
};

describe('convert_promises commands', () => {
  it.each([
    [
      'convert promise chains to async/await in src/api.ts',
      { target: 'src/api.ts', targetKind: 'path' },
    ],
    ['Convert the promise chains to async-await in ./src/', { target: 'src', targetKind: 'path' }],
    ['convert .then/.catch chains to async await in .', { target: '.', targetKind: 'path' }],
    ['convert all promise chains to async/await', { target: '.', targetKind: 'path' }],
    [
      'rewrite promise chains in lib/db.js to use async/await.',
      { target: 'lib/db.js', targetKind: 'path' },
    ],
    ['convert promise chains to async/await in folder src', { target: 'src', targetKind: 'path' }],
    [
      'convert promise chains to async/await in loadUser',
      { target: 'loadUser', targetKind: 'symbol' },
    ],
    [
      'convert promise chains to async/await in function `load`',
      { target: 'load', targetKind: 'symbol' },
    ],
    [
      'convert the promise chains of method Store.get to async and await',
      { target: 'Store.get', targetKind: 'symbol' },
    ],
  ])('reads "%s"', (command, expected) => {
    expect(parseIntent(command)).toEqual({ kind: 'convert_promises', ...expected });
  });

  it('leaves "convert <name> to async" and "… to async/await" to make_async', () => {
    expect(parseIntent('convert fetchUser to async').kind).toBe('make_async');
    expect(parseIntent('convert fetchUser to async/await').kind).toBe('make_async');
  });

  it('refuses a Python path and a path out of the repository before any server starts, and reads a call as its function', () => {
    const python = thrown(() =>
      parseIntent('convert promise chains to async/await in risk/management.py'),
    );
    expect(isOrchestratorError(python, 'BAD_INPUT')).toBe(true);
    expect(python.message).toBe(
      'risk/management.py is Python: "convert promise chains to async/await" works on JavaScript and TypeScript only (Python has no .then/.catch chains). To make Python functions coroutines, use "make <name> async".',
    );
    const outside = thrown(() =>
      parseIntent('convert promise chains to async/await in ../other/src'),
    );
    expect(isOrchestratorError(outside, 'PATH_OUTSIDE_WORKSPACE')).toBe(true);
    expect(parseIntent('convert promise chains to async/await in load()')).toEqual({
      kind: 'convert_promises',
      target: 'load',
      targetKind: 'symbol',
    });
  });
});

describe('the files a path names', () => {
  const tracked = [
    'README.md',
    'lib/a.py',
    'lib/b.py',
    'node_modules/x/index.js',
    'src/api.ts',
    'src/types.d.ts',
    'src/util/db.js',
    'src/util/notes.txt',
    'tools/run.py',
    'tools/run.sh',
  ];

  it('is the file itself, or every JS/TS source under a folder (declarations and node_modules left out)', () => {
    expect(resolveFiles('src/api.ts', tracked)).toEqual(['src/api.ts']);
    expect(resolveFiles('src', tracked)).toEqual(['src/api.ts', 'src/util/db.js']);
    expect(resolveFiles('.', tracked)).toEqual(['src/api.ts', 'src/util/db.js']);
  });

  it.each([
    [
      'lib',
      'lib/ is Python: "convert promise chains to async/await" works on JavaScript and TypeScript only',
    ],
    ['tools/run.py', 'tools/run.py is Python'],
    ['README.md', 'README.md is not a JavaScript or TypeScript source file'],
    [
      'src/util/notes',
      'Nothing tracked in this repository is at src/util/notes: name a file or folder',
    ],
  ])('refuses %s', (path, message) => {
    const error = thrown(() => resolveFiles(path, tracked));
    expect(isOrchestratorError(error, 'BAD_INPUT')).toBe(true);
    expect(error.message).toContain(message);
  });
});

describe('refusing a conversion that converts nothing', () => {
  const facts = (declined: ConvertFacts['declined']): ConvertFacts => ({
    converted: [],
    declined,
    examined: ['src/left.ts'],
    skipped: [],
    engine: 'TypeScript 5.9.3 convertToAsyncFunction',
  });
  const left = (
    name: string,
    line: number,
    reason: ConvertFacts['declined'][number]['reason'],
  ) => ({
    file: 'src/left.ts',
    line,
    column: 17,
    name,
    kind: 'function' as const,
    reason,
  });

  it('names the function, where it is and why TypeScript does not convert it', () => {
    const intent = {
      kind: 'convert_promises' as const,
      target: 'already',
      targetKind: 'symbol' as const,
    };
    const error = thrown(() =>
      refuseNothingConverted(intent, facts([left('already', 3, 'already-async')])),
    );
    expect(isOrchestratorError(error, 'NOTHING_TO_DO')).toBe(true);
    expect(error.message).toBe(
      'No promise chain to convert to async/await in already (src/left.ts:3): it is async already. Nothing was changed.',
    );
    const arrow = thrown(() =>
      refuseNothingConverted(intent, facts([left('arrowExpr', 7, 'expression-body')])),
    );
    expect(arrow.message).toContain(
      'arrowExpr (src/left.ts:7): it is an arrow function with an expression body',
    );
  });

  it('refuses a name that is not a function as bad input', () => {
    const intent = {
      kind: 'convert_promises' as const,
      target: 'User',
      targetKind: 'symbol' as const,
    };
    const error = thrown(() =>
      refuseNothingConverted(
        intent,
        facts([{ ...left('User', 1, 'not-a-function'), detail: 'an interface' }]),
      ),
    );
    expect(isOrchestratorError(error, 'BAD_INPUT')).toBe(true);
    expect(error.message).toBe(
      'User at src/left.ts:1 is not a function (it is an interface), so it has no promise chain to convert. Name a function or method.',
    );
  });

  it('names the files looked at and every function that calls .then/.catch there', () => {
    const intent = {
      kind: 'convert_promises' as const,
      target: 'src/left.ts',
      targetKind: 'path' as const,
    };
    const error = thrown(() =>
      refuseNothingConverted(
        intent,
        facts([left('notReturned', 9, 'chain-not-returned'), left('withFinally', 28, 'finally')]),
      ),
    );
    expect(isOrchestratorError(error, 'NOTHING_TO_DO')).toBe(true);
    expect(error.message.split('\n')).toEqual([
      'No .then/.catch chain in src/left.ts can be converted to async/await: TypeScript suggests convertToAsyncFunction for no function there (it converts a function whose block body returns a .then/.catch chain on a value the checker types as a Promise).',
      'Functions that call .then/.catch and why each is left:',
      '  notReturned (src/left.ts:9): its .then/.catch chain is not returned (TypeScript converts only a returned chain)',
      expect.stringMatching(
        /^ {2}withFinally \(src\/left\.ts:28\): its chain calls \.finally, which TypeScript/,
      ),
      'Nothing was changed.',
    ]);
  });
});

describe('what a conversion may write', () => {
  const change = (oldText: string, newText: string, file = 'src/api.ts'): FileChange => ({
    op: 'edit',
    file,
    edits: [{ start: [3, 3], end: [3, 3], oldText, newText, reason: 'x' }],
  });
  const ret = "return load('a').then((a) => a.length)";

  it("accepts the code fix's own shapes: async, try/catch, awaited consts, invented and typed names", () => {
    expect(checkConvertPromisesChange(change('', 'async '))).toBeUndefined();
    expect(
      checkConvertPromisesChange(change(ret, "const a = await load('a');\n  return a.length;")),
    ).toBeUndefined();
    expect(
      checkConvertPromisesChange(
        change(
          'return fetchJson(key).then(JSON.parse).then((d) => d.id);',
          'const text = await fetchJson(key);\n    const d = await JSON.parse(text);\n    return d.id;',
        ),
      ),
    ).toBeUndefined();
    expect(
      checkConvertPromisesChange(
        change(
          "return load('a').catch(() => 'none').then((a) => a.length);",
          "let result: string | { a: number; } | undefined;\n  try {\n    result = await load('a');\n  } catch {\n    result = 'none';\n  }\n  const { length: result_1 } = result;\n  return result_1;",
        ),
      ),
    ).toBeUndefined();
  });

  it.each([
    [
      { op: 'create', file: 'src/x.ts', text: '', reason: '' } as FileChange,
      'does not create files',
    ],
    [change('', '', 'src/notes.md'), 'edits JavaScript and TypeScript files, not src/notes.md'],
    [change('', 'export '), 'inserts "export ", but a conversion inserts only the async keyword'],
    [change('const a = 1;', 'const a = 2;'), 'a conversion replaces only return statements'],
    [change(ret, "const a = await load('b');\n  return a.length;"), "writes the string 'b'"],
    [
      change(ret, "const a = await load('a');\n  process.exit(1);"),
      'writes "process", which is neither in the old code nor a name the new code declares',
    ],
    [
      change(ret, "const rmSync = await load('a');\n  return a.rmSync();"),
      'writes ".rmSync", a member the old code does not use',
    ],
  ])('refuses %j', (edit, message) => {
    expect(checkConvertPromisesChange(edit)).toContain(message);
  });
});
