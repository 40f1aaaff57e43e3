import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExampleRepo, type ExampleRepo, runCli } from '../helpers/fixture-repo.js';

interface PlanJson {
  phases: Array<{ phase: string; test_timeout_ms?: number }>;
}

const executeSetting = (plan: PlanJson) => plan.phases.find((p) => p.phase === 'execute');

describe('--test-timeout', () => {
  let repo: ExampleRepo;
  beforeAll(async () => {
    repo = await createExampleRepo({ example: 'users-ts' });
  });
  afterAll(() => repo?.cleanup());

  it('exits 2 naming the flag for a value that is not a positive number of seconds', async () => {
    for (const [verb, target] of [
      ['run', 'rename function getUser to fetchUser'],
      ['apply', 'plan.json'],
    ] as const) {
      for (const value of ['soon', '0', '-5']) {
        const result = await runCli([
          verb,
          target,
          '--workspace',
          repo.dir,
          `--test-timeout=${value}`,
        ]);
        expect(result.code, result.stderr).toBe(2);
        expect(result.stderr).toContain(
          `error [BAD_INPUT]: --test-timeout "${value}" is not a positive number of seconds`,
        );
      }
    }
  });

  it("is recorded in the plan as EXECUTE's test_timeout_ms, and apply honours it or its own", async () => {
    const out = `${repo.dir}-plan.json`;
    const made = await runCli([
      'plan',
      'rename function getUser to fetchUser',
      '--workspace',
      repo.dir,
      '--out',
      out,
      '--test-timeout',
      '1.5',
    ]);
    expect(made.code, made.stderr).toBe(0);
    expect(executeSetting(JSON.parse(await readFile(out, 'utf8')) as PlanJson)).toEqual({
      phase: 'execute',
      test_timeout_ms: 1500,
    });

    const hanging = ['--test-command', 'sleep 30'];
    const recorded = await runCli(['apply', out, '--workspace', repo.dir, ...hanging]);
    expect(recorded.code, recorded.stderr).toBe(1);
    expect(recorded.stderr).toContain('timed out after 1500 ms');

    const own = await runCli([
      'apply',
      out,
      '--workspace',
      repo.dir,
      ...hanging,
      '--test-timeout',
      '1',
    ]);
    expect(own.code, own.stderr).toBe(1);
    expect(own.stderr).toContain('timed out after 1000 ms');
    const folder = /run folder (\S+)/.exec(own.stdout)?.[1] ?? '';
    const applied = JSON.parse(await readFile(path.join(folder, 'plan.json'), 'utf8')) as PlanJson;
    expect(executeSetting(applied)).toEqual({ phase: 'execute', test_timeout_ms: 1000 });
  }, 120_000);
});
