import { OrchestratorError } from '../../core/errors.js';
import type { NameCollision, SourcePosition } from '../../core/source-types.js';
import { comparePositions } from '../../lang/python/engine/lsp-locations.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import {
  classifyReferences,
  isBindingSite,
} from '../../lang/python/queries/classify-references.js';
import { findReferenceLocations } from '../../lang/python/queries/find-reference-locations.js';
import type { PositionScopes, PythonScope } from '../../lang/python/queries/scope-types.js';
import { resolveRenameTarget } from './target.python.js';

/**
 * Existing bindings of `newName` that renaming the symbol at `at` would clash with: in the
 * scope that defines it (module globals, class members, function locals), in every scope
 * between a use and the definition (enclosing function locals), and in modules that import it
 * by name. Also reports uses of a global or builtin `newName` that the renamed module-level
 * binding would capture. Sorted by file, line, column.
 * @throws INVALID_IDENTIFIER for a bad `newName`; SYMBOL_NOT_FOUND when no symbol is at `at`.
 */
export async function findRenameCollisions(
  workspace: PythonWorkspace,
  rawAt: SourcePosition,
  newName: string,
  signal?: AbortSignal,
): Promise<NameCollision[]> {
  const target = await resolveRenameTarget(workspace, rawAt, newName, signal);
  if (target === undefined) return [];
  const { at, name, reader } = target;
  const locations = await findReferenceLocations(workspace, reader, at, name, signal);
  if (locations.length === 0) {
    throw new OrchestratorError(
      'SYMBOL_NOT_FOUND',
      `No symbol ${JSON.stringify(name)} at ${at.file}:${at.line}:${at.column}. Point at a symbol's name.`,
      { data: { ...at, name } },
    );
  }
  const scopes = await classifyReferences(
    workspace,
    locations,
    { names: [name, newName], freeName: newName },
    signal,
  );
  const found = new Map<string, NameCollision>();
  const add = (file: string, position: { line: number; column: number }, reason: string) => {
    const key = `${file}:${position.line}:${position.column}`;
    if (!found.has(key)) found.set(key, { file, ...position, name: newName, reason });
  };
  const modulesBindingTheName = new Set<string>();
  for (const location of locations) {
    const facts = scopes.at(location);
    if (facts === undefined) continue;
    const checked = scopesToCheck(facts, name, location);
    for (const scope of checked) {
      const clash = scope.names.find((binding) => binding.name === newName);
      if (clash !== undefined) {
        add(
          location.file,
          clash,
          `${JSON.stringify(newName)} is already bound in ${describeScope(scope)}, where ${JSON.stringify(name)} is ${facts.context === 'import' ? 'imported' : 'used'} at line ${location.line}.`,
        );
      }
    }
    if (checked.at(-1)?.kind === 'module' && bindsAtModule(facts, name, location)) {
      modulesBindingTheName.add(location.file);
    }
  }
  for (const file of scopes.files) {
    if (!modulesBindingTheName.has(file.file)) continue;
    for (const load of file.freeLoads) {
      add(
        file.file,
        load,
        `${JSON.stringify(newName)} is used here as a global or builtin; after renaming ${JSON.stringify(name)} it would refer to the renamed symbol.`,
      );
    }
  }
  return [...found.values()].sort(comparePositions);
}

/** The scopes whose bindings of `newName` would clash at one reference. */
function scopesToCheck(
  facts: PositionScopes,
  name: string,
  location: { line: number; column: number },
): PythonScope[] {
  const [innermost] = facts.scopes;
  if (innermost === undefined) return [];
  switch (facts.context) {
    case 'attribute':
    case 'import-alias':
    case 'keyword':
    case 'string':
      // The target namespace is checked at the definition; an alias keeps its own name.
      return [];
    case 'import':
      return [innermost];
    case 'name':
      break;
  }
  if (isBindingSite(facts, name, location.line, location.column)) return [innermost];
  const chain: PythonScope[] = [];
  for (const [index, scope] of facts.scopes.entries()) {
    if (scope.kind === 'class' && index > 0) continue;
    chain.push(scope);
    if (scope.names.some((binding) => binding.name === name)) break;
  }
  return chain;
}

/** True when the reference binds `name` at module level (definition or `from m import name`). */
function bindsAtModule(
  facts: PositionScopes,
  name: string,
  location: { line: number; column: number },
): boolean {
  if (facts.scopes.length !== 1) return false;
  return facts.context === 'import' || isBindingSite(facts, name, location.line, location.column);
}

function describeScope(scope: PythonScope): string {
  switch (scope.kind) {
    case 'module':
      return 'the module';
    case 'class':
      return `class ${scope.name ?? ''}`;
    case 'function':
      return `function ${scope.name ?? ''}`;
    default:
      return `a ${scope.kind}`;
  }
}
