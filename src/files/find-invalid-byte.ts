import type { EncodingSpec } from './encoding-table.js';
import { toSingleByteTable } from './single-byte-table.js';

/** Offset of the first byte of `bytes` that is not valid in `encoding`, or undefined. */
export function findInvalidByte(bytes: Uint8Array, encoding: EncodingSpec): number | undefined {
  switch (encoding.kind) {
    case 'utf-8':
      return findInvalidUtf8(bytes);
    case 'utf-16le':
    case 'utf-16be':
      return findInvalidUtf16(bytes, encoding.kind === 'utf-16le');
    case 'single-byte': {
      const { decode } = toSingleByteTable(encoding.source);
      const index = bytes.findIndex((byte) => (decode[byte] as number) < 0);
      return index < 0 ? undefined : index;
    }
  }
}

/** Well-formed UTF-8 as Unicode defines it: no overlongs, no surrogates, nothing past U+10FFFF. */
function findInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const [trail, low, high] = toUtf8Rule(lead);
    if (trail === 0) return i;
    for (let k = 1; k <= trail; k += 1) {
      const byte = bytes[i + k];
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (byte === undefined || byte < min || byte > max) return i;
    }
    i += trail + 1;
  }
  return undefined;
}

/** Trailing bytes after `lead` and the range of the first of them (0 trailing: invalid lead). */
function toUtf8Rule(lead: number): [trail: number, low: number, high: number] {
  if (lead >= 0xc2 && lead <= 0xdf) return [1, 0x80, 0xbf];
  if (lead === 0xe0) return [2, 0xa0, 0xbf];
  if (lead === 0xed) return [2, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [2, 0x80, 0xbf];
  if (lead === 0xf0) return [3, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [3, 0x80, 0xbf];
  if (lead === 0xf4) return [3, 0x80, 0x8f];
  return [0, 0, 0];
}

/** Offset of an unpaired surrogate, or of a last odd byte. */
function findInvalidUtf16(bytes: Uint8Array, littleEndian: boolean): number | undefined {
  const unitAt = (i: number): number | undefined => {
    if (i + 1 >= bytes.length) return undefined;
    const a = bytes[i] as number;
    const b = bytes[i + 1] as number;
    return littleEndian ? a | (b << 8) : (a << 8) | b;
  };
  for (let i = 0; i < bytes.length; i += 2) {
    const unit = unitAt(i);
    if (unit === undefined) return i;
    if (unit >= 0xdc00 && unit <= 0xdfff) return i;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = unitAt(i + 2);
      if (next === undefined || next < 0xdc00 || next > 0xdfff) return i;
      i += 2;
    }
  }
  return undefined;
}
