import { OrchestratorError } from '../core/errors.js';
import { findCodingCookie, isPythonSource } from './coding-cookie.js';
import { type EncodingSpec, toEncodingSpec, UTF_8, UTF_16BE, UTF_16LE } from './encoding-table.js';

/** How a file's encoding was found. */
export type EncodingOrigin =
  | { by: 'bom' }
  | { by: 'cookie'; name: string; line: 1 | 2 }
  | { by: 'default' };

/** A file's encoding and the byte order mark its bytes start with. */
export interface DetectedEncoding {
  encoding: EncodingSpec;
  /** Length of the byte order mark in bytes (0 without one). */
  bomLength: number;
  origin: EncodingOrigin;
}

/**
 * The encoding of `bytes`, the content of workspace file `file`: a UTF-8 or UTF-16 BOM, else a
 * PEP 263 coding cookie for Python files, else UTF-8.
 * @throws FILE_UNDECODABLE for a cookie naming an encoding that cannot be edited byte for byte,
 *   or one that contradicts a UTF-8 BOM.
 */
export function detectEncoding(file: string, bytes: Uint8Array): DetectedEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { encoding: UTF_16LE, bomLength: 2, origin: { by: 'bom' } };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { encoding: UTF_16BE, bomLength: 2, origin: { by: 'bom' } };
  }
  const bomLength = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const cookie = isPythonSource(file) ? findCodingCookie(bytes) : undefined;
  if (cookie === undefined) {
    return { encoding: UTF_8, bomLength, origin: { by: bomLength > 0 ? 'bom' : 'default' } };
  }
  const encoding = toEncodingSpec(cookie.name);
  const where = `${file}:${cookie.line}`;
  if (encoding === undefined) {
    throw new OrchestratorError(
      'FILE_UNDECODABLE',
      `${where} declares encoding "${cookie.name}", which mcp-orchestrator cannot edit byte for byte (it edits UTF-8, UTF-16 and single-byte encodings such as latin-1 and cp1252). Convert ${file} to UTF-8, or change it by hand.`,
      { data: { file, encoding: cookie.name, line: cookie.line } },
    );
  }
  if (bomLength > 0 && encoding !== UTF_8) {
    throw new OrchestratorError(
      'FILE_UNDECODABLE',
      `${file} starts with a UTF-8 byte order mark but ${where} declares encoding "${cookie.name}"; Python refuses such a file. Remove the mark or the cookie.`,
      { data: { file, encoding: cookie.name, line: cookie.line } },
    );
  }
  return { encoding, bomLength, origin: { by: 'cookie', name: cookie.name, line: cookie.line } };
}
