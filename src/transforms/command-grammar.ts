import type { OrchestratorError } from '../core/errors.js';
import type { IntentBase } from '../core/intent.js';

/**
 * What a transform folder declares so the deterministic grammar (`src/intent/grammar/`) can
 * read its commands: patterns in the form language, the intent a reading means, and how to
 * say an intent back. Data and pure functions only; the engine lives in `intent/`.
 */

/** A help line: how a form is written, and one example. */
export interface CommandUsage {
  readonly usage: string;
  readonly example: string;
}

/**
 * One pattern in the form language (see `src/intent/grammar/compile-pattern.ts`), e.g.
 * `rename <target> (to|into|->) {new:newname} ~ [<scope>]`. `tag` tells `build` which form read
 * the command when it matters.
 */
export interface CommandForm {
  readonly pattern: string;
  readonly tag?: string;
}

/** The symbol-kind words a command may use; the last of a phrase decides (`exception class`). */
export type KindHead =
  | 'function'
  | 'helper'
  | 'class'
  | 'exception'
  | 'method'
  | 'variable'
  | 'constant';

/** A name as written: `post_entry`, `Ledger.post`, `Foo::bar` (parts `Foo`, `bar`). */
export interface NameCapture {
  readonly type: 'name';
  /** As written, with `::` read as `.`. */
  readonly text: string;
  readonly parts: readonly string[];
  /** Written in quotes or backticks. */
  readonly quoted: boolean;
  /** Written as a call: `foo()`. */
  readonly call: boolean;
  /**
   * Unquoted, a kind word, right after another kind word: part of a kind phrase
   * (`the function class`), so never read as the name.
   */
  readonly readsAsKind: boolean;
  /** The chunk's shape: an identifier, a dotted name, or anything else (`9lives`, `a-b`). */
  readonly shape: 'identifier' | 'qualified' | 'other';
}

/** A list of names: `load_prices, fetch_quotes and Ledger.total`. */
export interface NamesCapture {
  readonly type: 'names';
  readonly names: readonly NameCapture[];
}

/** A kind phrase: `function`, `exception class`, `static methods`. */
export interface KindCapture {
  readonly type: 'kind';
  readonly head: KindHead;
  readonly plural: boolean;
  /** The words as written, lower-case. */
  readonly words: string;
}

/** Text: a path, the words naming a module, a source-text value or a type. */
export interface TextCapture {
  readonly type: 'text';
  readonly text: string;
}

export type Capture = NameCapture | NamesCapture | KindCapture | TextCapture;

/** What one reading of a command filled in, by slot name. */
export type Captures = Readonly<Record<string, Capture>>;

/** Quotes a name when it would read as a grammar word (`function`, `to`), else returns it. */
export type QuoteName = (name: string) => string;

/** Everything the grammar needs to know about one kind of change. */
export interface KindGrammar<I extends IntentBase = IntentBase> {
  readonly kind: I['kind'];
  /** Shown in `--help` and in refusals, one example each. */
  readonly usage: readonly CommandUsage[];
  /** Every way of saying the command; every complete reading of every form counts. */
  readonly forms: readonly CommandForm[];
  /** Sub-patterns the forms use as `<name>`, besides the built-in ones. */
  readonly fragments?: Readonly<Record<string, string>>;
  /**
   * The intent a reading means; undefined when the reading makes no sense (another reading will
   * do), an error to refuse the command when no other reading succeeds.
   */
  build(captures: Captures, form: CommandForm): I | OrchestratorError | undefined;
  /** The plain command that reads back as `intent` (for `--intent` runs and `parse`). */
  toCommand(intent: I, quote: QuoteName): string;
}

/** The name in `slot`, if the reading filled it with one. */
export function nameOf(captures: Captures, slot: string): NameCapture | undefined {
  const capture = captures[slot];
  return capture?.type === 'name' ? capture : undefined;
}

/** The names in `slot` (a one-name slot counts as a list of one). */
export function namesOf(captures: Captures, slot: string): readonly NameCapture[] | undefined {
  const capture = captures[slot];
  if (capture?.type === 'names') return capture.names;
  return capture?.type === 'name' ? [capture] : undefined;
}

/** The kind phrase in `slot`. */
export function kindOf(captures: Captures, slot: string): KindCapture | undefined {
  const capture = captures[slot];
  return capture?.type === 'kind' ? capture : undefined;
}

/** The path in `slot`; undefined for none, and for `.` (the whole workspace). */
export function pathOf(captures: Captures, slot: string): string | undefined {
  const text = textOf(captures, slot);
  return text === '' ? undefined : text;
}

/** The text in `slot` (a name's text counts). */
export function textOf(captures: Captures, slot: string): string | undefined {
  const capture = captures[slot];
  if (capture?.type === 'text' || capture?.type === 'name') return capture.text;
  return undefined;
}
