import { TextDecoder } from 'node:util';

/** Where a single-byte encoding's 256 entries come from. */
export type SingleByteSource =
  | { base: 'latin-1' }
  | { base: 'ascii' }
  /**
   * A WHATWG encoding of Node's `TextDecoder`. `c1` says what bytes 0x80–0x9F that WHATWG maps
   * to the C1 control of the same number mean: `holes` undefined (Python's cp125x), `identity`
   * that control for all of 0x80–0x9F (ISO-8859 built on a Windows page), `decoded` as decoded.
   */
  | { base: 'whatwg'; label: string; c1: 'holes' | 'identity' | 'decoded' };

/** Byte → UTF-16 code unit (−1 where the byte is undefined), and the way back. */
export interface SingleByteTable {
  readonly decode: Int32Array;
  readonly encode: ReadonlyMap<number, number>;
}

const cache = new Map<string, SingleByteTable>();

/** The table of `source`, built once per process. */
export function toSingleByteTable(source: SingleByteSource): SingleByteTable {
  const key = source.base === 'whatwg' ? `${source.label}:${source.c1}` : source.base;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const decode = new Int32Array(256);
  for (let byte = 0; byte < 256; byte += 1) decode[byte] = toCodeUnit(source, byte);
  const encode = new Map<number, number>();
  decode.forEach((unit, byte) => {
    if (unit >= 0 && !encode.has(unit)) encode.set(unit, byte);
  });
  const table = { decode, encode };
  cache.set(key, table);
  return table;
}

function toCodeUnit(source: SingleByteSource, byte: number): number {
  if (source.base === 'latin-1') return byte;
  if (source.base === 'ascii') return byte < 0x80 ? byte : -1;
  const isC1 = byte >= 0x80 && byte <= 0x9f;
  if (isC1 && source.c1 === 'identity') return byte;
  let text: string;
  try {
    text = new TextDecoder(source.label, { fatal: true }).decode(Uint8Array.of(byte));
  } catch {
    return -1;
  }
  const unit = text.length === 1 ? text.charCodeAt(0) : -1;
  return isC1 && unit === byte && source.c1 === 'holes' ? -1 : unit;
}
