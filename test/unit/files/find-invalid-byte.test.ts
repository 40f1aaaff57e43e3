import { describe, expect, it } from 'vitest';
import { toEncodingSpec, UTF_8, UTF_16BE, UTF_16LE } from '../../../src/files/encoding-table.js';
import { findInvalidByte } from '../../../src/files/find-invalid-byte.js';

describe('findInvalidByte', () => {
  it.each([
    ['a lone continuation byte', [0x61, 0x80], 1],
    ['an overlong two-byte form', [0x61, 0xc0, 0x80], 1],
    ['an overlong three-byte form', [0xe0, 0x80, 0x80], 0],
    ['an encoded surrogate', [0x61, 0x62, 0xed, 0xa0, 0x80], 2],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a sequence cut short by the end', [0x61, 0xe2, 0x82], 1],
    ['a sequence cut short by ASCII', [0xe2, 0x82, 0x61], 0],
    ['latin-1 é read as UTF-8', [0x63, 0x61, 0x66, 0xe9, 0x0a], 3],
  ])('finds %s in UTF-8', (_, bytes, offset) => {
    expect(findInvalidByte(Uint8Array.from(bytes), UTF_8)).toBe(offset);
  });

  it('finds nothing wrong in well-formed UTF-8', () => {
    expect(findInvalidByte(Buffer.from('aé→😀\u{10FFFF}'), UTF_8)).toBeUndefined();
  });

  it('finds an unpaired surrogate or an odd last byte in UTF-16', () => {
    expect(findInvalidByte(Uint8Array.of(0x61, 0x00, 0x00, 0xdc), UTF_16LE)).toBe(2);
    expect(findInvalidByte(Uint8Array.of(0xd8, 0x3d, 0x00, 0x61), UTF_16BE)).toBe(0);
    expect(findInvalidByte(Uint8Array.of(0x61, 0x00, 0x62), UTF_16LE)).toBe(2);
    expect(findInvalidByte(Buffer.from('a😀', 'utf16le'), UTF_16LE)).toBeUndefined();
  });

  it('finds a byte a single-byte encoding leaves undefined', () => {
    const cp1252 = toEncodingSpec('cp1252');
    expect(cp1252).toBeDefined();
    if (cp1252 !== undefined)
      expect(findInvalidByte(Uint8Array.of(0x80, 0x61, 0x8d), cp1252)).toBe(2);
  });
});
