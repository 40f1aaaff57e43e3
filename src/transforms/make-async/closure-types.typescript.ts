import type ts from 'typescript';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import type { Boundary } from './contract.js';
import {
  type FunctionBody,
  type FunctionUnit,
  qualifiedName,
} from './function-units.typescript.js';

/** A function in the closure and how it got there. */
export interface Member {
  unit: FunctionUnit;
  /** `root`, `calls getUser at src/a.ts:3`, `overrides Base.load`, `alias of getUser`. */
  reason: string;
  /** The member it joined through; none for a root. */
  via: Member | undefined;
}

/** An expression to await: a call of a converted function, or an `arr.map(f)` to wrap. */
export interface AwaitSite {
  expression: ts.Expression;
  /** Wrap in `Promise.all(…)` first (`arr.map(f)` where `f` became async). */
  promiseAll: boolean;
}

/** A function that only gains `async` (a test callback, a `.then` callback): its callers do not change. */
export interface AsyncCallback {
  fn: FunctionBody;
  reason: string;
}

/** A boundary, before positions are turned into the contract's. */
export interface BoundaryDraft {
  /** Where it is: the call that reaches it, or the function that cannot change. */
  node: ts.Node;
  kind: Boundary['kind'];
  detail: string;
  chain: string[];
  handling: Boundary['handling'];
  how?: string;
}

/** A call at a module's top level: awaited there (ESM) or wrapped in an async IIFE (CommonJS). */
export interface TopLevelSite {
  expression: ts.Expression;
  /** Wrap in `Promise.all(…)` first. */
  promiseAll: boolean;
  boundary: BoundaryDraft;
}

/** What the propagation found. */
export interface ClosureResult {
  /** In the order they joined (roots first). */
  members: Member[];
  awaits: AwaitSite[];
  asyncCallbacks: AsyncCallback[];
  topLevel: TopLevelSite[];
  boundaries: BoundaryDraft[];
}

/** What the call-site handlers may do while the closure grows. */
export interface ClosureState {
  readonly project: WorkspaceProject;
  readonly checker: ts.TypeChecker;
  readonly signal: AbortSignal | undefined;
  /** Adds `unit` (once) with the reason it joins; the new member, or undefined if it was known. */
  enqueue(unit: FunctionUnit, reason: string, via: Member | undefined): Member | undefined;
  addAwait(site: AwaitSite): void;
  addAsyncCallback(callback: AsyncCallback): void;
  addTopLevel(site: TopLevelSite): void;
  addBoundary(boundary: BoundaryDraft): void;
}

/** The names from the root to `member`, root first. */
export function chainOf(member: Member | undefined): string[] {
  const names: string[] = [];
  for (let current = member; current !== undefined; current = current.via) {
    names.unshift(qualifiedName(current.unit));
  }
  return names;
}
