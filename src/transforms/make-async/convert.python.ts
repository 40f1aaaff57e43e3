import type { ComputedEdits, TransformTarget } from '../../core/services.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import { findBlockingCalls } from './blocking.python.js';
import { runClosure } from './closure.python.js';
import { compareFunctions, createClosureState } from './closure-state.python.js';
import type { MakeAsyncArgs } from './contract.js';
import { toConvertFacts } from './convert-facts.python.js';
import { toPlannedChanges } from './edits.python.js';
import { createHierarchy } from './hierarchy.python.js';
import { loadProjectConfig } from './project-config.python.js';
import { createRoles } from './roles.python.js';
import { findConvertRoots } from './roots.python.js';
import { admitRoots } from './roots-admission.python.js';
import { createSiteIndex } from './site-index.python.js';

/**
 * `mode: 'convert'`: the roots, the closure over pyright to a fixpoint, the boundaries, the
 * blocking rewrites and the edits. When any boundary is refused the changes are empty: the run
 * must refuse before anything is written (the facts still say everything that was found).
 */
export async function convertToAsync(
  workspace: PythonWorkspace,
  target: TransformTarget,
  args: Extract<MakeAsyncArgs, { mode: 'convert' }>,
  signal?: AbortSignal,
): Promise<ComputedEdits> {
  const index = createSiteIndex(workspace, signal);
  const hierarchy = createHierarchy(workspace, index, signal);
  // Read while the roots are found; shared by later calls until a workspace file changes.
  const configLoad = workspace.memo('make-async:project-config', () =>
    loadProjectConfig(workspace, signal),
  );
  configLoad.catch(() => {});
  const found = await findConvertRoots(workspace, index, target, args, signal);
  const config = await configLoad;
  const roleOf = createRoles(index, hierarchy, config);
  const state = createClosureState();
  const admitted = await admitRoots(state, found.roots, roleOf);
  const tests = config.tests;
  await runClosure(
    { workspace, index, hierarchy, roleOf, tests, ...(signal ? { signal } : {}) },
    state,
  );

  const members = [...state.members.values()].sort((a, b) => compareFunctions(a.fn, b.fn));
  for (const { fn } of members) {
    state.plan.add(fn.file, 'defs', { line: fn.line, column: fn.column, reason: 'async def' });
  }
  for (const call of await findBlockingCalls(
    workspace,
    members.map((m) => m.fn),
    signal,
  )) {
    if (call.rewrite === 'none') continue;
    const { line, column, end, operation } = call;
    state.plan.add(call.file, 'blocking', { line, column, end, rewrite: call.rewrite, operation });
  }
  const planned = await toPlannedChanges(workspace, state.plan, signal);
  const boundaries = state.boundaries();
  const facts = toConvertFacts(found, admitted, members, {
    boundaries,
    rewrites: planned.rewrites,
  });
  const refused = boundaries.some((b) => b.handling === 'refused');
  return { changes: refused ? [] : planned.changes, facts };
}
