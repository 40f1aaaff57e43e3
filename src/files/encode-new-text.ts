import { OrchestratorError } from '../core/errors.js';
import { findCodingCookie, isPythonSource } from './coding-cookie.js';
import { type EncodingSpec, toEncodingSpec, UTF_8 } from './encoding-table.js';
import { toEncodedBytes } from './source-codec.js';
import { toUnencodableTextError } from './unencodable-text-error.js';

/**
 * The bytes of new file `file` with `text`: UTF-8, or for Python the encoding its own coding
 * cookie declares. A leading U+FEFF becomes a UTF-8 byte order mark.
 * @throws FILE_UNDECODABLE for an unknown cookie or text the encoding cannot represent.
 */
export function encodeNewText(file: string, text: string): Uint8Array {
  const encoding = toNewFileEncoding(file, text);
  const encoded = toEncodedBytes(text, encoding);
  if ('unencodableAt' in encoded) {
    throw toUnencodableTextError(file, encoding.name, text, encoded.unencodableAt, 'its text');
  }
  return encoded.bytes;
}

function toNewFileEncoding(file: string, text: string): EncodingSpec {
  if (!isPythonSource(file)) return UTF_8;
  const cookie = findCodingCookie(Buffer.from(text.slice(0, 2048), 'utf8'));
  if (cookie === undefined) return UTF_8;
  const encoding = toEncodingSpec(cookie.name);
  if (encoding !== undefined) return encoding;
  throw new OrchestratorError(
    'FILE_UNDECODABLE',
    `The text of new file ${file} declares encoding "${cookie.name}" on line ${cookie.line}, which mcp-orchestrator cannot write. Declare utf-8 or latin-1, or leave the cookie out.`,
    { data: { file, encoding: cookie.name, line: cookie.line } },
  );
}
