import type { BlockingCall } from './blocking.python.js';
import { compareFunctions, type Member } from './closure-state.python.js';
import type { ConvertFacts } from './contract.js';
import type { ConvertRoots } from './roots.python.js';
import { type AdmittedRoots, toFunctionRef } from './roots-admission.python.js';
import { toKey } from './site-types.python.js';

/** Everything a conversion found, as the contract's facts, each list in a stable order. */
export function toConvertFacts(
  found: ConvertRoots,
  admitted: AdmittedRoots,
  members: readonly Member[],
  rest: Pick<ConvertFacts, 'boundaries' | 'rewrites'>,
): ConvertFacts {
  const direct = new Set(found.roots.map((r) => toKey(r.fn)));
  const rootKeys =
    found.moduleFiles === undefined
      ? direct
      : new Set([...direct, ...moduleRoots(members, found.moduleFiles, direct)]);
  const candidates = new Map(
    [...found.roots.map((r) => r.fn), ...members.map((m) => m.fn)].map((fn) => [toKey(fn), fn]),
  );
  return {
    roots: [...candidates.values()]
      .filter((fn) => rootKeys.has(toKey(fn)))
      .sort(compareFunctions)
      .map(toFunctionRef),
    closure: members.map((m) => ({ ...toFunctionRef(m.fn), reason: m.reason })),
    alreadyAsync: admitted.alreadyAsync,
    generators: admitted.generators,
    boundaries: rest.boundaries,
    rewrites: rest.rewrites,
    blocking: found.blocking.map(toBlockingFact),
  };
}

function toBlockingFact(call: BlockingCall): ConvertFacts['blocking'][number] {
  return {
    file: call.file,
    line: call.line,
    column: call.column,
    call: call.text,
    function: call.fn.qualname,
  };
}

/** The module form's roots beyond the direct ones: members of the module reached through them. */
function moduleRoots(
  members: readonly Member[],
  files: ReadonlySet<string>,
  direct: ReadonlySet<string>,
): Set<string> {
  const byKey = new Map(members.map((m) => [toKey(m.fn), m]));
  const roots = new Set<string>();
  for (const member of members) {
    const seen = new Set<string>();
    let current: Member | undefined = member;
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
