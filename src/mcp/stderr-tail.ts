import type { Stream } from 'node:stream';

/** The last lines a child wrote to stderr. */
export interface StderrTail {
  /** The kept text, trimmed; '' when nothing was written. */
  text(): string;
}

/**
 * Consumes `stream` (so a chatty child never blocks on a full pipe) and keeps its last
 * `maxLines` lines, at most `maxChars` characters.
 * @param maxLines @default 20
 * @param maxChars @default 2000
 */
export function createStderrTail(
  stream: Stream | null,
  maxLines = 20,
  maxChars = 2000,
): StderrTail {
  let kept = '';
  stream?.on('data', (chunk: Buffer | string) => {
    kept = (kept + chunk.toString()).slice(-maxChars * 2);
    const lines = kept.split('\n');
    if (lines.length > maxLines + 1) kept = lines.slice(-(maxLines + 1)).join('\n');
  });
  return { text: () => kept.trim().slice(-maxChars) };
}
