import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  EXAMINED_SOURCE_BYTES,
  MAX_SOURCE_BYTES,
  MINIFIED_LINE_CHARS,
  oversizedSourceReason,
} from '../../../src/files/oversized-source.js';

const dir = mkdtempSync(path.join(tmpdir(), 'oversized-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `text` and asks for its verdict. */
async function verdictOf(name: string, text: string): Promise<string | undefined> {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  const info = statSync(file);
  return oversizedSourceReason(file, info.size, info.mtimeMs);
}

/** `lines` lines of `width` characters each. */
const linesOf = (lines: number, width: number) => `${'x'.repeat(width - 1)}\n`.repeat(lines);

describe('oversizedSourceReason', () => {
  it('reads every file up to 256 KB, however long its lines', async () => {
    expect(await verdictOf('small.js', 'x'.repeat(EXAMINED_SOURCE_BYTES))).toBeUndefined();
  });

  it('reads a large file of ordinary lines', async () => {
    expect(await verdictOf('long.js', linesOf(6_000, 80))).toBeUndefined();
  });

  it('skips a large file with a minified line in its head, naming its size and the line limit', async () => {
    const text = `${'a'.repeat(MINIFIED_LINE_CHARS + 1)}\n${linesOf(4_000, 80)}`;
    expect(await verdictOf('bundle.min.js', text)).toBe(
      'minified or generated: 0.3 MB with a line of over 5,000 characters',
    );
  });

  it('skips a file over 2 MB without reading it', async () => {
    expect(await verdictOf('huge.py', linesOf(MAX_SOURCE_BYTES / 64 + 1, 64))).toBe(
      '2.0 MB, over the 2.0 MB a source file is parsed up to',
    );
  });

  it('judges a file again once it changes', async () => {
    expect(await verdictOf('changing.js', linesOf(6_000, 80))).toBeUndefined();
    expect(
      await verdictOf(
        'changing.js',
        `${'a'.repeat(MINIFIED_LINE_CHARS + 1)}\n${linesOf(4_000, 80)}`,
      ),
    ).toMatch(/^minified/);
  });
});
