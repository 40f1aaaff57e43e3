import type { Readable } from 'node:stream';
import { settlesWithin } from './settles-within.js';

function isDone(stream: Readable): boolean {
  return stream.readableEnded || stream.destroyed;
}

function whenDone(stream: Readable): Promise<void> {
  if (isDone(stream)) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('end', resolve);
    stream.once('close', resolve);
    stream.once('error', resolve);
  });
}

/**
 * Waits at most `drainMs` for `streams` (a child's output pipes) to reach end of file, then
 * destroys them, so a descendant holding a pipe open cannot hold us. Resolves true when every
 * stream ended by itself, false when one had to be cut off.
 */
export async function drainStreams(
  streams: readonly Readable[],
  drainMs: number,
): Promise<boolean> {
  const open = streams.filter((stream) => !isDone(stream));
  if (open.length === 0) return true;
  const all = Promise.all(open.map(whenDone));
  let drained = await settlesWithin(all, drainMs);
  if (!drained) {
    // A timer can fire before the poll phase reads data already in the pipe: give it one turn.
    await new Promise((resolve) => setImmediate(resolve));
    drained = open.every(isDone);
  }
  for (const stream of open) if (!isDone(stream)) stream.destroy();
  return drained;
}
