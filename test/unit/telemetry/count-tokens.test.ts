import { describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../src/core/errors.js';
import { countTokens, trimToTokenBudget } from '../../../src/telemetry/count-tokens.js';

describe('countTokens', () => {
  it('counts cl100k_base tokens', () => {
    expect(countTokens('hello world')).toBe(2);
    expect(countTokens('')).toBe(0);
    expect(countTokens('rename getUser to fetchUser')).toBeGreaterThan(3);
    // Counts of the reference port (js-tiktoken 1.0.21), which the encoder must match.
    expect(countTokens('café naïve 日本語 🎉')).toBe(11);
    expect(
      countTokens('export async function getUser(id: string) {\n  return db.users.find(id);\n}\n'),
    ).toBe(17);
  });

  it('counts special-token text as plain text instead of throwing', () => {
    expect(countTokens('<|endoftext|>')).toBe(7);
  });
});

describe('trimToTokenBudget', () => {
  it('returns the text unchanged when it fits', () => {
    expect(trimToTokenBudget('hello world', 2)).toEqual({
      text: 'hello world',
      tokens: 2,
      trimmed: false,
    });
  });

  it('cuts to a prefix that fits the budget', () => {
    const text = 'one two three four five six seven eight nine ten';
    const result = trimToTokenBudget(text, 4);
    expect(result).toEqual({ text: 'one two three four', tokens: 4, trimmed: true });
    expect(text.startsWith(result.text)).toBe(true);
  });

  it('never cuts inside a multi-byte character', () => {
    const text = '日本語のテキストと絵文字😀😀😀をたくさん含む文章です。'.repeat(5);
    for (const budget of [1, 3, 7, 11, 20]) {
      const result = trimToTokenBudget(text, budget);
      expect(result.trimmed).toBe(true);
      expect(result.tokens).toBeLessThanOrEqual(budget);
      expect(result.text).not.toContain('\uFFFD');
      expect(text.startsWith(result.text)).toBe(true);
      expect(countTokens(result.text)).toBe(result.tokens);
    }
  });

  it('returns an empty text for a zero budget', () => {
    expect(trimToTokenBudget('hello', 0)).toEqual({ text: '', tokens: 0, trimmed: true });
    expect(trimToTokenBudget('', 0)).toEqual({ text: '', tokens: 0, trimmed: false });
  });

  it('rejects a negative or fractional budget with BAD_INPUT', () => {
    for (const budget of [-1, 1.5, Number.NaN]) {
      let error: unknown;
      try {
        trimToTokenBudget('x', budget);
      } catch (e) {
        error = e;
      }
      expect(isOrchestratorError(error, 'BAD_INPUT')).toBe(true);
    }
  });
});

describe('trimToTokenBudget on long texts', () => {
  it('keeps exactly the prefix a full encoding would keep', () => {
    const line =
      'export function getUser(id: number): User { return users.get(id) ?? missing(id); }\n';
    const text = line.repeat(2_000);
    const trimmed = trimToTokenBudget(text, 300);
    expect(trimmed.trimmed).toBe(true);
    expect(trimmed.tokens).toBeLessThanOrEqual(300);
    expect(text.startsWith(trimmed.text)).toBe(true);
    expect(countTokens(text.slice(0, trimmed.text.length + line.length))).toBeGreaterThan(300);
  });
});
