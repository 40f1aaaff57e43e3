import { describe, expect, it } from 'vitest';
import {
  type EncodingSpec,
  toEncodingSpec,
  UTF_8,
  UTF_16BE,
  UTF_16LE,
} from '../../../src/files/encoding-table.js';
import { countBytes, toDecodedText, toEncodedBytes } from '../../../src/files/source-codec.js';

const spec = (name: string): EncodingSpec => toEncodingSpec(name) as EncodingSpec;
const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, byte) => byte);

describe('toDecodedText', () => {
  it('decodes latin-1 as ISO-8859-1, with C1 controls where windows-1252 has €', () => {
    expect(toDecodedText(Uint8Array.of(0x80, 0xe9), spec('latin-1'))).toBe('\u0080é');
    expect(toDecodedText(Uint8Array.of(0x80, 0xe9), spec('cp1252'))).toBe('€é');
  });

  it('refuses bytes an encoding leaves undefined', () => {
    expect(toDecodedText(Uint8Array.of(0x81), spec('cp1252'))).toBeUndefined();
    expect(toDecodedText(Uint8Array.of(0x80), spec('ascii'))).toBeUndefined();
    expect(toDecodedText(Uint8Array.of(0xc3, 0x28), UTF_8)).toBeUndefined();
  });

  it('keeps a U+FEFF that follows the byte order mark as text', () => {
    expect(toDecodedText(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61), UTF_8)).toBe('\ufeffa');
  });

  it.each(['latin-1', 'iso8859-15', 'koi8-r', 'cp866', 'mac-roman'])(
    'round-trips every byte of %s',
    (name) => {
      const text = toDecodedText(ALL_BYTES, spec(name)) as string;
      expect(text).toHaveLength(256);
      expect(toEncodedBytes(text, spec(name))).toEqual({ bytes: ALL_BYTES });
    },
  );
});

describe('toEncodedBytes', () => {
  it('encodes what the encoding can represent and points at the first character it cannot', () => {
    expect(toEncodedBytes('café', spec('latin-1'))).toEqual({
      bytes: Uint8Array.of(0x63, 0x61, 0x66, 0xe9),
    });
    expect(toEncodedBytes('a→b', spec('latin-1'))).toEqual({ unencodableAt: 1 });
    expect(toEncodedBytes('€', spec('latin-1'))).toEqual({ unencodableAt: 0 });
    expect(toEncodedBytes('€', spec('cp1252'))).toEqual({ bytes: Uint8Array.of(0x80) });
  });

  it('refuses an unpaired surrogate in every encoding', () => {
    for (const encoding of [UTF_8, UTF_16LE, spec('latin-1')]) {
      expect(toEncodedBytes('ab\ud800', encoding)).toEqual({ unencodableAt: 2 });
      expect(toEncodedBytes('\udc00', encoding)).toEqual({ unencodableAt: 0 });
    }
  });

  it('writes UTF-16 in the byte order of the file', () => {
    expect(toEncodedBytes('a😀', UTF_16LE)).toEqual({ bytes: Buffer.from('a😀', 'utf16le') });
    expect(toEncodedBytes('a', UTF_16BE)).toEqual({ bytes: Buffer.of(0x00, 0x61) });
  });
});

describe('countBytes', () => {
  it('counts the bytes a slice of decoded text takes', () => {
    expect(countBytes('aé→😀', 0, 5, UTF_8)).toBe(1 + 2 + 3 + 4);
    expect(countBytes('aé→😀', 1, 3, UTF_8)).toBe(5);
    expect(countBytes('aé→😀', 0, 5, UTF_16BE)).toBe(10);
    expect(countBytes('aé', 0, 2, spec('latin-1'))).toBe(2);
  });
});
