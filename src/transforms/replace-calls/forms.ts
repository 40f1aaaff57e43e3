import { OrchestratorError } from '../../core/errors.js';
import { type Captures, type CommandForm, type KindGrammar, nameOf } from '../command-grammar.js';
import type { ReplaceCallsIntent } from './intent.js';

/** replace_calls' command forms (the form language: `src/intent/grammar/compile-pattern.ts`). */
export const REPLACE_CALLS_GRAMMAR: KindGrammar<ReplaceCallsIntent> = {
  kind: 'replace_calls',
  usage: [
    {
      usage: 'replace calls to <old> with <new>',
      example: 'replace calls to time.sleep with asyncio.sleep',
    },
    { usage: 'use <new> instead of <old>', example: 'use fetch_rows_async instead of fetch_rows' },
  ],
  fragments: {
    every: '[(all|every|each|any)] [(the|of the)]',
    calls:
      'call | calls | invocation | invocations | use | uses | usage | usages | call site | call sites',
    callsto: '<every> <calls> (to|of)',
    with: 'with | by',
  },
  forms: [
    {
      pattern:
        '(replace|swap|rewrite) <callsto> {from:symbol} <with> [<callsto>] {to:symbol} [<calls>]',
    },
    {
      pattern:
        '(replace|swap) <every> {from:symbol} <calls> (<with>|for) [<callsto>] {to:symbol} [<calls>]',
    },
    {
      pattern:
        '(change|switch|rewrite|redirect|point|migrate|swap|turn|move) <every> <calls> (of|to|from) {from:symbol} (to|into|with|for) [<callsto>] {to:symbol}',
    },
    { pattern: '<callsto> {from:symbol} should (become|call|use|go to) [<callsto>] {to:symbol}' },
    {
      pattern:
        '(use|call) {to:symbol} (instead of|in place of|rather than) [calling] {from:symbol}',
    },
    { pattern: 'replace {from:symbol} (<with>|->) {to:symbol}', tag: 'bare' },
    { pattern: '(swap|switch) [out] {from:symbol} (for|with|to) {to:symbol}', tag: 'bare' },
    { pattern: 'switch from {from:symbol} to {to:symbol}', tag: 'bare' },
  ],
  build: buildReplaceCalls,
  toCommand: (intent, quote) => `replace calls to ${quote(intent.from)} with ${quote(intent.to)}`,
};

function buildReplaceCalls(
  captures: Captures,
  form: CommandForm,
): ReplaceCallsIntent | OrchestratorError | undefined {
  const from = nameOf(captures, 'from');
  const to = nameOf(captures, 'to');
  if (from === undefined || to === undefined) return undefined;
  // `replace foo with bar` may be a rename; a dotted name or `()` says it is about calls.
  if (form.tag === 'bare' && ![from, to].some((name) => name.parts.length > 1 || name.call)) {
    return new OrchestratorError(
      'INTENT_UNRECOGNISED',
      `"${from.text}" → "${to.text}" may be a rename or a change of calls: say "rename ${from.text} to ${to.text}", or "replace calls to ${from.text} with ${to.text}".`,
      { data: { from: from.text, to: to.text } },
    );
  }
  return { kind: 'replace_calls', from: from.text, to: to.text };
}
