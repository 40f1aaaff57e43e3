import { describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../src/core/errors.js';
import { parseIntent, toCommandText, validateIntent } from '../../../src/intent/parse-intent.js';
import { resolveCommandInput } from '../../../src/intent/resolve-command-input.js';

describe('parseIntent', () => {
  it('reads a plain rename', () => {
    expect(parseIntent('rename getUser to fetchUser')).toEqual({
      kind: 'rename',
      from: 'getUser',
      to: 'fetchUser',
    });
  });

  it('reads a Class.name target as its container, without guessing a kind', () => {
    expect(parseIntent('rename Ledger.post to record')).toEqual({
      kind: 'rename',
      from: 'post',
      to: 'record',
      container: 'Ledger',
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

  it('names what it could not place, and what a required part wanted there', () => {
    try {
      parseIntent('rename a to b and then make c async');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain(
        'could not place "and then make c async" after "rename a to b"',
      );
    }
    try {
      parseIntent('rename getUser fetchUser');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain(
        'could not place "fetchUser" after "rename getUser" (expected "to", "into", "as" or "->")',
      );
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

describe('parseIntent for kinds whose transform has not landed', () => {
  it('reads them (a run refuses them later with TRANSFORM_UNAVAILABLE)', () => {
    expect(parseIntent('replace calls to time.sleep with asyncio.sleep')).toEqual({
      kind: 'replace_calls',
      from: 'time.sleep',
      to: 'asyncio.sleep',
    });
    expect(parseIntent('remove unused imports in src/')).toEqual({
      kind: 'remove_unused_imports',
      scope: 'src',
    });
  });
});

describe('validateIntent (--intent, plans, the library)', () => {
  const refusal = (input: unknown) => {
    try {
      validateIntent(input, '--intent');
    } catch (error) {
      return error as Error & { code: string };
    }
    return undefined;
  };

  it('names the field that is wrong', () => {
    const error = refusal({ kind: 'rename', from: 'a' });
    expect(error?.code).toBe('BAD_INPUT');
    expect(error?.message).toMatch(/^--intent is not valid:\n {2}to: /);
    expect(refusal({ kind: 'rename', from: 'a', to: 'b', colour: 'red' })?.message).toContain(
      'colour',
    );
  });

  it('names the kinds when the kind is unknown', () => {
    expect(refusal({ kind: 'inline', name: 'f' })?.message).toContain(
      'kind: "inline" is not a kind of change; the kinds are rename, make_async, replace_calls',
    );
  });

  it('puts the fields in the schema order, whatever order they came in', () => {
    const intent = validateIntent({ to: 'b', symbolKind: 'class', from: 'a', kind: 'rename' });
    expect(Object.keys(intent)).toEqual(['kind', 'from', 'to', 'symbolKind']);
  });

  it("runs the landed transform's own checks", () => {
    expect(refusal({ kind: 'rename', from: 'a', to: 'class' })?.code).toBe('INVALID_IDENTIFIER');
    expect(validateIntent({ kind: 'move', symbol: 'f', to: 'b.py' })).toEqual({
      kind: 'move',
      symbol: 'f',
      to: 'b.py',
    });
  });
});

describe('toCommandText and resolveCommandInput', () => {
  it('say an intent back in words that read as the same intent', () => {
    const intent = {
      kind: 'rename',
      from: 'post',
      to: 'record',
      symbolKind: 'method',
      container: 'Ledger',
      scope: 'ledger',
    } as const;
    expect(toCommandText(intent)).toBe('rename method Ledger.post to record in ledger');
    expect(toCommandText({ kind: 'rename', from: 'to', to: 'from' })).toBe('rename `to` to `from`');
    expect(resolveCommandInput({ intent })).toEqual({
      command: 'rename method Ledger.post to record in ledger',
      intent,
    });
    expect(resolveCommandInput({ intent, command: 'the words a planner was given' }).command).toBe(
      'the words a planner was given',
    );
    expect(resolveCommandInput('rename a to b').intent).toEqual({
      kind: 'rename',
      from: 'a',
      to: 'b',
    });
  });
});
