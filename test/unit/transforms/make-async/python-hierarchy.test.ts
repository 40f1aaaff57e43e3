import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConvertRun,
  compileAll,
  createMakeAsyncPythonFixture,
  type MakeAsyncPythonFixture,
} from '../../../fixtures/transforms/make-async-python.js';
import {
  SHAPES_EXPECTED,
  SHAPES_FILES,
} from '../../../fixtures/transforms/make-async-python-shapes.js';

const SQUARE_AREA = (() => {
  const lines = (SHAPES_FILES['geo/shapes.py'] ?? '').split('\n');
  const line = lines.findIndex(
    (l, i) => l.includes('def area') && (lines[i - 4] ?? '').includes('class Square'),
  );
  return { file: 'geo/shapes.py', line: line + 1, column: 9 };
})();

const CALLS = [
  'biggest([Square(2), Tile(3), Dot()])',
  'first_area([Square(3)])',
  'nested([Square(2), Dot()])',
  'labels([Square(2), Tile(1), Dot()])',
  'formatted(Dot())',
  'Shape.unit()',
  'Tile(2).describe()',
];

describe('make_async (Python): class hierarchies, precedence and comprehensions', () => {
  let fixture: MakeAsyncPythonFixture;
  let run: ConvertRun;

  beforeAll(async () => {
    fixture = await createMakeAsyncPythonFixture(SHAPES_FILES);
    run = await fixture.convert({ roots: [SQUARE_AREA] });
  });

  afterAll(async () => {
    await fixture?.cleanup();
  });

  it('moves the base method, the overriding methods and their callers together', () => {
    expect(run.changed['geo/shapes.py']).toBe(SHAPES_EXPECTED);
    expect(run.facts.boundaries).toEqual([]);
  });

  it('says which method each one overrides or is overridden by', () => {
    expect(run.facts.closure.map((c) => `${c.container ?? ''}.${c.name}: ${c.reason}`)).toEqual([
      'Shape.area: overridden by Square.area',
      'Shape.describe: calls Shape.area at geo/shapes.py:9',
      'Shape.unit: calls Shape.area at geo/shapes.py:13',
      'Square.area: root',
      'Tile.area: calls Square.area at geo/shapes.py:27',
      'Dot.area: overrides Shape.area',
      '.areas: calls Shape.area at geo/shapes.py:40',
      '.biggest: calls Shape.area at geo/shapes.py:44',
      '.first_area: calls Shape.area at geo/shapes.py:48',
      '.nested: calls Shape.area at geo/shapes.py:55',
      '.inner: calls Shape.area at geo/shapes.py:53',
      '.labels: calls Shape.area at geo/shapes.py:59',
      '.formatted: calls Shape.area at geo/shapes.py:63',
    ]);
  });

  it('computes the same values as the synchronous code', async () => {
    expect(await compileAll(run.tree, ['geo/shapes.py'])).toBe('');
    const exec = promisify(execFile);
    const before = await exec(
      'python3',
      ['-c', `from geo.shapes import *\nfor v in [${CALLS.join(', ')}]: print(v)`],
      { cwd: fixture.root },
    );
    const after = await run.exec('python3', [
      '-c',
      `import asyncio\nfrom geo.shapes import *\nasync def main():\n    for v in [${CALLS.map((c) => `await ${c}`).join(', ')}]: print(v)\nasyncio.run(main())`,
    ]);
    expect(after).toEqual({ code: 0, output: before.stdout });
  });
});
