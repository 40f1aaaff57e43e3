import { describe, expect, it } from 'vitest';
import type { RangeEdit } from '../../../src/core/change/change-types.js';
import { decodeSource } from '../../../src/files/decode-source.js';
import { locateEdits } from '../../../src/files/locate-edits.js';
import { spliceBytes } from '../../../src/files/splice-bytes.js';

const edit = (line: number, column: number, oldText: string, newText: string): RangeEdit => ({
  start: [line, column],
  end: [line, column + oldText.length],
  oldText,
  newText,
  reason: 'test',
});

function splice(file: string, bytes: Buffer, edits: RangeEdit[]): Buffer {
  const source = decodeSource(file, bytes);
  return Buffer.from(spliceBytes(file, bytes, source, locateEdits(file, source.text, edits)));
}

describe('spliceBytes', () => {
  it('maps columns after multi-byte UTF-8 characters to the right bytes', () => {
    const bytes = Buffer.from('ça → 😀 old\n');
    expect(splice('a.ts', bytes, [edit(1, 9, 'old', 'new')]).toString()).toBe('ça → 😀 new\n');
  });

  it('writes new text in latin-1 and copies every other byte', () => {
    const bytes = Buffer.from('# coding: latin-1\n\x80 café = 1\n', 'latin1');
    const result = splice('a.py', bytes, [edit(2, 3, 'café', 'thé')]);
    expect(result).toEqual(Buffer.from('# coding: latin-1\n\x80 thé = 1\n', 'latin1'));
  });

  it('keeps a UTF-16 byte order mark and writes two bytes a code unit', () => {
    const bytes = Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from('x = é;\r\n', 'utf16le')]);
    const result = splice('a.cs', bytes, [edit(1, 5, 'é', '→')]);
    expect(result).toEqual(
      Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from('x = →;\r\n', 'utf16le')]),
    );
  });

  it('refuses new text the encoding cannot represent, naming file, character and position', () => {
    const bytes = Buffer.from('# coding: latin-1\nx = 1\n', 'latin1');
    expect(() => splice('ledger/core.py', bytes, [edit(2, 1, 'x', 'x→')])).toThrow(
      'ledger/core.py is latin-1, which cannot represent "→" (U+2192) in the new text at 2:1. Write the character as an escape, or convert ledger/core.py to UTF-8 first.',
    );
  });
});
