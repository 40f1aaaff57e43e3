import { describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../src/core/errors.js';
import { parseIntent } from '../../../src/intent/parse-intent.js';

describe('parseIntent', () => {
  it('reads a plain rename', () => {
    expect(parseIntent('rename getUser to fetchUser')).toEqual({
      kind: 'rename',
      from: 'getUser',
      to: 'fetchUser',
    });
  });

  it('reads the kind, a Class.method target and an "in <path>" scope', () => {
    expect(parseIntent('Rename method Ledger.post to record in ./ledger/')).toMatchObject({
      from: 'post',
      to: 'record',
      symbolKind: 'method',
      container: 'Ledger',
      scope: 'ledger',
    });
    expect(parseIntent('rename function `post_entry` to `record_entry`.')).toMatchObject({
      from: 'post_entry',
      to: 'record_entry',
      symbolKind: 'function',
    });
  });

  it('lists the supported forms when it cannot understand the command', () => {
    try {
      parseIntent('make everything faster');
      expect.unreachable();
    } catch (error) {
      expect(isOrchestratorError(error, 'INTENT_UNRECOGNISED')).toBe(true);
      expect((error as Error).message).toContain('rename <old> to <new>');
    }
  });

  it('refuses a new name that is not an identifier, naming it', () => {
    expect(() => parseIntent('rename a to 9lives')).toThrow(/"9lives" is not a valid identifier/);
  });
});

describe('parseIntent limits', () => {
  it('refuses a huge command at once, echoing only its start', () => {
    const error = (() => {
      try {
        parseIntent(`rename a to ${'b'.repeat(100_000)}`);
      } catch (caught) {
        return caught as Error;
      }
      return undefined;
    })();
    expect(isOrchestratorError(error, 'INTENT_UNRECOGNISED')).toBe(true);
    expect(error?.message.length).toBeLessThan(400);
  });

  it('refuses an over-long new name before anything starts', () => {
    expect(() => parseIntent(`rename a to ${'b'.repeat(1_000)}`)).toThrow(/not valid|at most/);
  });
});
