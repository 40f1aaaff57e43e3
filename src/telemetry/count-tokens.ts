import { createRequire } from 'node:module';
import { OrchestratorError } from '../core/errors.js';

type Cl100k = typeof import('gpt-tokenizer/encoding/cl100k_base');

/** A text cut to a token budget. */
export interface TrimmedText {
  text: string;
  /** Tokens in `text` (cl100k_base). */
  tokens: number;
  /** True when `text` is shorter than the input. */
  trimmed: boolean;
}

let encoder: Cl100k | undefined;

/**
 * gpt-tokenizer's cl100k_base encoder, loaded on first use (~0.1 s; js-tiktoken's ranks took
 * 0.35 s to parse here), not with the module: a refused command never counts.
 */
function getEncoder(): Cl100k {
  encoder ??= createRequire(import.meta.url)('gpt-tokenizer/encoding/cl100k_base') as Cl100k;
  return encoder;
}

const PLAIN_TEXT = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };

/** Tokens with special-token text (`<|endoftext|>`) counted as plain text, never rejected. */
function encode(text: string): number[] {
  return getEncoder().encode(text, PLAIN_TEXT);
}

/** Characters per token a prefix is cut at: twice cl100k's ~4 on code, so it rarely falls short. */
const PREFIX_CHARS_PER_TOKEN = 8;

/**
 * The tokens of `text`, or of a prefix of it when that already holds more than `minimum`:
 * trimming a long text to a small budget then encodes kilobytes, not the whole text. Only the
 * last pre-token of a cut prefix can differ from the full text's, and it lies past `minimum`.
 */
function encodeAtLeast(text: string, minimum: number): number[] {
  if (text === '') return [];
  const prefixLength = minimum * PREFIX_CHARS_PER_TOKEN;
  if (text.length > prefixLength * 2) {
    const prefix = encode(text.slice(0, prefixLength));
    if (prefix.length > minimum) return prefix.slice(0, -1);
  }
  return encode(text);
}

/** Number of cl100k_base tokens in `text` (the tokenizer of GPT-4-class models). */
export function countTokens(text: string): number {
  return text === '' ? 0 : encode(text).length;
}

/**
 * The longest prefix of `text` that fits in `budget` tokens, cut on a character boundary
 * (never half a multi-byte character). Returns `text` unchanged when it fits.
 * Throws `BAD_INPUT` for a budget that is not a non-negative integer.
 */
export function trimToTokenBudget(text: string, budget: number): TrimmedText {
  if (!Number.isInteger(budget) || budget < 0) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `Token budget must be a non-negative integer, got ${budget}.`,
      {
        data: { budget },
      },
    );
  }
  const tokens = encodeAtLeast(text, budget + 2);
  if (tokens.length <= budget) return { text, tokens: tokens.length, trimmed: false };
  for (let keep = budget; keep > 0; keep -= 1) {
    const candidate = getEncoder().decode(tokens.slice(0, keep));
    // A cut inside a multi-byte character decodes to U+FFFD and is no prefix of the input.
    if (!text.startsWith(candidate)) continue;
    const count = countTokens(candidate);
    if (count <= budget) return { text: candidate, tokens: count, trimmed: true };
  }
  return { text: '', tokens: 0, trimmed: true };
}
