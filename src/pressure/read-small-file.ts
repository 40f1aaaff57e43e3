import { closeSync, openSync, readSync } from 'node:fs';

// `readFileSync` costs ~70 µs on a /proc file (it stats first, then reads in chunks);
// open + one read into a reused buffer costs ~16 µs.
const buffer = Buffer.allocUnsafe(64 * 1024);

/**
 * Reads a small file (at most 64 KB: /proc and cgroup files) synchronously as Latin-1 text,
 * with one `read`.
 * Throws the file system error as is; callers decide on the fallback.
 */
export function readSmallFile(path: string): string {
  const fd = openSync(path, 'r');
  try {
    // One read returns the whole of a /proc or cgroup file (seq_file fills the buffer), and a
    // second read just to see end-of-file would add a tenth of the cost.
    const length = readSync(fd, buffer, 0, buffer.length, null);
    return buffer.toString('latin1', 0, length);
  } finally {
    closeSync(fd);
  }
}
