import type { Diagnostic } from '../../core/diagnostics.js';

/**
 * The errors in `after` that `base` does not have: compared by file (through `renamed`, for
 * moved files), code and message as multisets, so positions shifted by the edits do not count
 * and an error already at the base is never blamed on the change.
 */
export function toNewErrors(
  base: readonly Diagnostic[],
  after: readonly Diagnostic[],
  renamed: ReadonlyMap<string, string> = new Map(),
): Diagnostic[] {
  const key = (d: Diagnostic, file: string) => `${file}\u0000${d.code}\u0000${d.message}`;
  const known = new Map<string, number>();
  for (const d of base) {
    if (d.severity !== 'error') continue;
    known.set(key(d, d.file), (known.get(key(d, d.file)) ?? 0) + 1);
  }
  const fresh: Diagnostic[] = [];
  for (const d of after) {
    if (d.severity !== 'error') continue;
    const k = key(d, renamed.get(d.file) ?? d.file);
    const left = known.get(k) ?? 0;
    if (left > 0) known.set(k, left - 1);
    else fresh.push(d);
  }
  return fresh;
}
