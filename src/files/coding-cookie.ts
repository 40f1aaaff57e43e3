/** A PEP 263 coding cookie: the encoding name as written and the 1-based line it is on. */
export interface CodingCookie {
  name: string;
  line: 1 | 2;
}

const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const BLANK_OR_COMMENT = /^[ \t\f]*(?:#|$)/;

/** True for the files whose coding cookie is honoured: Python sources and stubs. */
export function isPythonSource(file: string): boolean {
  return file.endsWith('.py') || file.endsWith('.pyi');
}

/**
 * The coding cookie of Python source `bytes`, found as Python finds it: on the first line, or
 * on the second when the first is blank or a comment. `bytes` may start with a UTF-8 BOM.
 */
export function findCodingCookie(bytes: Uint8Array): CodingCookie | undefined {
  const [first, second] = toFirstLines(bytes);
  const onFirst = COOKIE.exec(first)?.[1];
  if (onFirst !== undefined) return { name: onFirst, line: 1 };
  if (second === undefined || !BLANK_OR_COMMENT.test(first)) return undefined;
  const onSecond = COOKIE.exec(second)?.[1];
  return onSecond === undefined ? undefined : { name: onSecond, line: 2 };
}

/** The first two lines as latin-1 (cookies are ASCII), without a UTF-8 BOM or line ends. */
function toFirstLines(bytes: Uint8Array): [string, string | undefined] {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset + start,
    Math.min(bytes.length - start, 2048),
  );
  const lines = head.toString('latin1').split(/\r\n|\r|\n/, 3);
  return [lines[0] ?? '', lines.length > 1 ? lines[1] : undefined];
}
