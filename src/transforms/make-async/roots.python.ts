import type { Location, LocationLink } from 'vscode-languageserver-protocol';
import { OrchestratorError } from '../../core/errors.js';
import type { TransformTarget } from '../../core/services.js';
import type { SourcePosition } from '../../core/source-types.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import { toWorkspaceSource } from '../../lang/python/queries/find-reference-locations.js';
import { type BlockingCall, findBlockingCalls } from './blocking.python.js';
import type { MakeAsyncArgs } from './contract.js';
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

/** The roots of a conversion, with the module form's blocking calls and files. */
export interface ConvertRoots {
  roots: Array<{ fn: FunctionFacts; reason: string }>;
  /** The module form's blocking calls (empty for the function form). */
  blocking: BlockingCall[];
  /** The module form's files, workspace-relative; undefined for the function form. */
  moduleFiles?: ReadonlySet<string>;
}

/**
 * The roots: the module form's blocking functions of `args.files` (reason `root: blocks on
 * time.sleep at x.py:3`), else the functions at `args.roots`, else at the target's position.
 * @throws BAD_INPUT when there is neither; SYMBOL_NOT_FOUND for a position with no function.
 */
export async function findConvertRoots(
  workspace: PythonWorkspace,
  index: SiteIndex,
  target: TransformTarget,
  args: Extract<MakeAsyncArgs, { mode: 'convert' }>,
  signal?: AbortSignal,
): Promise<ConvertRoots> {
  if (args.files !== undefined && args.files.length > 0) {
    const found = await findBlockingFunctions(workspace, index, args.files, signal);
    const roots = found.functions.map((fn) => {
      const call = found.calls.find((c) => toKey(c.fn) === toKey(fn)) as BlockingCall;
      return { fn, reason: `root: blocks on ${call.operation} at ${call.file}:${call.line}` };
    });
    return { roots, blocking: found.calls, moduleFiles: new Set(found.files) };
  }
  const { line, column } = target;
  const positions =
    args.roots ??
    (line !== undefined && column !== undefined ? [{ file: target.file, line, column }] : []);
  if (positions.length === 0) {
    throw new OrchestratorError(
      'BAD_INPUT',
      'make_async convert needs roots (function positions) or files (a module). Pass one of them.',
      { data: { ...target } },
    );
  }
  const functions = await resolveRootFunctions(workspace, index, positions, signal);
  return { roots: functions.map((fn) => ({ fn, reason: 'root' })), blocking: [] };
}
