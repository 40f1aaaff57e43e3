import type { Location, LocationLink } from 'vscode-languageserver-protocol';
import { OrchestratorError } from '../../core/errors.js';
import type { SourcePosition } from '../../core/source-types.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import { toWorkspaceSource } from '../../lang/python/queries/find-reference-locations.js';
import { type BlockingCall, findBlockingCalls } from './blocking.python.js';
import type { SiteIndex } from './site-index.python.js';
import { type FunctionFacts, toKey } from './site-types.python.js';

/**
 * The function named at each of `positions` (a `def`'s name, its `def` line, or a use pyright
 * resolves to a workspace `def`).
 * @throws SYMBOL_NOT_FOUND naming the position when there is none.
 */
export async function resolveRootFunctions(
  workspace: PythonWorkspace,
  index: SiteIndex,
  positions: readonly SourcePosition[],
  signal?: AbortSignal,
): Promise<FunctionFacts[]> {
  const found = new Map<string, FunctionFacts>();
  for (const raw of positions) {
    const at = workspace.resolvePosition(raw);
    const fn =
      (await functionNamedAt(index, at)) ?? (await definitionOf(workspace, index, at, signal));
    if (fn === undefined) {
      throw new OrchestratorError(
        'SYMBOL_NOT_FOUND',
        `No function at ${at.file}:${at.line}:${at.column}. Point at the name of a def.`,
        { data: { ...at } },
      );
    }
    found.set(toKey(fn), fn);
  }
  return [...found.values()];
}

async function functionNamedAt(
  index: SiteIndex,
  at: SourcePosition,
): Promise<FunctionFacts | undefined> {
  await index.load([at.file]);
  const exact = index.functionAt(at);
  if (exact !== undefined) return exact;
  const onLine = index
    .facts(at.file)
    .functions.filter((f) => f.line === at.line || f.def.line === at.line);
  return onLine.length === 1 ? onLine[0] : undefined;
}

async function definitionOf(
  workspace: PythonWorkspace,
  index: SiteIndex,
  at: SourcePosition,
  signal?: AbortSignal,
): Promise<FunctionFacts | undefined> {
  const params = await workspace.openPosition(at, signal);
  const answer = await workspace.session.request<Array<Location | LocationLink> | Location | null>(
    'textDocument/definition',
    params,
    signal,
  );
  for (const item of answer === null ? [] : Array.isArray(answer) ? answer : [answer]) {
    const uri = 'targetUri' in item ? item.targetUri : item.uri;
    const range = 'targetUri' in item ? item.targetSelectionRange : item.range;
    const file = toWorkspaceSource(workspace.root, uri);
    if (file === undefined) continue;
    await index.load([file]);
    const fn = index.functionAt({
      file,
      line: range.start.line + 1,
      column: range.start.character + 1,
    });
    if (fn !== undefined) return fn;
  }
  return undefined;
}

/** The module form's direct roots: the functions of `files` with a blocking call of the table. */
export interface BlockingFunctions {
  /** The files, workspace-relative. */
  files: string[];
  functions: FunctionFacts[];
  calls: BlockingCall[];
}

/**
 * The functions of `files` that block directly (by the table), and the blocking calls.
 * @throws BAD_INPUT for a file that is not a workspace `.py` file.
 */
export async function findBlockingFunctions(
  workspace: PythonWorkspace,
  index: SiteIndex,
  files: readonly string[],
  signal?: AbortSignal,
): Promise<BlockingFunctions> {
  const relative = [
    ...new Set(files.map((file) => workspace.resolvePosition({ file, line: 1, column: 1 }).file)),
  ].sort();
  await index.load(relative);
  const all = relative.flatMap((file) => index.facts(file).functions);
  const calls = await findBlockingCalls(workspace, all, signal);
  const keys = new Set(calls.map((call) => toKey(call.fn)));
  return { files: relative, functions: all.filter((fn) => keys.has(toKey(fn))), calls };
}
