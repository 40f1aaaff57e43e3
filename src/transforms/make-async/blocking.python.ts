import type { Hover, Location, LocationLink } from 'vscode-languageserver-protocol';
import type { SourcePosition } from '../../core/source-types.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import { type BlockingRewrite, toFunctionRule, toMethodRule } from './blocking-table.python.js';
import { findDeclaringClass } from './declaring-class.python.js';
import {
  type BlockingCandidate,
  type FunctionFacts,
  type Point,
  toKey,
} from './site-types.python.js';

/** A blocking call found in a function, with the rewrite the table gives it. */
export interface BlockingCall extends SourcePosition {
  /** The function it is in. */
  fn: FunctionFacts;
  /** Where the call ends. */
  end: Point;
  /** The call as written. */
  text: string;
  /** The table entry: `time.sleep`, `subprocess.Popen.wait`. */
  operation: string;
  rewrite: BlockingRewrite;
}

/**
 * The blocking calls of `functions`, by the table in blocking-table.python.ts: a candidate
 * function call matches by name; a candidate method call matches when pyright's definition of
 * the method is declared on a table class. Sorted by position.
 */
export async function findBlockingCalls(
  workspace: PythonWorkspace,
  functions: readonly FunctionFacts[],
  signal?: AbortSignal,
): Promise<BlockingCall[]> {
  const stubs = new Map<string, Promise<string[]>>();
  const found = new Map<string, BlockingCall>();
  for (const fn of functions) {
    for (const call of fn.blocking) {
      const at = { file: fn.file, line: call.line, column: call.column };
      const rule = call.callee === undefined ? undefined : toFunctionRule(call.callee);
      const match =
        rule === undefined || call.callee === undefined
          ? await resolveMethod(workspace, fn.file, call, stubs, signal)
          : { operation: call.callee, rewrite: rule };
      if (match === undefined) continue;
      // `open(p).read()` and `open(p)` start at the same place: the end tells them apart.
      const key = `${toKey(at)}-${call.end.line}:${call.end.column}`;
      found.set(key, { ...at, fn, end: call.end, text: call.text, ...match });
    }
  }
  return [...found.values()].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/** The table entry (`module.Class.method`) a method call pyright resolves to, else undefined. */
async function resolveMethod(
  workspace: PythonWorkspace,
  file: string,
  call: BlockingCandidate,
  stubs: Map<string, Promise<string[]>>,
  signal?: AbortSignal,
): Promise<{ operation: string; rewrite: BlockingRewrite } | undefined> {
  if (call.method === undefined) return undefined;
  const method = call.method.name;
  const params = await workspace.openPosition(
    { file, line: call.method.line, column: call.method.column },
    signal,
  );
  const answer = await workspace.session.request<Array<Location | LocationLink> | Location | null>(
    'textDocument/definition',
    params,
    signal,
  );
  const locations = (answer === null ? [] : Array.isArray(answer) ? answer : [answer]).map(
    toLocation,
  );
  for (const location of locations) {
    const declaring = await findDeclaringClass(location, stubs);
    if (declaring === undefined) continue;
    const entry = toMethodRule(declaring.module, declaring.className, method);
    if (entry === undefined) continue;
    if (entry.exceptReceivers !== undefined && call.receiver !== undefined) {
      const type = await receiverType(workspace, file, call.receiver, signal);
      if (type !== undefined && entry.exceptReceivers.includes(type)) return undefined;
    }
    return {
      operation: `${declaring.module}.${declaring.className}.${method}`,
      rewrite: entry.rewrite ?? 'asyncio.to_thread',
    };
  }
  return undefined;
}

function toLocation(item: Location | LocationLink): Location {
  return 'targetUri' in item ? { uri: item.targetUri, range: item.targetSelectionRange } : item;
}

/** The class name pyright's hover gives the receiver (`fh: TextIOWrapper[...]` → `TextIOWrapper`). */
async function receiverType(
  workspace: PythonWorkspace,
  file: string,
  at: Point,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const params = await workspace.openPosition({ file, ...at }, signal);
  const hover = await workspace.session.request<Hover | null>('textDocument/hover', params, signal);
  const contents = hover?.contents;
  const text =
    typeof contents === 'string'
      ? contents
      : contents !== undefined && 'value' in contents
        ? contents.value
        : '';
  return /:\s*(\w+)/.exec(text.replace(/```\w*\n?/g, ''))?.[1];
}
