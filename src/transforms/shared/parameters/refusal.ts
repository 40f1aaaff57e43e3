import { type ErrorCode, OrchestratorError } from '../../../core/errors.js';
import type { Problem, ProblemCode } from './contract.js';

/** How a transform words its refusals: what it was asked, and what to do per problem. */
export interface RefusalWording {
  /** E.g. `Adding parameter "retries" to fetch (net/client.py:12)`. */
  action: string;
  /** What the user can do, per problem. */
  hints: Partial<Record<ProblemCode, string>>;
}

const MAX_LISTED = 20;

function errorCodeOf(code: ProblemCode): ErrorCode {
  switch (code) {
    case 'bad-text':
    case 'unsupported-target':
      return 'BAD_INPUT';
    case 'no-such-parameter':
      return 'SYMBOL_NOT_FOUND';
    case 'already-a-parameter':
    case 'shadows-a-name':
    case 'keyword-passed':
      return 'NAME_COLLISION';
    default:
      return 'TRANSFORM_REFUSED';
  }
}

const PRIORITY: readonly ErrorCode[] = [
  'BAD_INPUT',
  'SYMBOL_NOT_FOUND',
  'NAME_COLLISION',
  'TRANSFORM_REFUSED',
];

/**
 * One error for every problem the language half found: each named by file and line with the
 * line's text, then what to do. Its code is the most basic problem's (bad input first).
 */
export function toRefusal(
  problems: readonly Problem[],
  wording: RefusalWording,
): OrchestratorError {
  const codes = problems.map((p) => errorCodeOf(p.code));
  const code = PRIORITY.find((c) => codes.includes(c)) ?? 'TRANSFORM_REFUSED';
  const listed = problems
    .slice(0, MAX_LISTED)
    .map((p) => `${p.file}:${p.line}: ${p.lineText.trim()}  (${p.detail})`);
  const more = problems.length > MAX_LISTED ? [`… and ${problems.length - MAX_LISTED} more`] : [];
  const hints = [
    ...new Set(
      problems.map((p) => wording.hints[p.code]).filter((h): h is string => h !== undefined),
    ),
  ];
  return new OrchestratorError(
    code,
    `${wording.action} is refused; nothing was changed:\n  ${[...listed, ...more].join('\n  ')}${hints.length > 0 ? `\n${hints.join('\n')}` : ''}`,
    {
      data: {
        problems: problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.code}: ${p.detail}`),
      },
    },
  );
}
