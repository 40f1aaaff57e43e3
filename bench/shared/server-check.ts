import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyEdits, type Edit } from './edits.js';
import type { Floor } from './raw-floors.js';
import { openRawServer } from './raw-server.js';

/** The edit nodes of a saved plan, as `bench/repo.ts` reads them. */
type PlanNode = { op: string; file?: string; edits?: Edit[] };

/**
 * The run's own compile check alone — the dependency_graph server's `diagnostics` of the changed
 * files and their importers under the change's overlay, then the base of the files with errors,
 * on programs already loaded (one check of the files at the base first, as LOGIC leaves the
 * server) — but not beside the tests, which share the two cores with it in the run. Only for a
 * plan of edits (the overlay is their text).
 */
export async function timeServerCheck(dir: string, nodes: readonly PlanNode[]): Promise<Floor> {
  const changing = nodes.filter((n) => ['edit', 'create', 'move', 'delete'].includes(n.op));
  if (changing.some((n) => n.op !== 'edit')) {
    return { ms: undefined, note: 'only measured for a change of edits' };
  }
  const overlay = changing.map((n) => {
    const file = n.file as string;
    return {
      file,
      text: applyEdits(file, readFileSync(path.join(dir, file), 'utf8'), n.edits ?? []),
    };
  });
  const files = overlay.map((o) => o.file);
  const server = await openRawServer(dir);
  try {
    await server.call('diagnostics', { files });
    const checked = await server.call<{
      checked: string[];
      diagnostics: Array<{ file: string; severity: string }>;
    }>('diagnostics', { files, importers: true, overlay });
    // Then, as the run does, the base of only the files with errors after the change.
    const erring = [
      ...new Set(checked.data.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)),
    ].sort();
    const atBase =
      erring.length > 0 ? await server.call('diagnostics', { files: erring }) : undefined;
    return {
      ms: checked.ms + (atBase?.ms ?? 0),
      note: `dependency_graph on ${checked.data.checked.length} file(s) and the base of ${erring.length} with errors, programs loaded, not beside the tests`,
    };
  } finally {
    await server.close();
  }
}
