/** Where a single-byte encoding's 256 entries come from. */
export type SingleByteSource =
  | { base: 'latin-1' }
  | { base: 'ascii' }
  /** Bytes 0x00–0x7F are ASCII; `high` holds 0x80–0xFF, U+FFFE where a byte is undefined. */
  | { base: 'table'; name: string; high: string };

/** A generated table: its lookup keys (lower-case, letters and digits only) and bytes 0x80–0xFF. */
export interface SingleByteTableData {
  keys: readonly string[];
  /** What bytes 0x80–0xFF decode to; U+FFFE where a byte is undefined. */
  high: string;
}

/** Byte → UTF-16 code unit (−1 where the byte is undefined), and the way back. */
export interface SingleByteTable {
  readonly decode: Int32Array;
  readonly encode: ReadonlyMap<number, number>;
}

const UNDEFINED = 0xfffe;
const cache = new Map<string, SingleByteTable>();

/** The table of `source`, built once per process. */
export function toSingleByteTable(source: SingleByteSource): SingleByteTable {
  const key = source.base === 'table' ? source.name : source.base;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const decode = Int32Array.from({ length: 256 }, (_, byte) => toCodeUnit(source, byte));
  const encode = new Map<number, number>();
  decode.forEach((unit, byte) => {
    if (unit >= 0 && !encode.has(unit)) encode.set(unit, byte);
  });
  const table = { decode, encode };
  cache.set(key, table);
  return table;
}

function toCodeUnit(source: SingleByteSource, byte: number): number {
  if (byte < 0x80 || source.base === 'latin-1') return byte;
  if (source.base === 'ascii') return -1;
  const unit = source.high.charCodeAt(byte - 0x80);
  return unit === UNDEFINED || Number.isNaN(unit) ? -1 : unit;
}
