import { describe, expect, it } from 'vitest';
import { toDirectReason } from '../../../src/files/file-server.js';
import type { PreparedChange } from '../../../src/files/prepare-change.js';
import type { ExistingFile, NewFile } from '../../../src/files/resolve-file.js';

const target: ExistingFile = {
  file: 'a.txt',
  absolute: '/w/a.txt',
  relative: 'a.txt',
  mode: 0o644,
  isLink: false,
};
const destination: NewFile = {
  file: 'b.txt',
  absolute: '/w/b.txt',
  relative: 'b.txt',
  newFolders: [],
};

const edit = (before: Uint8Array, bytes: Uint8Array, encoding = 'utf-8'): PreparedChange => ({
  op: 'edit',
  target,
  before,
  bytes,
  encoding,
  changed: true,
  edits: 1,
});

describe('toDirectReason', () => {
  it('sends UTF-8 edits, a byte order mark included, through the server', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(
      toDirectReason(
        edit(Buffer.concat([bom, Buffer.from('a\n')]), Buffer.concat([bom, Buffer.from('b\n')])),
      ),
    ).toBeUndefined();
  });

  it('writes directly what the server would not keep byte for byte', () => {
    expect(toDirectReason(edit(Buffer.from('a\r\n'), Buffer.from('b\r\n')))).toBe(
      'it has carriage returns (CRLF line ends), which edit_file rewrites as LF',
    );
    // A lone CR added by the edit: edit_file keeps it, but the rule is the bytes', not the lines'.
    expect(toDirectReason(edit(Buffer.from('a\n'), Buffer.from('a\rb\n')))).toContain('carriage');
    expect(
      toDirectReason(edit(Buffer.from([0x63, 0xe9]), Buffer.from([0x64, 0xe9]), 'latin-1')),
    ).toBe('it is latin-1, not UTF-8, and edit_file reads and writes UTF-8 only');
    const utf16 = Buffer.from('\ufeffab', 'utf16le');
    expect(toDirectReason(edit(utf16, Buffer.from('\ufeffac', 'utf16le'), 'utf-16-le'))).toContain(
      'utf-16-le, not UTF-8',
    );
    expect(toDirectReason({ op: 'create', destination, bytes: Buffer.from([0xe9]) })).toBe(
      'its new bytes are not UTF-8, and write_file writes UTF-8 only',
    );
    expect(toDirectReason({ op: 'delete', target })).toBe(
      'the filesystem server has no delete tool',
    );
  });

  it('sends creates with CRLF (write_file keeps them) and every move through the server', () => {
    expect(
      toDirectReason({ op: 'create', destination, bytes: Buffer.from('a\r\n') }),
    ).toBeUndefined();
    expect(toDirectReason({ op: 'move', target, destination })).toBeUndefined();
  });
});
