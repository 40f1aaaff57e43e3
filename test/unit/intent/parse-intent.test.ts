import { describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../src/core/errors.js';
import { parseIntent } from '../../../src/intent/parse-intent.js';

describe('parseIntent', () => {
  it('reads a plain rename', () => {
    expect(parseIntent('rename getUser to fetchUser')).toMatchObject({
      kind: 'rename',
      from: 'getUser',
      to: 'fetchUser',
      symbolKind: 'any',
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
