import { TextDecoder } from 'node:util';
import type { EncodingSpec } from './encoding-table.js';
import { toSingleByteTable } from './single-byte-table.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const decoders = new Map<string, TextDecoder>();

/** `bytes` (without a BOM) decoded in `encoding`, or undefined when they are not valid in it. */
export function toDecodedText(bytes: Uint8Array, encoding: EncodingSpec): string | undefined {
  if (encoding.kind === 'single-byte') return decodeSingleByte(bytes, encoding);
  let decoder = decoders.get(encoding.kind);
  if (decoder === undefined) {
    decoder = new TextDecoder(encoding.kind, { fatal: true, ignoreBOM: true });
    decoders.set(encoding.kind, decoder);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * `text` encoded in `encoding`, or the index of its first code unit the encoding cannot
 * represent (an unpaired surrogate cannot be represented in any).
 */
export function toEncodedBytes(
  text: string,
  encoding: EncodingSpec,
): { bytes: Uint8Array } | { unencodableAt: number } {
  const lone = text.search(LONE_SURROGATE);
  if (lone >= 0) return { unencodableAt: lone };
  switch (encoding.kind) {
    case 'utf-8':
      return { bytes: Buffer.from(text, 'utf8') };
    case 'utf-16le':
      return { bytes: Buffer.from(text, 'utf16le') };
    case 'utf-16be':
      return { bytes: Buffer.from(text, 'utf16le').swap16() };
    case 'single-byte': {
      const { encode } = toSingleByteTable(encoding.source);
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i += 1) {
        const byte = encode.get(text.charCodeAt(i));
        if (byte === undefined) return { unencodableAt: i };
        bytes[i] = byte;
      }
      return { bytes };
    }
  }
}

/**
 * Bytes that `text.slice(from, to)` takes in `encoding`. `text` is decoded (so well-formed) and
 * neither end splits a surrogate pair.
 */
export function countBytes(text: string, from: number, to: number, encoding: EncodingSpec): number {
  switch (encoding.kind) {
    case 'utf-8':
      return Buffer.byteLength(text.slice(from, to), 'utf8');
    case 'utf-16le':
    case 'utf-16be':
      return 2 * (to - from);
    case 'single-byte':
      return to - from;
  }
}

function decodeSingleByte(bytes: Uint8Array, encoding: EncodingSpec & { kind: 'single-byte' }) {
  const { decode } = toSingleByteTable(encoding.source);
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i += 1) {
    const unit = decode[bytes[i] as number] as number;
    if (unit < 0) return undefined;
    units[i] = unit;
  }
  const parts: string[] = [];
  for (let i = 0; i < units.length; i += 8192) {
    parts.push(String.fromCharCode(...units.subarray(i, i + 8192)));
  }
  return parts.join('');
}
