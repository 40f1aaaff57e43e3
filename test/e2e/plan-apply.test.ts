import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExampleRepo, type ExampleRepo, runCli } from '../helpers/fixture-repo.js';

describe('plan and apply', () => {
  let repo: ExampleRepo;
  beforeAll(async () => {
    repo = await createExampleRepo({ example: 'users-ts' });
  });
  afterAll(() => repo?.cleanup());

  it('writes byte-identical plans for the same command on the same commit, and changes nothing else', async () => {
    const before = await repo.snapshot();
    const first = `${repo.dir}-plan-1.json`;
    const second = `${repo.dir}-plan-2.json`;
    for (const out of [first, second]) {
      const result = await runCli([
        'plan',
        'rename function getUser to fetchUser',
        '--workspace',
        repo.dir,
        '--out',
        out,
      ]);
      expect(result.code, result.stderr).toBe(0);
    }
    const text = await readFile(first, 'utf8');
    expect(await readFile(second, 'utf8')).toBe(text);
    const plan = JSON.parse(text) as {
      command: string;
      phases: unknown[];
      dag: { nodes: Array<{ op: string }> };
    };
    expect(plan.command).toBe('rename function getUser to fetchUser');
    expect(plan.phases).toHaveLength(7);
    expect(plan.dag.nodes.filter((n) => n.op === 'edit')).toHaveLength(4);
    expect(await repo.snapshot()).toEqual(before);
  }, 240_000);

  it('applies a saved plan to a test-green commit', async () => {
    const planFile = `${repo.dir}-plan-1.json`;
    const result = await runCli(['apply', planFile, '--workspace', repo.dir, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { branch: string; phases: Array<{ phase: string }> };
    expect(json.phases.map((p) => p.phase)).toEqual(['optimize', 'execute', 'review']);
    expect(await repo.show(json.branch, 'src/index.js')).toContain(
      'export { fetchUser, getUserName }',
    );
  }, 240_000);

  it('refuses a hand-edited plan with a cycle, naming the field, and exits 2', async () => {
    const plan = JSON.parse(await readFile(`${repo.dir}-plan-1.json`, 'utf8')) as {
      dag: { edges: string[][] };
    };
    plan.dag.edges.push(['commit', 'test']);
    const broken = `${repo.dir}-plan-cycle.json`;
    await writeFile(broken, JSON.stringify(plan));
    const result = await runCli(['apply', broken, '--workspace', repo.dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('dag.edges has a cycle');
  });

  it('refuses a plan whose edits no longer match the code, naming file and line', async () => {
    const plan = JSON.parse(await readFile(`${repo.dir}-plan-1.json`, 'utf8')) as {
      dag: { nodes: Array<{ op: string; edits?: Array<{ start: number[]; end: number[] }> }> };
    };
    const edit = plan.dag.nodes.find((n) => n.op === 'edit')?.edits?.[0];
    if (!edit) throw new Error('the plan has no edit');
    edit.start = [edit.start[0] as number, (edit.start[1] as number) + 1];
    edit.end = [edit.end[0] as number, (edit.end[1] as number) + 1];
    const stale = `${repo.dir}-plan-stale.json`;
    await writeFile(stale, JSON.stringify(plan));
    const before = await repo.snapshot();
    const result = await runCli(['apply', stale, '--workspace', repo.dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/src\/index\.js:1:\d+ holds "etUser.", not "getUser"/);
    expect(await repo.snapshot()).toEqual(before);
  });

  it('refuses a plan whose edit writes text a rename may not write, before anything runs', async () => {
    const plan = JSON.parse(await readFile(`${repo.dir}-plan-1.json`, 'utf8')) as {
      dag: { nodes: Array<{ op: string; edits?: Array<{ newText: string }> }> };
    };
    const edit = plan.dag.nodes.find((n) => n.op === 'edit')?.edits?.[0];
    if (!edit) throw new Error('the plan has no edit');
    edit.newText = 'fetchUser; require("child_process").execSync("touch pwned")';
    const hostile = `${repo.dir}-plan-hostile.json`;
    await writeFile(hostile, JSON.stringify(plan));
    const before = await repo.snapshot();
    const result = await runCli(['apply', hostile, '--workspace', repo.dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PLAN_INVALID');
    expect(result.stderr).toMatch(/src\/index\.js:1:\d+ would replace "getUser" with/);
    expect(await repo.snapshot()).toEqual(before);
  });

  it('finds the reference an edited plan misses, refuses to commit and rolls back', async () => {
    const planFile = `${repo.dir}-plan-missed.json`;
    const plan = JSON.parse(await readFile(`${repo.dir}-plan-1.json`, 'utf8')) as {
      dag: { nodes: Array<{ op: string; file?: string; edits?: Array<{ start: number[] }> }> };
    };
    const users = plan.dag.nodes.find((n) => n.op === 'edit' && n.file === 'src/users.js');
    const untested = users?.edits?.find((e) => e.start[0] === 14);
    expect(untested).toBeDefined();
    if (users?.edits) users.edits = users.edits.filter((e) => e !== untested);
    await writeFile(planFile, JSON.stringify(plan));
    const before = await repo.snapshot();
    const result = await runCli(['apply', planFile, '--workspace', repo.dir]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain('CHECK_FAILED');
    expect(result.stderr).toContain('src/users.js:14: return getUser(id).name;');
    expect(await repo.snapshot()).toEqual(before);
  }, 240_000);

  it('puts per-phase settings into the plan and the run', async () => {
    const settings = `${repo.dir}-phases.json`;
    await writeFile(
      settings,
      JSON.stringify([
        { phase: 'map', targets: ['ripgrep'] },
        { phase: 'monte_carlo', duration_limit_ms: 5000, seed: 7 },
      ]),
    );
    const out = `${repo.dir}-phases-plan.json`;
    const result = await runCli([
      'plan',
      'rename function getUser to fetchUser',
      '--workspace',
      repo.dir,
      '--out',
      out,
      '--phases',
      settings,
      '--json',
    ]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const plan = JSON.parse(await readFile(out, 'utf8')) as {
      phases: Array<Record<string, unknown>>;
    };
    expect(plan.phases[0]).toEqual({ phase: 'map', targets: ['ripgrep'] });
    expect(plan.phases[2]).toEqual({ phase: 'monte_carlo', duration_limit_ms: 5000, seed: 7 });
    const json = JSON.parse(result.stdout) as {
      phases: Array<{
        phase: string;
        data: { sources?: Array<{ name: string; status: string }>; seed?: number };
      }>;
    };
    expect(json.phases[0]?.data.sources?.find((s) => s.name === 'dependency_graph')?.status).toBe(
      'skipped',
    );
    expect(json.phases[2]?.data.seed).toBe(7);
  }, 240_000);

  it('names the field of a bad phase setting and exits 2', async () => {
    const settings = `${repo.dir}-bad-phases.json`;
    await writeFile(
      settings,
      JSON.stringify([{ phase: 'monte_carlo', duration_limit_ms: -1, seed: 1 }]),
    );
    const result = await runCli([
      'run',
      'rename function getUser to fetchUser',
      '--workspace',
      repo.dir,
      '--phases',
      settings,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('[0].duration_limit_ms');
  });
});
