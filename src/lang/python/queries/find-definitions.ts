import { type Stats, statSync } from 'node:fs';
import path from 'node:path';
import type { SkippedSource, SymbolDefinition } from '../../../core/source-types.js';
import { oversizedSourceReason } from '../../../files/oversized-source.js';
import { comparePositions } from '../engine/lsp-locations.js';
import type { PythonWorkspace } from '../engine/python-workspace.js';
import { SCOPES_SCRIPT } from '../scripts/scopes-script.js';

interface DefinitionsResult {
  results: Array<Omit<SymbolDefinition, 'language'>>;
  errors: Array<{ file: string; message: string }>;
}

/**
 * Declarations named `name` in workspace `.py` files: every `def` and `class` (methods and
 * nested functions with their container), and module- or class-level assignments. Parameters,
 * locals and imports are not declarations. Files are prefiltered by text, then parsed with
 * Python's `ast`; pyright is not started. Candidates too large, minified or generated to parse
 * are left out and handed to `onSkipped`.
 */
export async function findDefinitions(
  workspace: PythonWorkspace,
  name: string,
  signal?: AbortSignal,
  onSkipped?: (skipped: SkippedSource[]) => void,
): Promise<SymbolDefinition[]> {
  const { files, skipped, stamps } = await withoutOversized(
    workspace.root,
    await workspace.filesContaining(name, signal),
  );
  if (skipped.length > 0) onSkipped?.(skipped);
  const candidates = files.map((file) => ({ file }));
  if (candidates.length === 0) return [];
  // A rename asks for the same declarations up to three times (MAP, the target, its module's
  // attribute uses, pyright started in between): parsed once while the candidates' size and
  // modification time stay the same.
  const key = `definitions:${JSON.stringify([name, stamps])}`;
  const result = await workspace.memoOfFiles(key, () =>
    workspace.runScript<DefinitionsResult>(
      SCOPES_SCRIPT,
      { root: workspace.root, mode: 'definitions', name, files: candidates },
      signal,
    ),
  );
  return result.results
    .map((definition): SymbolDefinition => ({ ...definition, language: 'python' }))
    .sort(comparePositions);
}

/** `files` (workspace-relative) split into those to parse and those {@link oversizedSourceReason} leaves out. */
async function withoutOversized(
  root: string,
  files: readonly string[],
): Promise<{ files: string[]; skipped: SkippedSource[]; stamps: string[] }> {
  const kept: string[] = [];
  const skipped: SkippedSource[] = [];
  const stamps: string[] = [];
  for (const file of files) {
    const fileName = path.join(root, ...file.split('/'));
    // At once: one thread-pool round trip per candidate cost 4,001 candidates ~0.3 s.
    const info = statOrNothing(fileName);
    const reason =
      info === undefined
        ? undefined
        : await oversizedSourceReason(fileName, info.size, info.mtimeMs);
    if (reason === undefined) {
      kept.push(file);
      stamps.push(`${file}:${info?.size}:${info?.mtimeMs}`);
    } else skipped.push({ file, reason });
  }
  return { files: kept, skipped, stamps };
}

function statOrNothing(fileName: string): Stats | undefined {
  try {
    return statSync(fileName);
  } catch {
    return undefined;
  }
}
