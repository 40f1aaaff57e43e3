import type { Location, LocationLink } from 'vscode-languageserver-protocol';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import { ATTRIBUTE_USES_SCRIPT } from './attribute-uses-script.python.js';
import type { FunctionFacts } from './site-types.python.js';
import { toKey } from './site-types.python.js';

/** An attribute use named like a method whose receiver pyright cannot type. */
export interface UnresolvedUse {
  file: string;
  line: number;
  column: number;
  lineText: string;
}

/**
 * The `x.<method>` uses outside `known` (positions pyright already resolved to the method)
 * for which pyright finds no definition at all: the receiver's type is unknown, so the use may
 * call the method. Uses pyright resolves to anything else are left out.
 */
export async function findUnresolvedUses(
  workspace: PythonWorkspace,
  method: FunctionFacts,
  known: ReadonlySet<string>,
  signal?: AbortSignal,
): Promise<UnresolvedUse[]> {
  const files = await workspace.filesContaining(`.${method.name}`, signal);
  if (files.length === 0) return [];
  const { uses } = await workspace.runScript<{ uses: UnresolvedUse[] }>(
    ATTRIBUTE_USES_SCRIPT,
    { root: workspace.root, files, name: method.name },
    signal,
  );
  const unresolved: UnresolvedUse[] = [];
  for (const use of uses) {
    if (known.has(toKey(use))) continue;
    const params = await workspace.openPosition(use, signal);
    const answer = await workspace.session.request<
      Array<Location | LocationLink> | Location | null
    >('textDocument/definition', params, signal);
    const found = answer === null ? 0 : Array.isArray(answer) ? answer.length : 1;
    if (found === 0) unresolved.push(use);
  }
  return unresolved;
}
