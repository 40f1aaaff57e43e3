import { describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../src/core/errors.js';
import { decodeSource } from '../../../src/files/decode-source.js';

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

function decodeError(file: string, bytes: Uint8Array): { code: string; message: string } {
  try {
    decodeSource(file, bytes);
  } catch (error) {
    if (isOrchestratorError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error(`${file} decoded`);
}

describe('decodeSource', () => {
  it('decodes a Python file in the encoding its cookie declares', () => {
    const source = decodeSource(
      'ledger/core.py',
      latin1('# -*- coding: latin-1 -*-\ns = "café"\n'),
    );
    expect(source).toMatchObject({
      text: '# -*- coding: latin-1 -*-\ns = "café"\n',
      bomLength: 0,
      origin: { by: 'cookie', name: 'latin-1', line: 1 },
    });
    expect(source.encoding.name).toBe('latin-1');
  });

  it('drops a UTF-8 byte order mark from the text and remembers its length', () => {
    const source = decodeSource('a.ts', Buffer.from('\ufeffconst é = 1;\n'));
    expect(source).toMatchObject({ text: 'const é = 1;\n', bomLength: 3, origin: { by: 'bom' } });
  });

  it('decodes UTF-16 files by their byte order mark', () => {
    const le = decodeSource(
      'a.cs',
      Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from('é→', 'utf16le')]),
    );
    const be = decodeSource(
      'a.cs',
      Buffer.concat([Buffer.of(0xfe, 0xff), Buffer.from('é→', 'utf16le').swap16()]),
    );
    expect([le.text, le.encoding.name, le.bomLength]).toEqual(['é→', 'utf-16le', 2]);
    expect([be.text, be.encoding.name, be.bomLength]).toEqual(['é→', 'utf-16be', 2]);
  });

  it('ignores a coding cookie outside Python files', () => {
    expect(decodeError('notes.txt', latin1('# coding: latin-1\ncafé\n'))).toEqual({
      code: 'FILE_UNDECODABLE',
      message:
        'notes.txt is not valid UTF-8 (byte 0xE9 at offset 21, line 2) and declares no encoding, so mcp-orchestrator will not rewrite it. Convert it to UTF-8.',
    });
  });

  it('refuses invalid UTF-8 without a cookie, and tells a Python author to add one', () => {
    expect(decodeError('ledger/core.py', latin1('x = 1\ns = "café"\n')).message).toBe(
      'ledger/core.py is not valid UTF-8 (byte 0xE9 at offset 14, line 2) and declares no encoding, so mcp-orchestrator will not rewrite it. Add a coding cookie such as "# -*- coding: latin-1 -*-" on its first line, or convert it to UTF-8.',
    );
  });

  it('refuses a file that is not valid in the encoding its cookie declares', () => {
    expect(decodeError('a.py', latin1('# coding: ascii\ns = "café"\n')).message).toBe(
      'a.py declares encoding "ascii" on line 1 but is not valid ascii (byte 0xE9 at offset 24, line 2). Fix the file\'s bytes or its coding cookie.',
    );
  });

  it('refuses a cookie naming an encoding it cannot edit byte for byte', () => {
    const error = decodeError('jp.py', latin1('#!/usr/bin/env python\n# coding: shift_jis\n'));
    expect(error.code).toBe('FILE_UNDECODABLE');
    expect(error.message).toMatch(
      /^jp\.py:2 declares encoding "shift_jis", which mcp-orchestrator cannot edit/,
    );
  });

  it('refuses a UTF-8 byte order mark with a cookie declaring another encoding', () => {
    const error = decodeError('a.py', latin1('\xef\xbb\xbf# coding: latin-1\n'));
    expect(error.message).toMatch(
      /^a\.py starts with a UTF-8 byte order mark but a\.py:1 declares encoding "latin-1"/,
    );
  });

  it('refuses UTF-16 with an unpaired surrogate', () => {
    const bytes = Buffer.concat([
      Buffer.of(0xff, 0xfe),
      Buffer.from('ab', 'utf16le'),
      Buffer.of(0x00, 0xd8),
    ]);
    expect(decodeError('a.txt', bytes).message).toBe(
      "a.txt starts with a UTF-16LE byte order mark but is not valid UTF-16LE (byte 0x00 at offset 6). Fix the file's bytes.",
    );
  });
});
