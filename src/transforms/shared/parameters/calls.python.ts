import type { SourcePosition } from '../../../core/source-types.js';
import type { PythonWorkspace } from '../../../lang/python/engine/python-workspace.js';
import { findReferencePositions } from '../../../lang/python/queries/find-reference-positions.js';
import {
  classifyPythonNameUses,
  type PythonNameUse,
  toPositionTuple,
} from '../../../lang/python/queries/find-signature-shapes.js';
import type { CallShape, DeclarationShape, DynamicUse } from './shapes.js';

/** How many times an alias of an alias (`from a import f as g`, then `from b import g as h`) is followed. */
const MAX_ALIAS_ROUNDS = 4;

const key = (at: SourcePosition): string => `${at.file}:${at.line}:${at.column}`;

/** Leading slots a call fills itself: `self` of `obj.method()`, `cls` of `Cls.method()`. */
function implicitSlots(
  declaration: DeclarationShape,
  use: Extract<PythonNameUse, { context: 'call' }>,
  classNames: ReadonlySet<string>,
): number {
  if (declaration.binding === 'function' || declaration.binding === 'static-method') return 0;
  if (use.callee !== 'attribute') return 0;
  if (declaration.binding === 'class-method' || use.viaSuper === true) return 1;
  // `Ledger.post(ledger, …)` passes self itself; `ledger.post(…)` does not.
  const object = (use.object ?? '').split('.').at(-1) ?? '';
  return classNames.has(object) ? 0 : 1;
}

/**
 * Every use of the family's declarations found by pyright, uses through `from m import f as g`
 * aliases included: the calls (with their arguments) and the uses that are not calls (a value
 * passed on, a decorator). Imports, `__all__` entries, attribute reads (`f.__name__`) and the
 * declarations themselves are neither. `classNames` tells `Cls.method(obj)` from `obj.method()`.
 */
export async function collectPythonCalls(
  workspace: PythonWorkspace,
  declarations: readonly DeclarationShape[],
  classNames: ReadonlySet<string>,
  signal?: AbortSignal,
): Promise<{ calls: CallShape[]; dynamic: DynamicUse[]; seen: SourcePosition[] }> {
  const own = new Set(declarations.map(key));
  const owner = new Map<string, number>();
  const positions = new Map<string, SourcePosition>();
  let pending: Array<{ at: SourcePosition; declaration: number }> = [];
  for (const [index, declaration] of declarations.entries()) {
    pending.push(
      ...(await findReferencePositions(workspace, declaration, signal)).map((at) => ({
        at,
        declaration: index,
      })),
    );
  }
  const calls: CallShape[] = [];
  const dynamic: DynamicUse[] = [];
  for (let round = 0; round < MAX_ALIAS_ROUNDS && pending.length > 0; round += 1) {
    const fresh = pending.filter(({ at }) => !own.has(key(at)) && !owner.has(key(at)));
    for (const { at, declaration } of fresh) {
      if (!owner.has(key(at))) owner.set(key(at), declaration);
      positions.set(key(at), at);
    }
    const unique = fresh.filter(({ at, declaration }) => owner.get(key(at)) === declaration);
    const uses = await classifyPythonNameUses(
      workspace,
      unique.map(({ at }) => at),
      signal,
    );
    pending = [];
    for (const [i, use] of uses.entries()) {
      const { at, declaration } = unique[i] as (typeof unique)[number];
      if (use.context === 'call') {
        calls.push({
          ...at,
          lineText: use.lineText,
          declaration,
          implicit: implicitSlots(declarations[declaration] as DeclarationShape, use, classNames),
          open: toPositionTuple(use.open),
          close: toPositionTuple(use.close),
          args: use.args.map((arg) => ({
            kind: arg.kind,
            ...(arg.name === undefined ? {} : { name: arg.name }),
            start: toPositionTuple(arg.start),
            end: toPositionTuple(arg.end),
          })),
          bareGenerator: use.bareGenerator,
        });
      } else if (
        use.context === 'value' ||
        use.context === 'decorator' ||
        use.context === 'opaque-call'
      ) {
        dynamic.push({ ...at, lineText: use.lineText, kind: use.context });
      } else if (use.context === 'import-alias') {
        const alias = { file: at.file, ...use.alias };
        const more = await findReferencePositions(workspace, alias, signal);
        pending.push(...more.map((next) => ({ at: next, declaration })));
      }
    }
  }
  return { calls, dynamic, seen: [...owner.keys()].map((k) => positions.get(k) as SourcePosition) };
}
