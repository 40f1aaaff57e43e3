import { existsSync, renameSync } from 'node:fs';

/** Where a damaged `file` is set aside: `<file>.corrupt-<time>`. */
export function corruptPathOf(file: string, now: Date = new Date()): string {
  return `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
}

/**
 * Renames `file` to `to`, with each of its companion files (`file + suffix`, e.g. a database's
 * `-wal`) that exists; the main file has the suffix ''.
 */
export function moveAside(file: string, to: string, suffixes: readonly string[]): void {
  for (const suffix of suffixes) {
    if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${to}${suffix}`);
  }
}
