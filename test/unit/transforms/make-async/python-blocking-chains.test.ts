import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConvertRun,
  createMakeAsyncPythonFixture,
  type MakeAsyncPythonFixture,
  positionOf,
} from '../../../fixtures/transforms/make-async-python.js';

const FILES = {
  'files_io.py': [
    'def load(path):',
    '    return open(path).read()',
    '',
    '',
    'def load_lines(path):',
    '    with open(path) as handle:',
    '        return [line.strip() for line in handle.readlines()]',
    '',
  ].join('\n'),
  'main.py': [
    'from files_io import load, load_lines',
    "with open('data.txt', 'w') as out:",
    "    out.write(' a \\n b \\n')",
    "print(repr(load('data.txt')), load_lines('data.txt'))",
    '',
  ].join('\n'),
};

const EXPECTED = [
  'import asyncio',
  '',
  '',
  'async def load(path):',
  '    return await asyncio.to_thread((await asyncio.to_thread(open, path)).read)',
  '',
  '',
  'async def load_lines(path):',
  '    with await asyncio.to_thread(open, path) as handle:',
  '        return [line.strip() for line in await asyncio.to_thread(handle.readlines)]',
  '',
].join('\n');

describe('make_async (Python): blocking calls inside blocking calls', () => {
  let fixture: MakeAsyncPythonFixture;
  let run: ConvertRun;

  beforeAll(async () => {
    fixture = await createMakeAsyncPythonFixture(FILES);
    run = await fixture.convert({
      roots: [
        positionOf(FILES, 'files_io.py', 'def load(', 'load'),
        positionOf(FILES, 'files_io.py', 'def load_lines', 'load_lines'),
      ],
    });
  });

  afterAll(async () => {
    await fixture?.cleanup();
  });

  it('moves both the open() and the read of the file it returns off the event loop', () => {
    expect(run.changed['files_io.py']).toBe(EXPECTED);
    expect(run.facts.rewrites.map((r) => `${r.line}:${r.column} ${r.from}`)).toEqual([
      '2:12 open(path).read()',
      '2:12 open(path)',
      '6:10 open(path)',
      '7:42 handle.readlines()',
    ]);
  });

  it('runs: the script wrapped in asyncio.run reads the file through the converted functions', async () => {
    const result = await run.exec('python3', ['main.py']);
    expect(result).toEqual({ code: 0, output: "' a \\n b \\n' ['a', 'b']\n" });
  });
});
