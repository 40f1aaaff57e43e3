import { describe, expect, it } from 'vitest';
import { readWithGrammar } from '../../../src/cli/read-command.js';

const MODEL_ENV = {
  ORCHESTRATOR_PLANNER: 'openai',
  OPENAI_BASE_URL: 'http://127.0.0.1:1/v1',
  ORCHESTRATOR_MODEL: 'test-model',
};

describe('readWithGrammar', () => {
  it('reads a command the grammar places, in every mode but model', async () => {
    for (const mode of ['auto', 'grammar'] as const) {
      expect(await readWithGrammar('rename getUser to fetchUser', mode, { env: {} })).toEqual({
        command: 'rename getUser to fetchUser',
        intent: { kind: 'rename', from: 'getUser', to: 'fetchUser' },
      });
    }
    expect(
      await readWithGrammar('rename getUser to fetchUser', 'model', { env: MODEL_ENV }),
    ).toBeUndefined();
  });

  it('refuses words the grammar cannot place when no model planner is configured', async () => {
    await expect(
      readWithGrammar('swap the name getUser for fetchUser', 'auto', { env: {} }),
    ).rejects.toMatchObject({
      code: 'INTENT_UNRECOGNISED',
    });
  });

  it('leaves words the grammar cannot place to a configured model planner, unless --planner grammar', async () => {
    expect(
      await readWithGrammar('swap the name getUser for fetchUser', 'auto', { env: MODEL_ENV }),
    ).toBeUndefined();
    await expect(
      readWithGrammar('swap the name getUser for fetchUser', 'grammar', { env: MODEL_ENV }),
    ).rejects.toMatchObject({ code: 'INTENT_UNRECOGNISED' });
  });

  it('never leaves shell syntax to a model', async () => {
    await expect(
      readWithGrammar('rename a to b; rm -rf /', 'auto', { env: MODEL_ENV }),
    ).rejects.toMatchObject({
      code: 'INTENT_UNRECOGNISED',
    });
  });

  it('validates an intent given as data with its schema', async () => {
    await expect(
      readWithGrammar({ intent: { kind: 'rename', from: 'a' } }, 'auto', { env: MODEL_ENV }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('hands the read intent to refuseEarly before the schema, and its refusal stands', async () => {
    const seen: unknown[] = [];
    const refusal = new Error('refused early');
    await expect(
      readWithGrammar('rename getUser to fetchUser', 'auto', {
        env: MODEL_ENV,
        refuseEarly: async (intent) => {
          seen.push(intent);
          throw refusal;
        },
      }),
    ).rejects.toBe(refusal);
    expect(seen).toEqual([{ kind: 'rename', from: 'getUser', to: 'fetchUser' }]);
  });

  it('hands an intent given as data to refuseEarly only once its schema has passed', async () => {
    const seen: unknown[] = [];
    const refuseEarly = async (intent: unknown) => {
      seen.push(intent);
    };
    await expect(
      readWithGrammar({ intent: { kind: 'rename', from: 'a' } }, 'auto', { refuseEarly }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(seen).toEqual([]);
    await readWithGrammar({ intent: { kind: 'rename', from: 'a', to: 'b' } }, 'auto', {
      refuseEarly,
    });
    expect(seen).toEqual([{ kind: 'rename', from: 'a', to: 'b' }]);
  });
});
