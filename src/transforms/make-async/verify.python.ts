import type { SourcePosition } from '../../core/source-types.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import type { MakeAsyncArgs, VerifyFacts } from './contract.js';
import { createSiteIndex } from './site-index.python.js';
import { type FunctionFacts, type Site, toKey } from './site-types.python.js';
import { findUses } from './uses.python.js';

type VerifyArgs = Extract<MakeAsyncArgs, { mode: 'verify' }>;

/** Calls that take a coroutine and run it (resolved through the file's imports). */
const COROUTINE_RUNNERS = new Set([
  'asyncio.run',
  'asyncio.gather',
  'asyncio.create_task',
  'asyncio.ensure_future',
  'asyncio.wait_for',
  'asyncio.wait',
  'asyncio.shield',
  'asyncio.as_completed',
  'asyncio.run_coroutine_threadsafe',
]);

/** Methods that take a coroutine: `loop.run_until_complete`, `TaskGroup.create_task`. */
const COROUTINE_METHODS = ['.run_until_complete', '.create_task'];

/** Whether a use of a converted function is safe: awaited, handed to a runner, or not a use. */
export function isHandled(site: Site): boolean {
  switch (site.role) {
    case 'definition':
    case 'import':
    case 'string':
    case 'keyword':
      return true;
    case 'call': {
      if (site.call?.awaited === true) return true;
      const to = site.call?.handedTo;
      return (
        to !== undefined &&
        (COROUTINE_RUNNERS.has(to) || COROUTINE_METHODS.some((m) => to.endsWith(m)))
      );
    }
    default:
      return false;
  }
}

/**
 * The def named `at.name` nearest `at.line`: positions taken before the change are off by
 * `async ` on their line and by the lines an added import or marker pushed down.
 */
function nearestNamed(
  functions: readonly FunctionFacts[],
  at: SourcePosition & { name: string },
): FunctionFacts | undefined {
  return functions
    .filter((fn) => fn.name === at.name)
    .sort((a, b) => Math.abs(a.line - at.line) - Math.abs(b.line - at.line) || a.line - b.line)[0];
}

/**
 * `mode: 'verify'` on the changed tree (the call's overlay; a position that names no def there
 * is taken as the nearest def of that name in its file): every use pyright reports of each
 * converted function (through import aliases too) must be awaited, handed to `asyncio.run` /
 * `gather` / `create_task` / `wait_for` / `loop.run_until_complete` (…), or be its own
 * definition or an import; the rest — a call left bare, a returned coroutine, the function
 * passed as a value — is reported with its line.
 */
export async function verifyAsync(
  workspace: PythonWorkspace,
  args: VerifyArgs,
  signal?: AbortSignal,
): Promise<VerifyFacts> {
  const index = createSiteIndex(workspace, signal);
  const found = new Map<string, VerifyFacts['unawaited'][number]>();
  const functions: Array<SourcePosition & { name: string }> = [];
  const positions = args.functions.map((fn) => ({
    ...workspace.resolvePosition(fn),
    name: fn.name,
  }));
  await index.load([...new Set(positions.map((at) => at.file))]);
  for (const at of positions) {
    const found = index.functionAt(at) ?? nearestNamed(index.facts(at.file).functions, at);
    functions.push(
      found === undefined
        ? at
        : { file: at.file, line: found.line, column: found.column, name: at.name },
    );
  }
  const uses = await findUses(workspace, index, functions, signal);
  for (const fn of functions) {
    for (const site of uses.get(toKey(fn)) ?? []) {
      if (isHandled(site) || found.has(toKey(site))) continue;
      found.set(toKey(site), {
        file: site.file,
        line: site.line,
        column: site.column,
        function: fn.name,
        lineText: site.lineText,
      });
    }
  }
  const unawaited = [...found.values()].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
  return { unawaited };
}
