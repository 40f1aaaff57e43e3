import type ts from 'typescript';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import { lineTextAt } from '../../lang/typescript/queries/positions.js';
import type { BoundaryDraft } from './closure-types.typescript.js';
import { findModuleSystem, isEntryPoint } from './module-system.typescript.js';

/** What opens the async IIFE around a CommonJS top level. */
export const IIFE_OPEN = '(async () => {\n';
/** What closes it: an error exit, so a failure still fails the process. */
export const IIFE_CLOSE =
  '\n})().catch((error) => {\n  console.error(error);\n  process.exit(1);\n});';

/**
 * The boundary for a call at a module's top level: `top-level await` where the file is ESM and
 * may await at its top level, else an `async IIFE` with an error exit (CommonJS, or ESM whose
 * tsconfig does not allow top-level await). An entry point (package.json `bin`, `bin/`) is
 * `entry-point`, anything else `module-level`. Whether an IIFE is safe is decided later, per
 * file, once every top-level call is known.
 */
export function findTopLevelHandling(
  project: WorkspaceProject,
  site: ts.Expression,
  chain: readonly string[],
): BoundaryDraft {
  const sourceFile = site.getSourceFile();
  const file = project.toRelative(sourceFile.fileName);
  const { topLevelAwait } = findModuleSystem(project, sourceFile);
  return {
    node: site,
    kind: isEntryPoint(project, sourceFile.fileName) ? 'entry-point' : 'module-level',
    detail: `${lineTextAt(sourceFile, site.getStart(sourceFile)).trim()} runs at the top level of ${file}`,
    chain: [...chain, `${file} (top level)`],
    handling: 'wrapped',
    how: topLevelAwait ? 'top-level await' : 'async IIFE',
  };
}
