import { TRANSFORM_KINDS } from '../transforms/intent-rules.js';
import { GRAMMARS } from './all-grammars.js';

/** True when the transform of `kind` has landed (its commands can run, not only be parsed). */
export function isKindAvailable(kind: string): boolean {
  return TRANSFORM_KINDS.includes(kind);
}

const NOT_YET = ' (not available yet)';

const USAGE_WIDTH = Math.max(
  ...GRAMMARS.flatMap((grammar) => grammar.usage.map((line) => line.usage.length)),
);

/** The command forms the grammar understands, with an example each; unlanded kinds say so. */
export const SUPPORTED_FORMS: readonly string[] = GRAMMARS.flatMap((grammar) =>
  grammar.usage.map(
    (line) =>
      `${line.usage.padEnd(USAGE_WIDTH)}  e.g. "${line.example}"${isKindAvailable(grammar.kind) ? '' : NOT_YET}`,
  ),
);

/** The forms for `--help`: by kind, then how commands may be phrased. */
export function describeCommandForms(): string {
  const lines = ['Commands (plain words; any case, quotes or backticks around names, arrows):'];
  for (const grammar of GRAMMARS) {
    const note = isKindAvailable(grammar.kind) ? '' : NOT_YET;
    lines.push(`  ${grammar.kind}${note}`);
    for (const line of grammar.usage) {
      lines.push(`    ${line.usage.padEnd(USAGE_WIDTH)}  e.g. "${line.example}"`);
    }
  }
  lines.push(
    '  Politeness and filler are fine ("please", "could you", "let\'s", "everywhere", "in the',
    '  whole project"); kind words narrow a name (function, class, method, helper, variable,',
    '  constant, exception); "in <path>" or "(<path>)" says where it is declared. Anything the',
    '  grammar cannot read with certainty is refused, and so is shell syntax (;, &&, |, $( )).',
  );
  return `${lines.join('\n')}\n`;
}
