import type { Hover, Location, LocationLink } from 'vscode-languageserver-protocol';
import type { SourcePosition } from '../../core/source-types.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import { BLOCKING_SCRIPT } from './blocking-script.python.js';
import {
  BLOCKING_METHOD_NAMES,
  type BlockingRewrite,
  toFunctionRule,
  toMethodRule,
} from './blocking-table.python.js';
import { findDeclaringClass } from './declaring-class.python.js';
import { type Point, toKey } from './site-types.python.js';

/** A blocking call found in a function, with the rewrite the table gives it. */
export interface BlockingCall extends SourcePosition {
  /** The function it is in, by its name's position. */
  functionKey: string;
  /** Where the call ends. */
  end: Point;
  /** The call as written. */
  text: string;
  /** The table entry: `time.sleep`, `subprocess.Popen.wait`. */
  operation: string;
  rewrite: BlockingRewrite;
}

interface ScriptCall extends Point {
  end: Point;
  text: string;
  callee?: string;
  method?: Point & { name: string };
  receiver?: Point;
}

interface ScriptResult {
  files: Array<{
    file: string;
    error?: string;
    functions: Array<Point & { calls: ScriptCall[] }>;
  }>;
}

/**
 * The blocking calls of the functions named at `functions` (or, for a file mapped to `null`,
 * of every function in it), by the table in blocking-table.python.ts. Sorted by position.
 */
export async function findBlockingCalls(
  workspace: PythonWorkspace,
  functions: ReadonlyMap<string, readonly Point[] | null>,
  signal?: AbortSignal,
): Promise<BlockingCall[]> {
  const files = [...functions.keys()].sort();
  if (files.length === 0) return [];
  const result = await workspace.runScript<ScriptResult>(
    BLOCKING_SCRIPT,
    {
      root: workspace.root,
      methodNames: BLOCKING_METHOD_NAMES,
      files: files.map((file) => ({ file, functions: functions.get(file) ?? null })),
    },
    signal,
  );
  const stubs = new Map<string, Promise<string[]>>();
  const found: BlockingCall[] = [];
  for (const entry of result.files) {
    for (const fn of entry.functions) {
      const functionKey = toKey({ file: entry.file, ...fn });
      for (const call of fn.calls) {
        const at = { file: entry.file, line: call.line, column: call.column };
        const rule = call.callee === undefined ? undefined : toFunctionRule(call.callee);
        if (rule !== undefined && call.callee !== undefined) {
          found.push({
            ...at,
            end: call.end,
            functionKey,
            text: call.text,
            operation: call.callee,
            rewrite: rule,
          });
          continue;
        }
        const method = await resolveMethod(workspace, entry.file, call, stubs, signal);
        if (method !== undefined) {
          found.push({
            ...at,
            end: call.end,
            functionKey,
            text: call.text,
            operation: method,
            rewrite: 'asyncio.to_thread',
          });
        }
      }
    }
  }
  return found.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

/** `module.Class.method` of a method call pyright resolves to a table entry, else undefined. */
async function resolveMethod(
  workspace: PythonWorkspace,
  file: string,
  call: ScriptCall,
  stubs: Map<string, Promise<string[]>>,
  signal?: AbortSignal,
): Promise<string | undefined> {
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
    return `${declaring.module}.${declaring.className}.${method}`;
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
