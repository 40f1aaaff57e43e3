import type { Boundary } from './contract.js';
import { createEditPlan, type EditPlan } from './edit-plan.python.js';
import { type FunctionFacts, type Point, toKey } from './site-types.python.js';

/** A function in the closure: why it joined, and through which function. */
export interface Member {
  fn: FunctionFacts;
  reason: string;
  /** The member whose call (or override) made it join; absent for a root. */
  via?: string;
}

/** The closure as it grows: members, boundaries, the edit plan, and what is left to visit. */
export interface ClosureState {
  readonly members: ReadonlyMap<string, Member>;
  readonly plan: EditPlan;
  /** Adds `fn` (once) and queues it; returns false when it was already a member. */
  join(fn: FunctionFacts, reason: string, via?: string): boolean;
  /** Members joined since the last call, sorted by position. */
  takeQueued(): Member[];
  /** The chain from a root to `key`'s member, nearest last: `["post_entry", "batch_post"]`. */
  chainTo(key: string): string[];
  /** Records a boundary once per kind and position; `tail` ends the chain. */
  addBoundary(
    via: string,
    at: { file: string } & Point,
    boundary: Pick<Boundary, 'kind' | 'detail' | 'handling'> & { how?: string; tail: string },
  ): void;
  boundaries(): Boundary[];
}

/** Creates an empty closure. */
export function createClosureState(): ClosureState {
  const members = new Map<string, Member>();
  let queued: Member[] = [];
  const boundaries = new Map<string, Boundary>();
  const chainTo = (key: string): string[] => {
    const chain: string[] = [];
    const seen = new Set<string>();
    let current = members.get(key);
    while (current !== undefined && !seen.has(toKey(current.fn))) {
      seen.add(toKey(current.fn));
      chain.unshift(current.fn.qualname);
      current = current.via === undefined ? undefined : members.get(current.via);
    }
    return chain;
  };
  return {
    members,
    plan: createEditPlan(),
    join(fn, reason, via) {
      const key = toKey(fn);
      if (members.has(key)) return false;
      const member: Member = { fn, reason, ...(via === undefined ? {} : { via }) };
      members.set(key, member);
      queued.push(member);
      return true;
    },
    takeQueued() {
      const taken = queued.sort((a, b) => compareFunctions(a.fn, b.fn));
      queued = [];
      return taken;
    },
    chainTo,
    addBoundary(via, at, { tail, how, ...rest }) {
      const key = `${rest.kind}:${toKey(at)}`;
      if (boundaries.has(key)) return;
      boundaries.set(key, {
        file: at.file,
        line: at.line,
        column: at.column,
        ...rest,
        chain: [...chainTo(via), tail],
        ...(how === undefined ? {} : { how }),
      });
    },
    boundaries() {
      return [...boundaries.values()].sort(
        (a, b) => compareFunctions(a, b) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0),
      );
    },
  };
}

/** Orders by file, line, column. */
export function compareFunctions(
  a: { file: string; line: number; column: number },
  b: { file: string; line: number; column: number },
): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}
