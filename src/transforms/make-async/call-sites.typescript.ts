import ts from '../../lang/typescript/typescript.js';
import { classifyCallbackTarget } from './callbacks.typescript.js';
import { type ClosureState, chainOf, type Member } from './closure-types.typescript.js';
import { findEnclosingContext, isAsyncFunction, isGenerator } from './enclosing.typescript.js';
import { skipOuterExpressions } from './expressions.typescript.js';
import {
  type FunctionBody,
  type FunctionUnit,
  qualifiedName,
  toUnitOfFunction,
} from './function-units.typescript.js';
import { isConsumedAsPromise } from './promise-types.typescript.js';
import {
  calleeName,
  continuesOptionalChain,
  frameworkWord,
  refuse,
  testTitle,
  where,
} from './site-helpers.typescript.js';
import { refuseAsyncTestCallback } from './test-frameworks.typescript.js';
import { findTopLevelHandling } from './top-level-handling.typescript.js';
import type { Use } from './uses.typescript.js';

/** Acts on one reference of `member`. */
export function handleUse(state: ClosureState, use: Use, member: Member, node: ts.Node): void {
  const name = qualifiedName(member.unit);
  switch (use.kind) {
    case 'call':
      handleCallSite(state, use.site, member, false);
      return;
    case 'alias':
      state.enqueue(use.unit, `alias of ${name}`, member);
      return;
    case 'related': {
      // An object literal's member, contextually typed by the interface member it implements.
      const implementsIt = ts.isObjectLiteralExpression(use.unit.declaration.parent);
      state.enqueue(
        use.unit,
        `${implementsIt ? 'implements' : 'shares a declaration with'} ${name}`,
        member,
      );
      return;
    }
    case 'argument':
      handlePassedByName(state, use.call, use.expression, member);
      return;
    case 'new':
      refuse(
        state,
        use.expression,
        member,
        'other',
        `${name} is called with new at ${where(state, use.expression)}; an async function is not a constructor`,
      );
      return;
    case 'escapes':
      refuse(
        state,
        node,
        member,
        'value',
        `${name} is ${use.detail}; its callers cannot be followed`,
      );
      return;
    case 'link':
    case 'inert':
      return;
  }
}

/** An anonymous member (an IIFE, an `arr.map` callback): its one use is where it is written. */
export function followAnonymous(state: ClosureState, member: Member): void {
  const fn = member.unit.fn as FunctionBody;
  const outer = skipOuterExpressions(fn);
  const call = outer.parent;
  if (ts.isCallExpression(call)) handleCallSite(state, call, member, call.expression !== outer);
}

/**
 * A call of a converted function (or an `arr.map(f)` to wrap): awaited where it is, and the
 * function around it joins; unless it is taken care of already, or sits where it cannot wait.
 */
function handleCallSite(
  state: ClosureState,
  site: ts.Expression,
  member: Member,
  promiseAll: boolean,
): void {
  if (isConsumedAsPromise(site)) return;
  const name = qualifiedName(member.unit);
  if (continuesOptionalChain(site)) {
    refuse(
      state,
      site,
      member,
      'other',
      `${site.getText()} goes on in an optional chain; awaiting it in place would change what the chain skips`,
    );
    return;
  }
  const context = findEnclosingContext(site);
  switch (context.kind) {
    case 'module': {
      const boundary = findTopLevelHandling(state.project, site, chainOf(member));
      state.addBoundary(boundary);
      state.addTopLevel({ expression: site, promiseAll, boundary });
      return;
    }
    case 'function':
      handleInFunction(state, site, promiseAll, member, context.fn);
      return;
    case 'parameter-default': {
      const fn = qualifiedName(toUnitOfFunction(context.fn));
      refuse(
        state,
        site,
        member,
        'other',
        `await is not allowed in a parameter's default value (${fn}); compute it in the body`,
        `${fn} (parameter default)`,
      );
      return;
    }
    case 'class-field': {
      const field = `${context.property.parent.name?.text ?? 'class'}.${context.property.name.getText()}`;
      if (context.isStatic) {
        refuse(
          state,
          site,
          member,
          'other',
          `the static field ${field} is set when the class is defined, which cannot await ${name}()`,
          `${field} (static field)`,
        );
      } else {
        refuse(
          state,
          site,
          member,
          'constructor',
          `the field ${field} is set by the constructor, which cannot await ${name}()`,
          `${field} (field)`,
        );
      }
      return;
    }
    case 'static-block':
      refuse(
        state,
        site,
        member,
        'other',
        `a static block runs when the class is defined and cannot await ${name}()`,
        '(static block)',
      );
      return;
    case 'decorator':
      refuse(
        state,
        site,
        member,
        'other',
        `a decorator expression cannot await ${name}()`,
        '(decorator)',
      );
      return;
  }
}

function handleInFunction(
  state: ClosureState,
  site: ts.Expression,
  promiseAll: boolean,
  member: Member,
  fn: FunctionBody,
): void {
  if (isAsyncFunction(fn)) {
    state.addAwait({ expression: site, promiseAll });
    return;
  }
  const unit = toUnitOfFunction(fn);
  const name = qualifiedName(member.unit);
  const caller = qualifiedName(unit);
  if (ts.isConstructorDeclaration(fn)) {
    refuse(
      state,
      site,
      member,
      'constructor',
      `a constructor cannot await ${name}(); move the call into an async method or factory`,
      caller,
    );
    return;
  }
  if (ts.isGetAccessorDeclaration(fn) || ts.isSetAccessorDeclaration(fn)) {
    const what = ts.isGetAccessorDeclaration(fn) ? 'getter' : 'setter';
    refuse(
      state,
      site,
      member,
      'accessor',
      `the ${what} ${caller} cannot await ${name}(); turn it into an async method`,
      `${caller} (${what})`,
    );
    return;
  }
  if (isGenerator(fn)) {
    refuse(
      state,
      site,
      member,
      'generator',
      `${caller} is a generator: awaiting ${name}() would make it an async generator`,
      caller,
    );
    return;
  }
  if (unit.role === 'anonymous') {
    handleInCallback(state, site, promiseAll, member, unit);
    return;
  }
  state.addAwait({ expression: site, promiseAll });
  state.enqueue(unit, `calls ${calleeName(state, site) ?? name} at ${where(state, site)}`, member);
}

/** A call inside an anonymous function: what that function is passed to decides. */
function handleInCallback(
  state: ClosureState,
  site: ts.Expression,
  promiseAll: boolean,
  member: Member,
  unit: FunctionUnit,
): void {
  const fn = unit.fn as FunctionBody;
  const outer = skipOuterExpressions(fn);
  const parent = outer.parent;
  const name = qualifiedName(member.unit);
  const reason = `calls ${calleeName(state, site) ?? name} at ${where(state, site)}`;
  if (ts.isCallExpression(parent) && parent.expression === outer) {
    state.addAwait({ expression: site, promiseAll });
    state.enqueue({ ...unit, name: '(IIFE)' }, reason, member);
    return;
  }
  if (ts.isNewExpression(parent)) {
    refuse(
      state,
      site,
      member,
      'callback',
      `passed to new ${parent.expression.getText()}(…), which ignores what its callback returns`,
      '(callback)',
    );
    return;
  }
  if (!ts.isCallExpression(parent)) {
    refuse(
      state,
      site,
      member,
      'value',
      `an anonymous function that calls ${name}() is used as a value; its callers cannot be followed`,
      '(anonymous)',
    );
    return;
  }
  const target = classifyCallbackTarget(state.checker, parent, outer as ts.Expression, false);
  switch (target.kind) {
    case 'map':
      state.addAwait({ expression: site, promiseAll });
      state.enqueue({ ...unit, name: '(map callback)' }, reason, member);
      return;
    case 'then':
      state.addAwait({ expression: site, promiseAll });
      state.addAsyncCallback({ fn, reason: 'promise callback made async' });
      state.addBoundary({
        node: target.call,
        kind: 'callback',
        detail: `the callback of ${parent.expression.getText()}(…) calls ${name}()`,
        chain: [...chainOf(member), '(callback)'],
        handling: 'wrapped',
        how: 'async callback',
      });
      return;
    case 'test': {
      const label = `${target.callee.label}(${testTitle(target.call)})`;
      const refusal = refuseAsyncTestCallback(target.callee, fn);
      if (refusal !== undefined) {
        refuse(state, site, member, 'test', refusal, label);
        return;
      }
      state.addAwait({ expression: site, promiseAll });
      state.addAsyncCallback({ fn, reason: 'test callback made async' });
      state.addBoundary({
        node: target.call,
        kind: 'test',
        detail: `${label} in ${state.project.toRelative(fn.getSourceFile().fileName)} (${frameworkWord(target.callee.framework)})`,
        chain: [...chainOf(member), label],
        handling: 'wrapped',
        how: 'async test',
      });
      return;
    }
    case 'refused':
      refuse(state, site, member, target.boundary, target.detail, '(callback)');
      return;
  }
}

/** A converted function passed by name: `arr.map(getUser)`, `it('…', load)`, `emitter.on('x', load)`. */
function handlePassedByName(
  state: ClosureState,
  call: ts.CallExpression,
  expression: ts.Expression,
  member: Member,
): void {
  const target = classifyCallbackTarget(state.checker, call, expression, true);
  switch (target.kind) {
    case 'map':
      handleCallSite(state, call, member, true);
      return;
    case 'then':
      return;
    case 'test': {
      const refusal =
        target.callee.role === 'suite'
          ? `${target.callee.label} callbacks run synchronously to collect the tests`
          : undefined;
      if (refusal !== undefined) refuse(state, call, member, 'test', refusal);
      return;
    }
    case 'refused':
      refuse(
        state,
        expression,
        member,
        target.boundary,
        `${qualifiedName(member.unit)} is ${target.detail}`,
      );
      return;
  }
}
