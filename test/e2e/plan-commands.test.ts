import { access, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExampleRepo, type ExampleRepo, runCli } from '../helpers/fixture-repo.js';

interface PlanJson {
  dag: { nodes: Array<{ op: string; command?: string[]; compile?: unknown }> };
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

describe('apply runs a plan only with the commands this machine would choose', () => {
  let repo: ExampleRepo;
  let planText: string;
  let marker: string;
  beforeAll(async () => {
    repo = await createExampleRepo({ example: 'users-ts' });
    marker = `${repo.dir}-marker`;
    const out = `${repo.dir}-plan.json`;
    const made = await runCli([
      'plan',
      'rename function getUser to fetchUser',
      '--workspace',
      repo.dir,
      '--out',
      out,
    ]);
    expect(made.code, made.stderr).toBe(0);
    planText = await readFile(out, 'utf8');
  }, 120_000);
  afterAll(async () => {
    await rm(marker, { force: true });
    await repo?.cleanup();
  });

  /** The saved plan with its test command (or compile check) replaced, written next to the repo. */
  async function editedPlan(name: string, edit: (plan: PlanJson) => void): Promise<string> {
    const plan = JSON.parse(planText) as PlanJson;
    edit(plan);
    const file = `${repo.dir}-${name}.json`;
    await writeFile(file, JSON.stringify(plan));
    return file;
  }
  const setTest = (command: string[]) => (plan: PlanJson) => {
    const test = plan.dag.nodes.find((node) => node.op === 'test');
    if (test) test.command = command;
  };
  const runFolders = async () =>
    (await readdir(path.join(repo.dir, '.mcp-orchestrator', 'runs')).catch(() => [])).length;

  it('refuses a hand-edited test command before anything runs, naming it and the ways on', async () => {
    const planFile = await editedPlan('hostile', setTest(['sh', '-c', `touch ${marker}`]));
    const before = await repo.snapshot();
    const folders = await runFolders();
    const result = await runCli(['apply', planFile, '--workspace', repo.dir]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(
      `error [PLAN_INVALID]: ${path.basename(planFile)} runs commands this machine would not choose for ${repo.dir}`,
    );
    expect(result.stderr).toContain(
      `test command: sh -c 'touch ${marker}' (this machine would run npm test --silent)`,
    );
    expect(result.stderr).toContain('--test-command');
    expect(result.stderr).toContain('--trust-plan-commands');
    expect(await exists(marker)).toBe(false);
    expect(await repo.snapshot()).toEqual(before);
    expect(await runFolders()).toBe(folders);
  }, 60_000);

  it('refuses a hand-edited compile check, naming it', async () => {
    const planFile = await editedPlan('compile', (plan) => {
      const check = plan.dag.nodes.find((node) => node.op === 'check');
      if (check) check.compile = { kind: 'command', command: ['sh', '-c', 'touch pwned'] };
    });
    const result = await runCli(['apply', planFile, '--workspace', repo.dir]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(
      "compile check: sh -c 'touch pwned' (this machine would run the language servers' type checkers)",
    );
  }, 60_000);

  it('with --trust-plan-commands, prints the commands on stderr first and runs them', async () => {
    const planFile = await editedPlan(
      'trusted',
      setTest(['sh', '-c', `touch ${marker} && npm test --silent`]),
    );
    const result = await runCli([
      'apply',
      planFile,
      '--workspace',
      repo.dir,
      '--trust-plan-commands',
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    // The warning comes before any phase runs (after the start-up progress lines).
    const warning = result.stderr.indexOf('⚠ --trust-plan-commands');
    expect(warning).toBeGreaterThanOrEqual(0);
    expect(warning).toBeLessThan(result.stderr.indexOf('▶ optimize'));
    expect(result.stderr).toContain(
      `--trust-plan-commands: running the plan's commands as written:\n  tests: sh -c 'touch ${marker} && npm test --silent' (this machine would run npm test --silent)`,
    );
    expect(await exists(marker)).toBe(true);
    const json = JSON.parse(result.stdout) as { success: boolean; warnings: string[] };
    expect(json.warnings[0]).toContain('--trust-plan-commands');
    await rm(marker);
  }, 120_000);

  it("with --test-command, runs that instead of the plan's test command", async () => {
    const planFile = await editedPlan('replaced', setTest(['sh', '-c', `touch ${marker}`]));
    const result = await runCli([
      'apply',
      planFile,
      '--workspace',
      repo.dir,
      '--test-command',
      'npm test --silent',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('running sh -c npm test --silent');
    expect(await exists(marker)).toBe(false);
  }, 120_000);
});
