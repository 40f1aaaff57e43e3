import { OrchestratorError } from '../../core/errors.js';
import type { Furthest } from './match-pattern.js';
import type { Token } from './tokenize.js';

/**
 * Why the grammar refused: the words did not fit a form (`unplaced`, `too-involved`,
 * `too-many-words`: a model planner may try), or the command must not be read at all
 * (`shell`: shell syntax, `ambiguous`: it reads several ways, `too-long`).
 */
export type UnrecognisedReason =
  | 'unplaced'
  | 'too-involved'
  | 'too-many-words'
  | 'shell'
  | 'ambiguous'
  | 'too-long';

/** `INTENT_UNRECOGNISED` for `text`, saying why (`detail`) and listing the supported forms. */
export function toUnrecognised(
  text: string,
  detail: string,
  supportedForms: readonly string[],
  reason: UnrecognisedReason = 'unplaced',
): OrchestratorError {
  return new OrchestratorError(
    'INTENT_UNRECOGNISED',
    `Could not understand the command ${clip(text, 200)}: ${detail}.\nSupported forms:\n  ${supportedForms.join('\n  ')}`,
    { data: { command: text.slice(0, 200), detail, reason, supportedForms: [...supportedForms] } },
  );
}

/** What the furthest reading could not place: `could not place "faster" after "make everything"`. */
export function toUnplacedDetail(
  text: string,
  tokens: readonly Token[],
  furthest: Furthest,
): string {
  const wanted = furthest.expected.length > 0 ? furthest.expected : furthest.optional;
  const expected = toList(wanted.slice(0, 4));
  const token = tokens[furthest.at];
  if (token === undefined) {
    return tokens.length === 0
      ? 'it is empty'
      : `it ends where ${expected || 'more'} ${wanted.length > 1 ? 'were' : 'was'} expected`;
  }
  const before = text.slice(0, token.start).trim();
  return [
    `could not place ${clip(text.slice(token.start), 60)}`,
    before === '' ? '' : ` after ${clip(before, 60, 'end')}`,
    expected === '' ? '' : ` (expected ${expected})`,
  ].join('');
}

function toList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** `text` quoted, shortened to `max` characters (keeping its start, or its end). */
function clip(text: string, max: number, keep: 'start' | 'end' = 'start'): string {
  if (text.length <= max) return JSON.stringify(text);
  return keep === 'start'
    ? `${JSON.stringify(text.slice(0, max))}…`
    : `…${JSON.stringify(text.slice(-max))}`;
}
