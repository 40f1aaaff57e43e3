import type { SourcePosition } from '../../core/source-types.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import { findDefinitions } from '../../lang/python/queries/find-definitions.js';

/**
 * The other declaration of the same symbol in a module's stub, or in the module a stub
 * describes (`a/b.py` ↔ `a/b.pyi`, same name, same class): pyright resolves uses that go
 * through the stub to the stub, so a rename must start from both.
 */
export async function findStubCounterpart(
  workspace: PythonWorkspace,
  at: SourcePosition,
  name: string,
  signal?: AbortSignal,
): Promise<SourcePosition | undefined> {
  const other = at.file.endsWith('.pyi') ? at.file.slice(0, -1) : `${at.file}i`;
  const definitions = await findDefinitions(workspace, name, signal);
  const here = definitions.find(
    (d) => d.file === at.file && d.line === at.line && d.column === at.column,
  );
  if (here === undefined) return undefined;
  const there = definitions.find(
    (d) => d.file === other && d.container === here.container && d.kind === here.kind,
  );
  return there === undefined
    ? undefined
    : { file: there.file, line: there.line, column: there.column };
}
