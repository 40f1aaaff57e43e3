/** Why an occurrence of a name was deliberately left alone. */
export type LeftAloneReason =
  /** Inside a comment. */
  | 'comment'
  /** Inside a string or docstring. */
  | 'string'
  /** In a file no language server reads (documentation, configuration). */
  | 'text'
  /** A different symbol of the same name (the language server says which). */
  | 'other-symbol'
  /** Code the analysis could not resolve, kept because the run allowed it (`--allow-unresolved`). */
  | 'unresolved'
  /** A reference that is not a call (the function passed as a value, a decorator): replace_calls. */
  | 'not-a-call'
  /** An import kept because others reach the name through this module (`__init__.py`, `__all__`). */
  | 're-export'
  /** An import kept for what importing does (`# noqa`, an optional import in `try`). */
  | 'side-effect';

/** An occurrence a change leaves alone: where, why, and (for people) what it is. */
export interface LeftAlone {
  file: string;
  line: number;
  column: number;
  length: number;
  reason: LeftAloneReason;
  /** E.g. `method Journal.post_entry at ledger/journal.py:12`. */
  detail: string;
}

/**
 * A post-condition REVIEW checks on the changed tree; `check` names it and the transform that
 * wrote it knows its other fields (validated by that transform's schema).
 */
export interface VerifyCheck {
  check: string;
  [field: string]: unknown;
}
