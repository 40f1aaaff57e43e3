import { OrchestratorError } from '../core/errors.js';
import { isPythonSource } from './coding-cookie.js';
import { type DetectedEncoding, detectEncoding } from './detect-encoding.js';
import { findInvalidByte } from './find-invalid-byte.js';
import { toDecodedText } from './source-codec.js';

/** A file's text as the language services see it, and how to turn it back into its bytes. */
export interface DecodedSource extends DetectedEncoding {
  /** The decoded text, without the byte order mark. */
  text: string;
}

/**
 * Decodes `bytes`, the content of workspace file `file`, with the file's own encoding
 * (see {@link detectEncoding}).
 * @throws FILE_UNDECODABLE naming the file and the first invalid byte.
 */
export function decodeSource(file: string, bytes: Uint8Array): DecodedSource {
  const detected = detectEncoding(file, bytes);
  const body = bytes.subarray(detected.bomLength);
  const text = toDecodedText(body, detected.encoding);
  if (text !== undefined) return { ...detected, text };
  const index = findInvalidByte(body, detected.encoding) ?? 0;
  const offset = detected.bomLength + index;
  const at = describeByte(bytes, offset, detected);
  const name = detected.encoding.name;
  const { origin } = detected;
  const message =
    origin.by === 'cookie'
      ? `${file} declares encoding "${origin.name}" on line ${origin.line} but is not valid ${name} (${at}). Fix the file's bytes or its coding cookie.`
      : origin.by === 'bom'
        ? `${file} starts with a ${name.toUpperCase()} byte order mark but is not valid ${name.toUpperCase()} (${at}). Fix the file's bytes.`
        : `${file} is not valid UTF-8 (${at}) and declares no encoding, so mcp-orchestrator will not rewrite it. ${isPythonSource(file) ? 'Add a coding cookie such as "# -*- coding: latin-1 -*-" on its first line, or convert it to UTF-8.' : 'Convert it to UTF-8.'}`;
  throw new OrchestratorError('FILE_UNDECODABLE', message, {
    data: { file, encoding: name, offset },
  });
}

/** `byte 0xE9 at offset 120, line 7` (no line for UTF-16, whose line ends are two bytes). */
function describeByte(bytes: Uint8Array, offset: number, detected: DetectedEncoding): string {
  const hex = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  const wide = detected.encoding.kind === 'utf-16le' || detected.encoding.kind === 'utf-16be';
  const line = wide ? '' : `, line ${toLineOfByte(bytes, offset)}`;
  return `byte 0x${hex} at offset ${offset}${line}`;
}

/** 1-based line of byte `offset` in ASCII-compatible `bytes`; lines end at \n, \r\n or \r. */
function toLineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line += 1;
  }
  return line;
}
