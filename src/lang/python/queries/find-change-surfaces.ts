import type { SourcePosition } from '../../../core/source-types.js';
import type { PythonWorkspace } from '../engine/python-workspace.js';
import { SURFACE_SCRIPT } from '../scripts/surface-script.js';
import type { SurfaceChange } from './select-checked-importers.js';

type Position = Pick<SourcePosition, 'line' | 'column'>;

interface SurfaceName {
  name: string;
  base: Position | null;
  after: Position | null;
  hover: boolean;
}

interface FileSurface {
  file: string;
  opaque: boolean;
  names: SurfaceName[];
}

/** The surfaces read at the base, to finish under the overlay with {@link finishSurfaces}. */
export interface SurfacesAtBase {
  files: FileSurface[];
  /** pyright's hover at the base, by `file:name`, for the names whose types are compared. */
  baseTypes: Map<string, string>;
}

/**
 * Before the overlay is in place: which surface names of each edited module (`overlay` holds
 * their new text) differ by their statements, and pyright's types at the base of those whose
 * type can be compared.
 */
export async function readSurfacesAtBase(
  workspace: PythonWorkspace,
  overlay: ReadonlyMap<string, string | null>,
  signal?: AbortSignal,
): Promise<SurfacesAtBase> {
  const files = [...overlay]
    .filter(([file, text]) => text !== null && /\.pyi?$/.test(file))
    .map(([file, after]) => ({ file, after }));
  const { results } = await workspace.runScript<{ results: FileSurface[] }>(
    SURFACE_SCRIPT,
    { root: workspace.root, files },
    signal,
  );
  const baseTypes = await typesAt(workspace, results, 'base', signal);
  return { files: results, baseTypes };
}

/**
 * Under the overlay: each edited module's surface change — `'all'` when it does not parse or
 * a name on both sides may have another type (its statements differ and pyright's types differ
 * or cannot be compared), else the names it added or took away.
 */
export async function finishSurfaces(
  workspace: PythonWorkspace,
  atBase: SurfacesAtBase,
  signal?: AbortSignal,
): Promise<Map<string, SurfaceChange>> {
  const afterTypes = await typesAt(workspace, atBase.files, 'after', signal);
  const surfaces = new Map<string, SurfaceChange>();
  for (const { file, opaque, names } of atBase.files) {
    let change: Set<string> | 'all' = new Set();
    if (opaque) change = 'all';
    for (const entry of names) {
      if (change === 'all') break;
      if (entry.base === null || entry.after === null) {
        change.add(entry.name);
        continue;
      }
      const key = `${file}:${entry.name}`;
      const before = atBase.baseTypes.get(key);
      if (!entry.hover || before === undefined || before !== afterTypes.get(key)) change = 'all';
    }
    surfaces.set(file, change);
  }
  return surfaces;
}

/** pyright's hover text at each comparable name on one side, by `file:name` (none: no entry). */
async function typesAt(
  workspace: PythonWorkspace,
  files: readonly FileSurface[],
  side: 'base' | 'after',
  signal?: AbortSignal,
): Promise<Map<string, string>> {
  const asked: Array<{ key: string; params: unknown }> = [];
  for (const { file, names } of files) {
    for (const entry of names) {
      const at = entry[side];
      if (!entry.hover || entry.base === null || entry.after === null || at === null) continue;
      asked.push({
        key: `${file}:${entry.name}`,
        params: await workspace.openPosition({ file, ...at }, signal),
      });
    }
  }
  // All in flight at once, as the diagnostics are: pyright answers them in turn.
  const answers = await Promise.all(
    asked.map(({ params }) =>
      workspace.session.request<{ contents: unknown } | null>('textDocument/hover', params, signal),
    ),
  );
  const types = new Map<string, string>();
  asked.forEach(({ key }, index) => {
    const answer = answers[index];
    if (answer !== null && answer !== undefined) types.set(key, JSON.stringify(answer.contents));
  });
  return types;
}
