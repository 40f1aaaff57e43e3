import { OrchestratorError } from '../../core/errors.js';
import {
  type Captures,
  type KindGrammar,
  type KindHead,
  kindOf,
  type NameCapture,
  nameOf,
  pathOf,
} from '../command-grammar.js';
import type { RenameIntent } from './intent.js';

const SYMBOL_KINDS: Readonly<Record<KindHead, NonNullable<RenameIntent['symbolKind']>>> = {
  function: 'function',
  helper: 'function',
  class: 'class',
  exception: 'class',
  method: 'method',
  variable: 'variable',
  constant: 'variable',
};

/** rename's command forms (the form language: `src/intent/grammar/compile-pattern.ts`). */
export const RENAME_GRAMMAR: KindGrammar<RenameIntent> = {
  kind: 'rename',
  usage: [
    { usage: 'rename <old> to <new>', example: 'rename getUser to fetchUser' },
    {
      usage: 'rename function|class|method|variable <old> to <new>',
      example: 'rename function post_entry to record_entry',
    },
    {
      usage: 'rename [method] <Class>.<old> to <new>',
      example: 'rename method Ledger.post to record',
    },
    {
      usage: '… in <path>, or (<path>) after the name',
      example: 'rename the exception class ParseFailure (pkg/errors.py) to ParsingFailure',
    },
    {
      usage: '<old> should become <new>, call <old> <new>',
      example: '`oldName` should become `newName`',
    },
  ],
  fragments: {
    target: [
      '[the] [{kind:kind}] {old:symbol} [<owner>] [<scope>]',
      '[the] {old:symbol} {kind:kind} [<owner>] [<scope>]',
    ].join(' | '),
    owner: [
      '(of|on) [the] [<classword>] {container:symbol} [<classword>]',
      'in (the {container:symbol} <classword> | <classword> {container:symbol})',
      // `the post method in Ledger`: Ledger may be a class or a folder (see buildRename).
      'in [the] {inside:symbol}',
    ].join(' | '),
    classword: 'class | object | type',
    into: 'to | into | as | ->',
  },
  forms: [
    { pattern: '(rename|renaming) <target> <into> {new:newname} ~ [<scope>]' },
    {
      pattern:
        '(change|update|modify|alter) the name (of|from) <target> (to|into|->) {new:newname} ~ [<scope>]',
    },
    { pattern: 'call <target> {new:newname} [instead] ~ [<scope>]' },
    {
      pattern:
        '<target> (should|must|shall|will|needs to|has to) (become|be (renamed|called|named) [(to|as)]) {new:newname} ~ [<scope>]',
    },
    { pattern: '<target> renamed (to|as|into) {new:newname} ~ [<scope>]' },
    { pattern: 'give <target> the [new] name {new:newname} ~ [<scope>]' },
  ],
  build: buildRename,
  toCommand(intent, quote) {
    const kind = intent.symbolKind === undefined ? '' : `${intent.symbolKind} `;
    const from = quote(
      intent.container === undefined ? intent.from : `${intent.container}.${intent.from}`,
    );
    const scope = intent.scope === undefined ? '' : ` in ${quote(intent.scope)}`;
    return `rename ${kind}${from} to ${quote(intent.to)}${scope}`;
  },
};

function buildRename(captures: Captures): RenameIntent | OrchestratorError | undefined {
  const old = nameOf(captures, 'old');
  const next = nameOf(captures, 'new');
  if (old === undefined || next === undefined) return undefined;
  if (old.parts.length > 2) return tooQualified(old);
  const kind = kindOf(captures, 'kind');
  const inside = nameOf(captures, 'inside');
  // "in X" names a class only for a method; the scope reading of the same words stands beside it.
  if (inside !== undefined && kind?.head !== 'method') return undefined;
  const owner = nameOf(captures, 'container') ?? inside;
  // `Ledger.post of Journal`, `of a.B`: not a reading.
  if (owner !== undefined && (owner.parts.length > 1 || old.parts.length > 1)) return undefined;
  const container = owner?.text ?? (old.parts.length === 2 ? old.parts[0] : undefined);
  const from = old.parts.at(-1) as string;
  let to = next.text;
  if (next.shape === 'qualified') {
    if (next.parts.length !== 2 || next.parts[0] !== container) return movesIt(old, next);
    to = next.parts[1] as string;
  }
  const scope = pathOf(captures, 'scope');
  return {
    kind: 'rename',
    from,
    to,
    ...(kind === undefined ? {} : { symbolKind: SYMBOL_KINDS[kind.head] }),
    ...(container === undefined ? {} : { container }),
    ...(scope === undefined ? {} : { scope }),
  };
}

function tooQualified(old: NameCapture): OrchestratorError {
  return new OrchestratorError(
    'INTENT_UNRECOGNISED',
    `"${old.text}" names the symbol through more than its class: write <Class>.<name>, or the name with "in <path>" for its module.`,
    { data: { symbol: old.text } },
  );
}

function movesIt(old: NameCapture, next: NameCapture): OrchestratorError {
  const name = next.parts.at(-1) as string;
  return new OrchestratorError(
    'INVALID_IDENTIFIER',
    `The new name "${next.text}" is not a name alone: a rename keeps ${old.text} where it is, so write "rename ${old.text} to ${name}" (to move it, say "move ${old.text} to <file>").`,
    { data: { name: next.text } },
  );
}
