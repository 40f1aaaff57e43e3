import type { SourcePosition } from '../../core/source-types.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import { findDefinitions } from '../../lang/python/queries/find-definitions.js';
import { MODULE_ATTRIBUTES_SCRIPT } from './module-attributes-script.python.js';

/** An attribute use of a module-level symbol through its module's dotted path. */
export interface ModuleAttributeUse {
  file: string;
  line: number;
  column: number;
  length: number;
  /** The dotted path as resolved, e.g. `pkg.errors.ParseFailure`. */
  path: string;
}

/**
 * The dotted names a module may be imported by: its path from the workspace root and every
 * shorter suffix of two parts or more (`src/pkg/errors.py` → `src.pkg.errors`, `pkg.errors`).
 */
export function toModuleNames(file: string): string[] {
  const parts = file.replace(/\.pyi?$/, '').split('/');
  if (parts.at(-1) === '__init__') parts.pop();
  const names: string[] = [];
  for (let start = 0; start < parts.length; start += 1) {
    if (parts.length - start >= 2 || start === 0) names.push(parts.slice(start).join('.'));
  }
  return names.filter((name) => name !== '');
}

/**
 * Uses of the module-level symbol declared at `at` (named `name`) as `<module>.<name>` where
 * the module path resolves, through the using file's imports, to the declaring module — uses
 * pyright may miss when a package never imports the submodule. Positions in `known` are left out.
 */
export async function findModuleAttributeUses(
  workspace: PythonWorkspace,
  at: SourcePosition,
  name: string,
  known: ReadonlySet<string>,
  signal?: AbortSignal,
): Promise<ModuleAttributeUse[]> {
  const modules = toModuleNames(at.file);
  if (modules.length === 0) return [];
  // Only a module-level symbol is an attribute of its module.
  const declared = (await findDefinitions(workspace, name, signal)).find(
    (d) => d.file === at.file && d.line === at.line && d.column === at.column,
  );
  if (declared === undefined || declared.container !== undefined) return [];
  const files = await workspace.filesContaining(name, signal);
  if (files.length === 0) return [];
  const result = await workspace.runScript<{
    uses: Array<Omit<ModuleAttributeUse, 'length'>>;
  }>(MODULE_ATTRIBUTES_SCRIPT, { root: workspace.root, files, name, modules }, signal);
  return result.uses
    .filter((use) => !known.has(`${use.file}:${use.line}:${use.column}`))
    .map((use) => ({ ...use, length: name.length }));
}
