import { type ClosureState, compareFunctions } from './closure-state.python.js';
import type { FunctionRef } from './contract.js';
import type { FunctionRole } from './roles.python.js';
import type { FunctionFacts } from './site-types.python.js';

/** The contract's reference to a function. */
export function toFunctionRef(fn: FunctionFacts): FunctionRef {
  return {
    file: fn.file,
    line: fn.line,
    column: fn.column,
    name: fn.name,
    ...(fn.container === undefined ? {} : { container: fn.container }),
    kind: fn.container === undefined ? 'function' : 'method',
  };
}

/** The roots that are async already or generators (neither is converted). */
export interface AdmittedRoots {
  alreadyAsync: FunctionRef[];
  generators: FunctionRef[];
}

/**
 * Puts each root into the closure, except an async def (nothing to do), a generator (an async
 * generator is another thing) and a function that must stay synchronous — a dunder method, a
 * property, a console-script entry point — which is refused with the root alone as its chain.
 */
export async function admitRoots(
  state: ClosureState,
  roots: ReadonlyArray<{ fn: FunctionFacts; reason: string }>,
  roleOf: (fn: FunctionFacts) => Promise<FunctionRole>,
): Promise<AdmittedRoots> {
  const admitted: AdmittedRoots = { alreadyAsync: [], generators: [] };
  const sorted = [...roots].sort((a, b) => compareFunctions(a.fn, b.fn));
  for (const { fn, reason } of sorted) {
    if (fn.isAsync) {
      admitted.alreadyAsync.push(toFunctionRef(fn));
      continue;
    }
    if (fn.isGenerator) {
      admitted.generators.push(toFunctionRef(fn));
      continue;
    }
    const role = await roleOf(fn);
    if (role.kind === 'refused') {
      state.addBoundary('', fn, {
        kind: role.boundary,
        detail: role.detail,
        handling: 'refused',
        tail: fn.qualname,
      });
    } else if (role.kind === 'entry-point') {
      state.addBoundary('', fn, {
        kind: 'entry-point',
        detail: `${fn.qualname} is the console script ${role.entry.declaration} (${role.entry.source}) and must stay synchronous; convert what it calls instead`,
        handling: 'refused',
        tail: fn.qualname,
      });
    } else {
      state.join(fn, reason);
    }
  }
  return admitted;
}
