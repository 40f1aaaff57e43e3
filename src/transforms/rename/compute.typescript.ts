import type { ComputedEdits, TransformTarget } from '../../core/services.js';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import { findReferences } from '../../lang/typescript/queries/find-references.js';
import { requirePosition } from '../require-position.js';
import { findRenameCollisions } from './collisions.typescript.js';
import type { RenameArgs, RenameFacts } from './contract.js';
import { findRenameChanges } from './edits.typescript.js';

/** The rename, its collisions and the symbol's references, from the TypeScript LanguageService. */
export function computeRenameTypeScript(
  project: WorkspaceProject,
  target: TransformTarget,
  args: RenameArgs,
  signal?: AbortSignal,
): ComputedEdits {
  const at = requirePosition(target, 'rename');
  const collisions = findRenameCollisions(project, at, args.newName, signal);
  const changes = collisions.length > 0 ? [] : findRenameChanges(project, at, args.newName, signal);
  const facts: RenameFacts = { collisions, references: findReferences(project, at, signal) };
  return { changes, facts };
}
