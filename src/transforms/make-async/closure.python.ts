import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import { decideUse } from './call-sites.python.js';
import type { ClosureState, Member } from './closure-state.python.js';
import { doctestFiles, refuseDoctests } from './doctests.python.js';
import type { Hierarchy } from './hierarchy.python.js';
import { followOverrides } from './overrides.python.js';
import type { AsyncTestSupport } from './project-config.python.js';
import type { FunctionRole } from './roles.python.js';
import type { SiteIndex } from './site-index.python.js';
import { type FunctionFacts, toKey } from './site-types.python.js';
import { findUnresolvedUses } from './unresolved.python.js';
import { findUses } from './uses.python.js';
import { createWorkspaceTexts } from './workspace-texts.python.js';

/** What the closure needs: pyright, the files' facts, and the project's conventions. */
export interface ClosureContext {
  workspace: PythonWorkspace;
  index: SiteIndex;
  hierarchy: Hierarchy;
  roleOf(fn: FunctionFacts): Promise<FunctionRole>;
  tests: AsyncTestSupport;
  signal?: AbortSignal;
}

/**
 * Grows the closure from the members `state` holds (the roots) to a fixpoint, in rounds (each sorted by position, so the result and
 * the reason each function joined are the same on every run): every use pyright reports of a
 * member is decided (awaited — its function joining —, wrapped, or refused), a method's
 * hierarchy joins, a method call pyright cannot resolve is refused, and so are doctests that
 * call a member.
 */
export async function runClosure(context: ClosureContext, state: ClosureState): Promise<void> {
  const uses = { state, index: context.index, roleOf: context.roleOf, tests: context.tests };
  const overrides = { ...uses, hierarchy: context.hierarchy };
  const resolved = new Set<string>();
  const texts = createWorkspaceTexts(context.workspace, context.signal);
  for (let batch = state.takeQueued(); batch.length > 0; batch = state.takeQueued()) {
    const found = await findUses(
      context.workspace,
      context.index,
      batch.map((m) => m.fn),
      context.signal,
    );
    const sitesOf = (member: Member) => found.get(toKey(member.fn)) ?? [];
    await context.index.load(batch.flatMap((m) => doctestFiles(m, sitesOf(m))));
    for (const member of batch) {
      for (const site of sitesOf(member)) {
        resolved.add(toKey(site));
        await decideUse(uses, member, site);
      }
      refuseDoctests(state, context.index, member, doctestFiles(member, sitesOf(member)));
    }
    const methods = batch.filter((m) => m.fn.container !== undefined);
    for (const member of methods) await followOverrides(overrides, member);
    const names = methods.map((m) => m.fn.name);
    const { workspace, signal } = context;
    for (const use of await findUnresolvedUses(workspace, texts, names, resolved, signal)) {
      resolved.add(toKey(use));
      const member = methods.find((m) => m.fn.name === use.name) as Member;
      state.addBoundary(toKey(member.fn), use, {
        kind: 'other',
        detail: `pyright cannot type the receiver of ${use.lineText.trim()}; it may call ${member.fn.qualname}. Annotate the receiver or convert that call by hand`,
        handling: 'refused',
        tail: `${use.file}:${use.line}`,
      });
    }
  }
}
