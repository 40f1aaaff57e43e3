import { describe, expect, it } from 'vitest';
import type { LogicOutput, PlanOutput } from '../../../src/core/phase-outputs.js';
import type { TestNode } from '../../../src/core/plan/plan-schema.js';
import { createPlanPhase } from '../../../src/phases/plan/plan-phase.js';
import {
  createFakeContext,
  FAKE_BASE_COMMIT,
  FAKE_CHECKOUT,
  type FakeContextOverrides,
} from '../../fixtures/phases/fake-services.js';
import { RENAME_FILES, renameLogicOutput } from '../../fixtures/phases/rename-scenario.js';

const PYTEST = ['/venv/bin/python', '-m', 'pytest', '-q', '-p', 'no:cacheprovider'];
const UNITTEST = ['/venv/bin/python', '-m', 'unittest', 'discover'];

/** plan.json as far as these tests read it. */
type PlanJson = { dag: { nodes: Array<{ id: string; compile?: unknown }> } };

const pythonLogic = () =>
  renameLogicOutput({ language: 'python', targets: [], certaintyByFile: {} });

async function runPlan(
  overrides: FakeContextOverrides = {},
  logic: LogicOutput = renameLogicOutput(),
) {
  const run = createFakeContext({ files: RENAME_FILES, python: '/venv/bin/python', ...overrides });
  const outcome = await createPlanPhase().run(run.context, { logic });
  if (!outcome.success) throw new Error(`PLAN failed: ${outcome.error.message}`);
  const output = outcome.output as PlanOutput;
  const test = output.plan.node('test') as TestNode;
  return { ...run, output, data: outcome.data, testCommand: test.command };
}

/** A workspace without package.json, so the test command comes from the interpreter probe. */
const withoutPackageJson = () => {
  const { 'package.json': _manifest, ...files } = RENAME_FILES;
  return files;
};

describe('PLAN phase', () => {
  it('writes plan.json through RunFiles and returns the path it was written to', async () => {
    const run = await runPlan();
    expect(run.log.argsOf('runFiles', 'writeText').map((args) => args[0])).toEqual(['plan.json']);
    expect(run.written.get('plan.json')).toBe(run.output.plan.toJson());
    expect(run.output.planPath).toBe('/fake/run/plan.json');
    expect(run.output.plan.data).toMatchObject({
      command: 'rename getUser to fetchUser',
      base: FAKE_BASE_COMMIT,
      language: 'typescript',
      tokenBudget: 4096,
    });
    expect(run.output.plan.order).toEqual([
      'edit:src/app.ts',
      'edit:src/users.ts',
      'test',
      'check',
      'commit',
    ]);
  });

  it('writes byte-identical plans for the same input twice, whatever the key order', async () => {
    const first = await runPlan();
    const second = await runPlan();
    expect(second.written.get('plan.json')).toBe(first.written.get('plan.json'));
    const reordered = await runPlan({
      intent: { to: 'fetchUser', from: 'getUser', kind: 'rename' } as { kind: string },
    });
    expect(reordered.written.get('plan.json')).toBe(first.written.get('plan.json'));
  });

  it('runs a package.json test script with npm test, without probing for pytest', async () => {
    const run = await runPlan();
    expect(run.testCommand).toEqual(['npm', 'test', '--silent']);
    expect(run.log.argsOf('commands', 'run')).toEqual([]);
  });

  it('probes the interpreter for pytest and uses it when found', async () => {
    const run = await runPlan({ files: withoutPackageJson() }, pythonLogic());
    const [probe] = run.log.argsOf('commands', 'run') as Array<[string[], { cwd: string }]>;
    expect(probe?.[0].slice(0, 2)).toEqual(['/venv/bin/python', '-c']);
    expect(probe?.[0][2]).toContain('find_spec("pytest")');
    expect(probe?.[1].cwd).toBe(FAKE_CHECKOUT);
    expect(run.testCommand).toEqual(PYTEST);
  });

  it('falls back to unittest when the probe does not find pytest', async () => {
    const run = await runPlan(
      { files: withoutPackageJson(), run: () => ({ exitCode: 1 }) },
      pythonLogic(),
    );
    expect(run.testCommand).toEqual(UNITTEST);
  });

  it('ignores the npm placeholder test script and probes instead', async () => {
    const run = await runPlan({
      files: {
        ...RENAME_FILES,
        'package.json': '{"scripts": {"test": "echo \\"Error: no test specified\\" && exit 1"}}',
      },
      run: () => ({ exitCode: 1 }),
    });
    expect(run.log.argsOf('commands', 'run')).toHaveLength(1);
    expect(run.testCommand).toEqual(UNITTEST);
  });

  it('lets --test-command win over package.json and the probe', async () => {
    const run = await runPlan({ testCommand: ['make', 'check'] });
    expect(run.testCommand).toEqual(['make', 'check']);
    expect(run.log.argsOf('commands', 'run')).toEqual([]);
    expect(run.data.testCommand).toEqual(['make', 'check']);
  });

  it("records the language servers' type check when the run says nothing about compiling", async () => {
    const typescript = await runPlan();
    expect(typescript.output.plan.node('check')?.compile).toEqual({ kind: 'language-service' });
    expect(typescript.data.compile).toEqual({ kind: 'language-service' });
    const python = await runPlan({}, pythonLogic());
    expect(python.output.plan.node('check')?.compile).toEqual({ kind: 'language-service' });
  });

  it('records the same check for TypeScript without a tsconfig.json (the servers find the config)', async () => {
    const { 'tsconfig.json': _config, ...files } = RENAME_FILES;
    const run = await runPlan({ files });
    expect(run.output.plan.node('check')?.compile).toEqual({ kind: 'language-service' });
  });

  it('records --compile-command as a command with its argv, and runs nothing to plan it', async () => {
    const command = ['npx', 'tsc', '--noEmit', '-p', 'tsconfig.build.json'];
    const run = await runPlan({ compile: { kind: 'command', command } });
    expect(run.output.plan.node('check')?.compile).toEqual({ kind: 'command', command });
    expect(run.data.compile).toEqual({ kind: 'command', command });
    expect(run.log.argsOf('commands', 'run')).toEqual([]);
  });

  it('records no compile, with the reason, when --no-compile turns it off', async () => {
    const run = await runPlan({ compile: { kind: 'none' } });
    expect(run.output.plan.node('check')?.compile).toEqual({
      kind: 'none',
      reason: 'turned off with --no-compile',
    });
    const written = JSON.parse(run.written.get('plan.json') ?? '{}') as PlanJson;
    expect(written.dag.nodes.find((node) => node.id === 'check')?.compile).toEqual({
      kind: 'none',
      reason: 'turned off with --no-compile',
    });
  });

  it("puts LOGIC's edits and verify checks in the plan, and its title in the commit", async () => {
    const run = await runPlan();
    const edit = run.output.plan.data.dag.nodes.find((n) => n.id === 'edit:src/users.ts');
    expect(edit).toEqual({
      id: 'edit:src/users.ts',
      op: 'edit',
      file: 'src/users.ts',
      edits: [
        {
          start: [1, 17],
          end: [1, 24],
          oldText: 'getUser',
          newText: 'fetchUser',
          reason: 'declaration',
        },
      ],
    });
    expect(run.output.plan.node('check')?.verify).toEqual(renameLogicOutput().verify);
    expect(run.output.plan.node('commit')?.message).toMatch(/^Rename getUser to fetchUser\n\n/);
  });
});
