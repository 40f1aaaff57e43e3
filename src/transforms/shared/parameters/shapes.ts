import type { Position } from '../../../core/change/change-types.js';
import type { SourcePosition } from '../../../core/source-types.js';

/**
 * The language-neutral model both parameter transforms plan their edits on: declarations as
 * slots between parentheses, calls as argument slots. Each language half reads these from its
 * syntax tree and resolves which call belongs to which declaration; the planners
 * (`plan-add.ts`, `plan-remove.ts`) turn them into edits. Positions are 1-based, UTF-16.
 */

/** How a parameter slot binds arguments. TS/JS parameters are all `regular` (or `var-positional`, `this`). */
export type SlotKind =
  | 'positional-only'
  | 'positional-marker'
  | 'regular'
  | 'var-positional'
  | 'keyword-marker'
  | 'keyword-only'
  | 'var-keyword'
  | 'this';

/** One parameter (or marker) in a declaration's list. */
export interface ParameterSlot {
  kind: SlotKind;
  name?: string;
  /** Where the name is, when the slot has one. */
  namePosition?: Position;
  start: Position;
  /** Exclusive. */
  end: Position;
  /** Has a default (`= x`), or is optional (`x?`). */
  hasDefault: boolean;
}

/** What a declaration is in the family of declarations that change together. */
export type DeclarationRole = 'target' | 'override' | 'abstract' | 'implementation';

/** One function or method declaration that changes. */
export interface DeclarationShape {
  file: string;
  /** Where the name is. */
  line: number;
  column: number;
  name: string;
  container?: string;
  role: DeclarationRole;
  /** How calls bind it: a bound method fills its first slot itself. */
  binding: 'function' | 'method' | 'class-method' | 'static-method';
  /** Has a body (TS signatures, overloads and abstract members have none; their parameters take no initializer). */
  hasBody: boolean;
  /** Just after `(` (or, unparenthesized, where the lone parameter starts). */
  open: Position;
  /** At `)` (or where the lone parameter ends). */
  close: Position;
  /** False for a TS/JS arrow function's lone unparenthesized parameter (`x => …`). */
  parenthesized: boolean;
  slots: ParameterSlot[];
}

/** How an argument binds. */
export type ArgumentKind = 'positional' | 'keyword' | 'spread' | 'keyword-spread';

/** One argument of a call. */
export interface ArgumentSlot {
  kind: ArgumentKind;
  /** The keyword of a `keyword` argument. */
  name?: string;
  start: Position;
  end: Position;
}

/** One call of a declaration of the family. */
export interface CallShape {
  file: string;
  /** Where the callee's name is. */
  line: number;
  column: number;
  lineText: string;
  /** Index of the declaration it calls in the family. */
  declaration: number;
  /** Leading slots the call fills implicitly (`self` of `obj.method(…)`): 0 or 1. */
  implicit: number;
  open: Position;
  close: Position;
  args: ArgumentSlot[];
  /** Python `f(x for x in y)`: another argument needs the generator parenthesized. */
  bareGenerator: boolean;
}

/** A use of the function that is not a call the planner can edit. */
export interface DynamicUse {
  file: string;
  line: number;
  column: number;
  lineText: string;
  kind:
    | 'value'
    | 'decorator'
    | 'call'
    | 'apply'
    | 'bind'
    | 'tagged-template'
    | 'new'
    /** A call whose arguments cannot be edited (inside a Python f-string before 3.12). */
    | 'opaque-call';
}

/** The syntax the planner writes. */
export type Syntax = 'python' | 'typescript' | 'javascript';

/** What the language half found for a signature change, before planning. */
export interface SignatureFamily {
  syntax: Syntax;
  declarations: DeclarationShape[];
  calls: CallShape[];
  dynamic: DynamicUse[];
  /** File texts (workspace-relative) of every file a declaration or call is in. */
  texts: ReadonlyMap<string, string>;
  /** Every use of the declarations the half looked at (calls, imports, exports, …), to tell the uses it did not see. */
  seen: ReadonlyArray<{ file: string; line: number; column: number }>;
}

/** True for slots an argument can fill by position. */
export function isPositional(slot: ParameterSlot): boolean {
  return slot.kind === 'positional-only' || slot.kind === 'regular';
}

/** A call's arguments as a list between its parentheses. */
export function toArgumentList(call: CallShape): {
  open: Position;
  close: Position;
  slots: ArgumentSlot[];
} {
  return { open: call.open, close: call.close, slots: call.args };
}

/** A language half's note on a declaration or use: why it is unsupported, or what it reports. */
export interface FamilyNote {
  at: SourcePosition;
  kind: string;
  detail: string;
}
