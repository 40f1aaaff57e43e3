import type { EditFileChange } from '../../core/change/change-types.js';
import type { ComputedEdits, TransformTarget } from '../../core/services.js';
import { compareText } from '../../core/whole-word.js';
import { throwIfAborted } from '../../lang/typescript/engine/workspace-files.js';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import { findUnusedImportEdits } from '../../lang/typescript/queries/unused-import-edits.js';
import type { RemoveUnusedImportsArgs, RemoveUnusedImportsFacts } from './contract.js';

/**
 * The unused imports of the JS/TS `files` as the LanguageService's organize imports
 * (`RemoveUnused` mode) decides, as deletions of exactly those names. Files the program does
 * not hold as workspace sources (declarations, excluded folders) are skipped.
 */
export function computeRemoveUnusedImportsTypeScript(
  project: WorkspaceProject,
  _target: TransformTarget,
  args: RemoveUnusedImportsArgs,
  signal?: AbortSignal,
): ComputedEdits {
  const program = project.program();
  const changes: EditFileChange[] = [];
  const facts: RemoveUnusedImportsFacts = { removed: [], kept: [], checked: [] };
  for (const file of [...new Set(args.files)].sort(compareText)) {
    throwIfAborted(signal);
    const fileName = `${project.root}/${file}`;
    const sourceFile = program.getSourceFile(fileName);
    if (!project.isWorkspaceFile(fileName) || sourceFile === undefined) continue;
    if (sourceFile.isDeclarationFile) continue;
    facts.checked.push(file);
    if (!sourceFile.text.includes('import')) continue;
    const { edits, removed } = findUnusedImportEdits(project, file);
    if (edits.length > 0) changes.push({ op: 'edit', file, edits });
    facts.removed.push(...removed.map((binding) => ({ file, ...binding })));
  }
  return { changes, facts };
}
