/**
 * The built-in fragments every grammar may use, in the form language (`compile-pattern.ts`).
 * `lead` and `filler` are what the engine allows before and after every pattern; `~` inside a
 * pattern is `filler` too. A filler phrase never changes what a command means.
 */
export const BUILT_IN_FRAGMENTS: Readonly<Record<string, string>> = {
  /** Politeness before the command. */
  lead: [
    "please | pls | plz | kindly | hey | hi | ok | okay | so | now | just | also | go ahead and | ','",
    '(can|could|would|will) (you|we) [please]',
    "(i|we) (want|need) [you] to | (i'd|we'd) like [you] to | (i|we) would like [you] to",
    "(i|we) (want|need) | (you|we) (should|can|could) | i think we should | it's time to",
    "let's | lets | let us | help me | try to | time to",
  ].join(' | '),
  /** What may follow the command, or come before its scope. */
  filler: [
    "please | thanks | thank you | thx | for me | for us | now | if possible | if you can | ','",
    'everywhere | throughout | globally | project-wide | codebase-wide | repo-wide',
    "(everywhere|wherever) (it's|it is|they are|they're) (used|referenced|called|mentioned|imported)",
    '(everywhere|wherever) it (appears|occurs) | (at|in) every (use|call site|place)',
    '(in|across|throughout|over) (the|this|our) [(whole|entire)] <codebase>',
    '(in|across) (all|every) (files|file|modules|module|places|place)',
    'across files | from now on | going forward | from here on | for (consistency|clarity|readability)',
    '[and] (update|fix|change|adjust|rename) (all|every|each) [of] [(its|the|their)] <uses>',
    '(including|with|along with|and) (all|every) [of] [(its|the|their)] <uses>',
  ].join(' | '),
  codebase: 'project | codebase | code base | repo | repository | workspace | app | application',
  uses: [
    'reference | references | usage | usages | use | uses | caller | callers | call site',
    'call sites | import | imports | occurrence | occurrences | mention | mentions',
  ].join(' | '),
  /** Where a symbol is declared: `in src/users`, `(pkg/errors.py)`, `in the ledger folder`. */
  scope: [
    '(in|inside|within|under) [the] [<place>] {scope:path} [<place>]',
    "'(' [(in|from)] {scope:path} ')'",
  ].join(' | '),
  place: 'file | folder | directory | dir | module | package | path',
  /** `the`, `a`, `an`. */
  article: 'the | a | an',
};
