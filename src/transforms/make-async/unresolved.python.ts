import type { Location, LocationLink } from 'vscode-languageserver-protocol';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import { ATTRIBUTE_USES_SCRIPT } from './attribute-uses-script.python.js';
import { toKey } from './site-types.python.js';
import type { WorkspaceTexts } from './workspace-texts.python.js';

/** An attribute use named like a method whose receiver pyright cannot type. */
export interface UnresolvedUse {
  file: string;
  line: number;
  column: number;
  name: string;
  lineText: string;
}

/**
 * The `x.<name>` uses of each of `names` outside `known` (positions pyright already resolved to
 * a member) for which pyright finds no definition at all: the receiver's type is unknown, so
 * the use may call the method. Uses pyright resolves to anything else are left out.
 */
export async function findUnresolvedUses(
  workspace: PythonWorkspace,
  texts: WorkspaceTexts,
  names: readonly string[],
  known: ReadonlySet<string>,
  signal?: AbortSignal,
): Promise<UnresolvedUse[]> {
  const wanted = [...new Set(names)].sort();
  const files = new Set<string>();
  for (const name of wanted) {
    for (const file of await texts.filesContaining(`.${name}`)) files.add(file);
  }
  if (files.size === 0) return [];
  const { uses } = await workspace.runScript<{ uses: UnresolvedUse[] }>(
    ATTRIBUTE_USES_SCRIPT,
    { root: workspace.root, files: [...files].sort(), names: wanted },
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
