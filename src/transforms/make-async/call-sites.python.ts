import { OrchestratorError } from '../../core/errors.js';
import { checkAwaitScopes } from './await-scopes.python.js';
import type { ClosureState, Member } from './closure-state.python.js';
import type { AsyncTestSupport } from './project-config.python.js';
import type { FunctionRole } from './roles.python.js';
import type { SiteIndex } from './site-index.python.js';
import { type FunctionFacts, type Site, toKey } from './site-types.python.js';

/** What deciding a use needs. */
export interface UseContext {
  state: ClosureState;
  index: SiteIndex;
  roleOf(fn: FunctionFacts): Promise<FunctionRole>;
  tests: AsyncTestSupport;
}

/**
 * Decides one use of a member: a call is awaited (its function joining the closure, or made an
 * async test), or wrapped in `asyncio.run(...)` where the code must stay synchronous, or
 * refused; a function used as a value or a callback is refused. Imports, `__all__` strings and
 * the definition itself need nothing.
 */
export async function decideUse(context: UseContext, callee: Member, site: Site): Promise<void> {
  const { state } = context;
  const via = toKey(callee.fn);
  const where = site.lineText.trim();
  const tail = enclosingName(context, site);
  switch (site.role) {
    case 'definition':
    case 'import':
    case 'string':
    case 'keyword':
      return;
    case 'other':
      state.addBoundary(via, site, {
        kind: 'other',
        detail: `pyright reports a use of ${callee.fn.qualname} that is not a call: ${where}`,
        handling: 'refused',
        tail,
      });
      return;
    case 'value': {
      const detail =
        site.decorator === true
          ? `used as a decorator: ${where}`
          : site.argOf !== undefined
            ? `passed to ${site.argOf.callee}(${site.argOf.keyword === undefined ? '' : `${site.argOf.keyword}=`}…), which calls it synchronously: ${site.text ?? where}`
            : `used as a value, so its callers cannot be followed: ${where}`;
      const kind = site.argOf !== undefined && site.decorator !== true ? 'callback' : 'value';
      state.addBoundary(via, site, { kind, detail, handling: 'refused', tail });
      return;
    }
    case 'call':
      await decideCall(context, callee, site, tail);
      return;
  }
}

async function decideCall(
  context: UseContext,
  callee: Member,
  site: Site,
  tail: string,
): Promise<void> {
  const { state } = context;
  const via = toKey(callee.fn);
  const where = site.lineText.trim();
  if (site.call?.awaited === true) return;
  if (site.decorator === true) {
    state.addBoundary(via, site, {
      kind: 'value',
      detail: `called as a decorator: ${where}`,
      handling: 'refused',
      tail,
    });
    return;
  }
  if (site.scopes.some((s) => s.kind === 'lambda')) {
    state.addBoundary(via, site, {
      kind: 'callback',
      detail: `called inside a lambda: ${where}`,
      handling: 'refused',
      tail,
    });
    return;
  }
  if (site.function === undefined) {
    const main = site.mainBlock;
    state.plan.add(site.file, 'wraps', {
      line: site.line,
      column: site.column,
      reason: main ? '__main__: asyncio.run' : 'module level: asyncio.run',
    });
    state.addBoundary(via, site, {
      kind: main ? 'main-block' : 'module-level',
      detail: main ? `if __name__ == "__main__": ${where}` : where,
      handling: 'wrapped',
      how: 'asyncio.run(...)',
      tail,
    });
    return;
  }
  const fn = context.index.functionAt({ file: site.file, ...site.function });
  if (fn === undefined) {
    throw new OrchestratorError(
      'INTERNAL',
      `No function at ${site.file}:${site.function.line}:${site.function.column}.`,
    );
  }
  const awaitHere = (): boolean => {
    const scopes = checkAwaitScopes(site);
    if (!scopes.ok) {
      state.addBoundary(via, site, {
        kind: scopes.kind,
        detail: scopes.detail,
        handling: 'refused',
        tail,
      });
      return false;
    }
    state.plan.add(site.file, 'awaits', { line: site.line, column: site.column });
    for (const scope of scopes.listify)
      state.plan.add(site.file, 'listify', { line: scope.line, column: scope.column });
    return true;
  };
  if (fn.isAsync || state.members.has(toKey(fn))) {
    awaitHere();
    return;
  }
  const role = await context.roleOf(fn);
  const call = `${callee.fn.qualname} at ${site.file}:${site.line}`;
  switch (role.kind) {
    case 'plain':
      if (checkAwaitScopes(site).ok) state.join(fn, `calls ${call}`, via);
      awaitHere();
      return;
    case 'refused':
      state.addBoundary(via, fn, {
        kind: role.boundary,
        detail: `${role.detail} (calls ${call})`,
        handling: 'refused',
        tail,
      });
      return;
    case 'entry-point':
      state.plan.add(site.file, 'wraps', {
        line: site.line,
        column: site.column,
        reason: 'entry point: asyncio.run',
      });
      state.addBoundary(via, fn, {
        kind: 'entry-point',
        detail: `console script ${role.entry.declaration} (${role.entry.source})`,
        handling: 'wrapped',
        how: 'asyncio.run(...)',
        tail,
      });
      return;
    case 'test-setup':
      wrapInTest(context, via, site, fn, role.detail, tail);
      return;
    case 'pytest-test':
      if (context.tests.kind === 'none') {
        wrapInTest(
          context,
          via,
          site,
          fn,
          `${fn.qualname} calls ${callee.fn.qualname}; no pytest-asyncio or anyio configured`,
          tail,
        );
        return;
      }
      if (!awaitHere()) return;
      makeAsyncTest(context, via, fn, context.tests, tail);
      return;
    case 'unittest-test':
      if (!awaitHere()) return;
      state.plan.add(fn.file, 'defs', {
        line: fn.line,
        column: fn.column,
        reason: 'test made async',
      });
      if (role.base !== undefined)
        state.plan.add(fn.file, 'bases', { line: role.base.line, column: role.base.column });
      state.addBoundary(via, fn, {
        kind: 'test',
        detail: `${fn.qualname} calls ${callee.fn.qualname}`,
        handling: 'wrapped',
        how: 'unittest.IsolatedAsyncioTestCase',
        tail,
      });
      return;
  }
}

function wrapInTest(
  context: UseContext,
  via: string,
  site: Site,
  fn: FunctionFacts,
  detail: string,
  tail: string,
): void {
  context.state.plan.add(site.file, 'wraps', {
    line: site.line,
    column: site.column,
    reason: 'test: asyncio.run',
  });
  context.state.addBoundary(via, fn, {
    kind: 'test',
    detail,
    handling: 'wrapped',
    how: 'asyncio.run(...)',
    tail,
  });
}

function makeAsyncTest(
  context: UseContext,
  via: string,
  fn: FunctionFacts,
  tests: Exclude<AsyncTestSupport, { kind: 'none' }>,
  tail: string,
): void {
  const { plan } = context.state;
  plan.add(fn.file, 'defs', { line: fn.line, column: fn.column, reason: 'test made async' });
  const marker = tests.kind === 'marker' ? tests.marker : undefined;
  if (marker !== undefined && !fn.decorators.some((d) => d.resolved === marker)) {
    plan.add(fn.file, 'markers', { line: fn.line, column: fn.column, marker });
  }
  context.state.addBoundary(via, fn, {
    kind: 'test',
    detail: `${fn.qualname}: ${tests.evidence}`,
    handling: 'wrapped',
    how: marker === undefined ? 'async test' : `async test (@${marker})`,
    tail,
  });
}

function enclosingName(context: UseContext, site: Site): string {
  if (site.function === undefined) return site.mainBlock ? '__main__' : '<module>';
  return context.index.functionAt({ file: site.file, ...site.function })?.qualname ?? '<function>';
}
