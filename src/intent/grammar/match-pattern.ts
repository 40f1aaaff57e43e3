import type { Capture, Captures } from '../../transforms/command-grammar.js';
import type { PatternNode } from './pattern-ast.js';
import { matchSlot } from './slot-types.js';
import type { Token } from './tokenize.js';

/** Where a command stopped matching, and what would have matched there. */
export interface Furthest {
  at: number;
  /** What a required part wanted there. */
  expected: string[];
  /** What an optional part wanted there (said only when no required part wanted anything). */
  optional: string[];
}

/** What one command's matching shares: its tokens, a step budget, the furthest failure. */
export interface MatchContext {
  readonly tokens: readonly Token[];
  readonly maxSteps: number;
  steps: number;
  readonly furthest: Furthest;
}

/** Thrown when a command needs more matching steps than any sensible command does. */
export class StepBudgetExceeded extends Error {}

export function createMatchContext(tokens: readonly Token[], maxSteps: number): MatchContext {
  return { tokens, maxSteps, steps: 0, furthest: { at: 0, expected: [], optional: [] } };
}

/** Articles are never worth naming in "expected …". */
const UNREPORTED = new Set(['the', 'a', 'an']);

/** Records a failed expectation at `at` (only the furthest position's are kept). */
export function recordFailure(
  context: MatchContext,
  at: number,
  expected?: string,
  optional = false,
): void {
  const furthest = context.furthest;
  if (at > furthest.at) {
    furthest.at = at;
    furthest.expected = [];
    furthest.optional = [];
  }
  const list = optional ? furthest.optional : furthest.expected;
  if (at === furthest.at && expected !== undefined && !list.includes(expected)) list.push(expected);
}

/** How a part is being matched: `silent` (filler) records nothing; `optional` records weakly. */
interface Mode {
  readonly silent: boolean;
  readonly optional: boolean;
}

const REQUIRED: Mode = { silent: false, optional: false };

/**
 * Every way `node` matches the tokens from `at`: the position after it and the captures, in a
 * fixed order (an optional part present before absent, a repeat longest first), so the same
 * command always gives the same readings in the same order.
 */
export function* matchNode(
  node: PatternNode,
  at: number,
  captures: Captures,
  context: MatchContext,
  mode: Mode = REQUIRED,
): Generator<[number, Captures]> {
  const fail = (expected?: string): void => {
    if (!mode.silent) recordFailure(context, at, expected, mode.optional);
  };
  context.steps += 1;
  if (context.steps > context.maxSteps) throw new StepBudgetExceeded();
  const token = context.tokens[at];
  switch (node.type) {
    case 'word':
      if (token?.type === 'chunk' && token.quote === undefined && token.lower === node.word) {
        yield [at + 1, captures];
      } else {
        fail(UNREPORTED.has(node.word) ? undefined : `"${node.word}"`);
      }
      return;
    case 'arrow':
      if (token?.type === 'arrow') yield [at + 1, captures];
      else fail('"->"');
      return;
    case 'punct':
      if (token?.type === 'punct' && token.text === node.char) yield [at + 1, captures];
      else fail(`"${node.char}"`);
      return;
    case 'seq':
      yield* matchSeq(node.items, 0, at, captures, context, mode);
      return;
    case 'alt':
      for (const option of node.options) yield* matchNode(option, at, captures, context, mode);
      return;
    case 'optional':
      yield* matchNode(node.node, at, captures, context, { ...mode, optional: true });
      yield [at, captures];
      return;
    case 'repeat':
      yield* matchRepeat(node.node, at, captures, context, {
        silent: mode.silent || node.silent,
        optional: true,
      });
      return;
    case 'slot': {
      const matches = matchSlot(node.slot, context.tokens, at);
      if (matches.length === 0 && node.slot !== 'kind') fail(`<${node.name}>`);
      // A slot filled twice (a scope before and after the name) is not a reading.
      if (Object.hasOwn(captures, node.name)) {
        if (matches.length > 0) fail(`one <${node.name}> only`);
        return;
      }
      for (const match of matches) {
        yield [match.end, withCapture(captures, node.name, match.capture)];
      }
      return;
    }
  }
}

function* matchSeq(
  items: readonly PatternNode[],
  index: number,
  at: number,
  captures: Captures,
  context: MatchContext,
  mode: Mode,
): Generator<[number, Captures]> {
  const item = items[index];
  if (item === undefined) {
    yield [at, captures];
    return;
  }
  for (const [next, filled] of matchNode(item, at, captures, context, mode)) {
    yield* matchSeq(items, index + 1, next, filled, context, mode);
  }
}

function* matchRepeat(
  node: PatternNode,
  at: number,
  captures: Captures,
  context: MatchContext,
  mode: Mode,
): Generator<[number, Captures]> {
  for (const [next, filled] of matchNode(node, at, captures, context, mode)) {
    if (next > at) yield* matchRepeat(node, next, filled, context, mode);
  }
  yield [at, captures];
}

function withCapture(captures: Captures, name: string, capture: Capture): Captures {
  return { ...captures, [name]: capture };
}
