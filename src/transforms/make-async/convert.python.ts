import { OrchestratorError } from '../../core/errors.js';
import type { ComputedEdits, TransformTarget } from '../../core/services.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import { type BlockingCall, findBlockingCalls } from './blocking.python.js';
import { runClosure } from './closure.python.js';
import { compareFunctions, createClosureState, type Member } from './closure-state.python.js';
import type { ConvertFacts, MakeAsyncArgs } from './contract.js';
import { toPlannedChanges } from './edits.python.js';
import { createHierarchy } from './hierarchy.python.js';
import { loadProjectConfig } from './project-config.python.js';
import { createRoles } from './roles.python.js';
import { findBlockingFunctions, resolveRootFunctions } from './roots.python.js';
import { admitRoots, toFunctionRef } from './roots-admission.python.js';
import { createSiteIndex } from './site-index.python.js';
import { type FunctionFacts, toKey } from './site-types.python.js';

type ConvertArgs = Extract<MakeAsyncArgs, { mode: 'convert' }>;

/**
 * `mode: 'convert'`: the roots (function form: `args.roots`, else the target's position;
 * module form: `args.files`' functions that block), the closure over pyright to a fixpoint,
 * the boundaries, and the edits. When any boundary is refused the changes are empty: the run
 * must refuse before anything is written.
 */
export async function convertToAsync(
  workspace: PythonWorkspace,
  target: TransformTarget,
  args: ConvertArgs,
  signal?: AbortSignal,
): Promise<ComputedEdits> {
  const index = createSiteIndex(workspace, signal);
  const hierarchy = createHierarchy(workspace, index, signal);
  // Shared by later calls until a file changes; read while the roots are found.
  const configLoad = workspace.memo('make-async:project-config', () =>
    loadProjectConfig(workspace, signal),
  );
  configLoad.catch(() => {});
  const state = createClosureState();

  const moduleForm = args.files !== undefined && args.files.length > 0;
  let blocking: BlockingCall[] = [];
  let moduleFiles = new Set<string>();
  let roots: Array<{ fn: FunctionFacts; reason: string }>;
  if (moduleForm) {
    const found = await findBlockingFunctions(workspace, index, args.files ?? [], signal);
    blocking = found.calls;
    moduleFiles = new Set(found.files);
    roots = found.functions.map((fn) => {
      const call = found.calls.find((c) => toKey(c.fn) === toKey(fn)) as BlockingCall;
      return { fn, reason: `root: blocks on ${call.operation} at ${call.file}:${call.line}` };
    });
  } else {
    const positions =
      args.roots ??
      (target.line !== undefined && target.column !== undefined
        ? [{ file: target.file, line: target.line, column: target.column }]
        : []);
    if (positions.length === 0) {
      throw new OrchestratorError(
        'BAD_INPUT',
        'make_async convert needs roots (function positions) or files (a module). Pass one of them.',
        { data: { ...target } },
      );
    }
    const functions = await resolveRootFunctions(workspace, index, positions, signal);
    roots = functions.map((fn) => ({ fn, reason: 'root' }));
  }
  const config = await configLoad;
  const roleOf = createRoles(index, hierarchy, config);
  const admitted = await admitRoots(state, roots, roleOf);
  await runClosure(
    {
      workspace,
      index,
      hierarchy,
      roleOf,
      tests: config.tests,
      ...(signal === undefined ? {} : { signal }),
    },
    state,
  );

  const members = [...state.members.values()].sort((a, b) => compareFunctions(a.fn, b.fn));
  for (const { fn } of members)
    state.plan.add(fn.file, 'defs', { line: fn.line, column: fn.column, reason: 'async def' });
  const blockingInMembers = await findBlockingCalls(
    workspace,
    members.map((m) => m.fn),
    signal,
  );
  for (const call of blockingInMembers) {
    if (call.rewrite === 'none') continue;
    const { line, column, end, operation } = call;
    state.plan.add(call.file, 'blocking', { line, column, end, rewrite: call.rewrite, operation });
  }

  const planned = await toPlannedChanges(workspace, state.plan, signal);
  const boundaries = state.boundaries();
  const direct = new Set(roots.map((r) => toKey(r.fn)));
  const rootKeys = moduleForm
    ? new Set([...direct, ...moduleRoots(members, moduleFiles, direct)])
    : direct;
  const facts: ConvertFacts = {
    roots: [...roots.map((r) => r.fn), ...members.map((m) => m.fn)]
      .filter(
        (fn, i, all) =>
          rootKeys.has(toKey(fn)) && all.findIndex((f) => toKey(f) === toKey(fn)) === i,
      )
      .sort(compareFunctions)
      .map(toFunctionRef),
    closure: members.map((m) => ({ ...toFunctionRef(m.fn), reason: m.reason })),
    alreadyAsync: admitted.alreadyAsync,
    generators: admitted.generators,
    boundaries,
    rewrites: planned.rewrites,
    blocking: blocking.map((call) => ({
      file: call.file,
      line: call.line,
      column: call.column,
      call: call.text,
      function: call.fn.qualname,
    })),
  };
  const refused = boundaries.some((b) => b.handling === 'refused');
  return { changes: refused ? [] : planned.changes, facts };
}

/** The module form's roots: the direct ones, and members of the module reached only through them. */
function moduleRoots(
  members: readonly Member[],
  files: ReadonlySet<string>,
  direct: ReadonlySet<string>,
): Set<string> {
  const byKey = new Map(members.map((m) => [toKey(m.fn), m]));
  const roots = new Set<string>();
  for (const member of members) {
    let current: Member | undefined = member;
    const seen = new Set<string>();
    while (current !== undefined && files.has(current.fn.file) && !seen.has(toKey(current.fn))) {
      seen.add(toKey(current.fn));
      if (direct.has(toKey(current.fn))) {
        roots.add(toKey(member.fn));
        break;
      }
      current = current.via === undefined ? undefined : byKey.get(current.via);
    }
  }
  return roots;
}
