import type { DecodedSource } from './decode-source.js';
import type { LocatedEdit } from './locate-edits.js';
import { countBytes, toEncodedBytes } from './source-codec.js';
import { toUnencodableTextError } from './unencodable-text-error.js';

/**
 * The bytes of `file` with `edits` (in text order, not overlapping) applied: each range is
 * mapped to byte offsets and replaced by its new text in the file's encoding; every other byte
 * is copied as it was, never decoded and encoded again.
 * @throws FILE_UNDECODABLE when the file's encoding cannot represent a new text.
 */
export function spliceBytes(
  file: string,
  bytes: Uint8Array,
  source: DecodedSource,
  edits: readonly LocatedEdit[],
): Uint8Array {
  const { text, encoding } = source;
  const chunks: Uint8Array[] = [];
  let textAt = 0;
  let byteAt = source.bomLength;
  let copiedTo = 0;
  for (const { start, end, edit } of edits) {
    byteAt += countBytes(text, textAt, start, encoding);
    const startByte = byteAt;
    byteAt += countBytes(text, start, end, encoding);
    textAt = end;
    const encoded = toEncodedBytes(edit.newText, encoding);
    if ('unencodableAt' in encoded) {
      const where = `the new text at ${edit.start[0]}:${edit.start[1]}`;
      throw toUnencodableTextError(file, encoding.name, edit.newText, encoded.unencodableAt, where);
    }
    chunks.push(bytes.subarray(copiedTo, startByte), encoded.bytes);
    copiedTo = byteAt;
  }
  chunks.push(bytes.subarray(copiedTo));
  return Buffer.concat(chunks);
}
