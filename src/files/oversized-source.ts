import { open } from 'node:fs/promises';

/** Files above this size are read no further than their head, to tell whether they are code. */
export const EXAMINED_SOURCE_BYTES = 256 * 1024;
/** Files above this size are never parsed: a hand-written source file is far smaller. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;
/** A line this long in a large file marks it as minified or generated. */
export const MINIFIED_LINE_CHARS = 5_000;
/** How much of a large file's head is read to find such a line. */
const HEAD_BYTES = 64 * 1024;

const verdicts = new Map<string, { key: string; reason: string | undefined }>();

/**
 * Why a source file of `sizeBytes` at `fileName` (absolute) is left out of parsing and analysis,
 * or undefined when it is read: over {@link MAX_SOURCE_BYTES}, or over
 * {@link EXAMINED_SOURCE_BYTES} with a line of more than {@link MINIFIED_LINE_CHARS} characters
 * in its first 64 KB (minified or generated). Bounded work: at most 64 KB read per file, and a
 * verdict kept while the file's size and modification time stay the same.
 */
export async function oversizedSourceReason(
  fileName: string,
  sizeBytes: number,
  mtimeMs: number,
): Promise<string | undefined> {
  if (sizeBytes <= EXAMINED_SOURCE_BYTES) return undefined;
  if (sizeBytes > MAX_SOURCE_BYTES) {
    return `${toMegabytes(sizeBytes)} MB, over the ${toMegabytes(MAX_SOURCE_BYTES)} MB a source file is parsed up to`;
  }
  const key = `${sizeBytes}:${mtimeMs}`;
  const known = verdicts.get(fileName);
  if (known?.key === key) return known.reason;
  const longest = await longestLineInHead(fileName);
  const reason =
    longest > MINIFIED_LINE_CHARS
      ? `minified or generated: ${toMegabytes(sizeBytes)} MB with a line of over ${MINIFIED_LINE_CHARS.toLocaleString('en')} characters`
      : undefined;
  verdicts.set(fileName, { key, reason });
  return reason;
}

/** The longest line (in bytes) within the file's first {@link HEAD_BYTES}; 0 when unreadable. */
async function longestLineInHead(fileName: string): Promise<number> {
  const handle = await open(fileName, 'r').catch(() => undefined);
  if (handle === undefined) return 0;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    let longest = 0;
    let start = 0;
    for (let index = buffer.indexOf(10, 0); ; index = buffer.indexOf(10, start)) {
      const end = index === -1 || index >= bytesRead ? bytesRead : index;
      longest = Math.max(longest, end - start);
      if (end === bytesRead) break;
      start = end + 1;
    }
    return longest;
  } finally {
    await handle.close();
  }
}

function toMegabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
