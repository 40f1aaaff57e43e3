import type { Capture, Captures } from '../../transforms/command-grammar.js';
import type { PatternNode } from './pattern-ast.js';
import { matchSlot } from './slot-types.js';
import type { Token } from './tokenize.js';

/** Where a command stopped matching, and what would have matched there. */
export interface Furthest {
  at: number;
  expected: string[];
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
  return { tokens, maxSteps, steps: 0, furthest: { at: 0, expected: [] } };
}

/** Articles are never worth naming in "expected …". */
const UNREPORTED = new Set(['the', 'a', 'an']);

/** Records a failed expectation at `at` (only the furthest position's are kept). */
export function recordFailure(context: MatchContext, at: number, expected?: string): void {
  const furthest = context.furthest;
  if (at > furthest.at) {
    furthest.at = at;
    furthest.expected = [];
  }
  if (at === furthest.at && expected !== undefined && !furthest.expected.includes(expected)) {
    furthest.expected.push(expected);
  }
}

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
  silent: boolean,
): Generator<[number, Captures]> {
  context.steps += 1;
  if (context.steps > context.maxSteps) throw new StepBudgetExceeded();
  const token = context.tokens[at];
  switch (node.type) {
    case 'word':
      if (token?.type === 'chunk' && token.quote === undefined && token.lower === node.word) {
        yield [at + 1, captures];
      } else if (!silent) {
        recordFailure(context, at, UNREPORTED.has(node.word) ? undefined : `"${node.word}"`);
      }
      return;
    case 'arrow':
      if (token?.type === 'arrow') yield [at + 1, captures];
      else if (!silent) recordFailure(context, at, '"->"');
      return;
    case 'punct':
      if (token?.type === 'punct' && token.text === node.char) yield [at + 1, captures];
      else if (!silent) recordFailure(context, at, `"${node.char}"`);
      return;
    case 'seq':
      yield* matchSeq(node.items, 0, at, captures, context, silent);
      return;
    case 'alt':
      for (const option of node.options) yield* matchNode(option, at, captures, context, silent);
      return;
    case 'optional':
      yield* matchNode(node.node, at, captures, context, silent);
      yield [at, captures];
      return;
    case 'repeat':
      yield* matchRepeat(node.node, at, captures, context, silent || node.silent);
      return;
    case 'slot': {
      const matches = matchSlot(node.slot, context.tokens, at);
      if (matches.length === 0 && !silent && node.slot !== 'kind') {
        recordFailure(context, at, `<${node.name}>`);
      }
      // A slot filled twice (a scope before and after the name) is not a reading.
      if (Object.hasOwn(captures, node.name)) return;
      for (const match of matches)
        yield [match.end, withCapture(captures, node.name, match.capture)];
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
  silent: boolean,
): Generator<[number, Captures]> {
  const item = items[index];
  if (item === undefined) {
    yield [at, captures];
    return;
  }
  for (const [next, filled] of matchNode(item, at, captures, context, silent)) {
    yield* matchSeq(items, index + 1, next, filled, context, silent);
  }
}

function* matchRepeat(
  node: PatternNode,
  at: number,
  captures: Captures,
  context: MatchContext,
  silent: boolean,
): Generator<[number, Captures]> {
  for (const [next, filled] of matchNode(node, at, captures, context, silent)) {
    if (next > at) yield* matchRepeat(node, next, filled, context, silent);
  }
  yield [at, captures];
}

function withCapture(captures: Captures, name: string, capture: Capture): Captures {
  return { ...captures, [name]: capture };
}
