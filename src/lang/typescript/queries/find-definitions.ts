import { readFile } from 'node:fs/promises';
import type { SkippedSource, SymbolDefinition } from '../../../core/source-types.js';
import { loadWorkspaceSources } from '../engine/workspace-files.js';
import { findDeclarations } from './find-declarations.js';
import { comparePositions } from './positions.js';

/**
 * Declarations named exactly `name` in the workspace's own JS/TS files (not `.d.ts`, not
 * dependencies), at the position of the declared name — read syntactically from the files that
 * hold the name's text, so no program is built and nothing is type-checked: a name that is not
 * declared is known at once, and the program LOGIC needs can be built meanwhile. Files too
 * large, minified or generated to parse are left out and handed to `onSkipped`.
 */
export async function findDefinitions(
  root: string,
  name: string,
  signal?: AbortSignal,
  onSkipped?: (skipped: SkippedSource[]) => void,
): Promise<SymbolDefinition[]> {
  const listed = await loadWorkspaceSources(root, signal ? { signal } : {});
  if (listed.skipped.length > 0) onSkipped?.(listed.skipped);
  const files = listed.files.filter((f) => !f.fileName.endsWith('.d.ts'));
  const sources = await Promise.all(
    files.map(async ({ fileName }) => ({
      fileName,
      file: fileName.slice(root.length + 1),
      text: await readFile(fileName, 'utf8').catch(() => ''),
    })),
  );
  return findDeclarations(name, sources).sort(comparePositions);
}
