import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
// The official server's own edit routine, run in-process: what edit_file does with our edit.
import { applyFileEdits } from '@modelcontextprotocol/server-filesystem/dist/lib.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../src/core/random.js';
import { toSingleEdit } from '../../../src/files/single-edit.js';

let dir: string;
let count = 0;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'mcpo-single-edit-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Writes `before`, applies the one edit with the server's applyFileEdits, returns the file's bytes. */
async function throughServer(before: string, after: string): Promise<Buffer> {
  const file = path.join(dir, `f${count++}.txt`);
  await writeFile(file, before, 'utf8');
  const edit = toSingleEdit(before, after);
  if (edit !== undefined) await applyFileEdits(file, [edit]);
  return readFile(file);
}

async function expectExact(before: string, after: string): Promise<void> {
  expect((await throughServer(before, after)).equals(Buffer.from(after, 'utf8'))).toBe(true);
}

describe('toSingleEdit', () => {
  it('is nothing for equal texts', () => {
    expect(toSingleEdit('same', 'same')).toBeUndefined();
  });

  it('keeps the edit to the changed region when it occurs first there', () => {
    expect(toSingleEdit('const a = getUser();\n', 'const a = fetchUser();\n')).toEqual({
      oldText: 'get',
      newText: 'fetch',
    });
  });

  it('grows the region backwards past earlier copies of the same text', async () => {
    const before = 'getUser();\ngetUser();\nlast getUser();\n';
    const after = 'getUser();\ngetUser();\nlast fetchUser();\n';
    const { oldText = '', newText = '' } = toSingleEdit(before, after) ?? {};
    // It ends where the change does and occurs first right there.
    const changedEnd = before.lastIndexOf('get') + 'get'.length;
    expect(before.indexOf(oldText)).toBe(changedEnd - oldText.length);
    // ' get' is the shortest such text: 'get' alone occurs first on line 1.
    expect({ oldText, newText }).toEqual({ oldText: ' get', newText: ' fetch' });
    await expectExact(before, after);
  });

  it('edits at the start, at the end, inserts and deletes exactly', async () => {
    await expectExact('abc\nabc\n', 'Xabc\nabc\n');
    await expectExact('abc\nabc\n', 'abc\nabc\nX');
    await expectExact('abc\nabc\n', 'bc\nabc\n');
    await expectExact('abc\nabc\n', 'abc\nab');
    await expectExact('abc\nabc\n', 'abc\nabXc\n');
    await expectExact('abc\nabc\n', '');
  });

  it('writes a whole new text into an empty file', async () => {
    expect(toSingleEdit('', 'hello\n')).toEqual({ oldText: '', newText: 'hello\n' });
    await expectExact('', 'hello\n');
  });

  it('spans every change of a file with several edits in one edit', async () => {
    const before = 'x = 1\ny = x\nz = x\n';
    const after = 'w = 1\ny = w\nz = w\n';
    expect(toSingleEdit(before, after)).toEqual({
      oldText: 'x = 1\ny = x\nz = x',
      newText: 'w = 1\ny = w\nz = w',
    });
    await expectExact(before, after);
  });

  it('keeps a byte order mark: the server reads it as U+FEFF', async () => {
    await expectExact('\uFEFFdef f(): pass\n', '\uFEFFdef g(): pass\n');
    await expectExact('\uFEFFf\nf\n', '\uFEFFf\ng\n');
  });

  it('never splits a surrogate pair', () => {
    const edit = toSingleEdit('a😀b', 'a😁b');
    expect(edit).toEqual({ oldText: '😀', newText: '😁' });
    expect(toSingleEdit('😀😀x😀', '😀😀x😁')).toEqual({ oldText: 'x😀', newText: 'x😁' });
    // Grown one code unit back, the region would start inside the first pair: it takes it whole.
    expect(toSingleEdit('😀😀', '😀😁')).toEqual({ oldText: '😀😀', newText: '😀😁' });
  });

  it('turns random texts with many repeats into each other through the server (seeded)', async () => {
    const random = createSeededRandom(7);
    const alphabet = ['a', 'b', '\n', 'ab', '😀', ' '];
    const pick = (n: number) => Math.floor(random() * n);
    const tokens = (length: number) =>
      Array.from({ length }, () => alphabet[pick(alphabet.length)] as string);
    for (let round = 0; round < 100; round += 1) {
      const parts = tokens(pick(40));
      const cut = pick(parts.length + 1);
      const end = Math.min(parts.length, cut + pick(6));
      const before = parts.join('');
      const after = [...parts.slice(0, cut), ...tokens(pick(4)), ...parts.slice(end)].join('');
      const written = await throughServer(before, after);
      expect(written.toString('utf8'), JSON.stringify({ before, after })).toBe(after);
    }
  });
});
