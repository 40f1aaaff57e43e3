import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import ts from '../../lang/typescript/typescript.js';
import { type FunctionUnit, toUnitOfDeclaration } from './function-units.typescript.js';
import type { HierarchyMate } from './hierarchy.typescript.js';

const DECLARATION_FILE_OF: ReadonlyArray<[RegExp, string]> = [
  [/\.jsx?$/, '.d.ts'],
  [/\.cjs$/, '.d.cts'],
  [/\.mjs$/, '.d.mts'],
];

/**
 * The declarations a hand-written declaration file beside a JavaScript module (`lib/main.d.ts`
 * for `lib/main.js`) gives its top-level function `unit`: TypeScript resolves the module's
 * importers to that file, so their calls are references of these declarations, not of the
 * JavaScript function — and their return types must become `Promise<T>` with it. Sorted by
 * position; none for other units or when no such file is in the program.
 */
export function findDeclarationFileMates(
  project: WorkspaceProject,
  unit: FunctionUnit,
): HierarchyMate[] {
  if (unit.role !== 'function' || unit.container !== undefined) return [];
  const fileName = unit.sourceFile.fileName;
  const rule = DECLARATION_FILE_OF.find(([pattern]) => pattern.test(fileName));
  if (rule === undefined) return [];
  const declarationFileName = fileName.replace(rule[0], rule[1]);
  const declarationFile = project.program().getSourceFile(declarationFileName);
  if (declarationFile === undefined || !project.isWorkspaceFile(declarationFileName)) return [];
  const relative = project.toRelative(declarationFileName);
  const mates: HierarchyMate[] = [];
  for (const statement of declarationFile.statements) {
    if (!ts.isFunctionDeclaration(statement) || statement.name?.text !== unit.name) continue;
    const mate = toUnitOfDeclaration(statement);
    if (mate === undefined) continue;
    mates.push({
      unit: mate,
      reason: `declares ${unit.name} of ${project.toRelative(fileName)} for its importers (${relative})`,
    });
  }
  return mates;
}
