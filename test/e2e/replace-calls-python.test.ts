import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RepoSnapshot } from '../fixtures/git/snapshot-repo.js';
import { PAYROLL_PY } from '../fixtures/transforms/replace-calls-repos.js';
import {
  type CliResult,
  createExampleRepo,
  type ExampleRepo,
  runCli,
} from '../helpers/fixture-repo.js';

interface RunJson {
  success: boolean;
  branch: string;
  phases: Array<{ phase: string; success: boolean; data: { test?: { passed: boolean } } }>;
}

describe('run "replace calls to pay with net_pay" on a Python payroll', () => {
  let repo: ExampleRepo;
  let beforeRefusal: RepoSnapshot;
  let refusal: CliResult;
  let afterRefusal: RepoSnapshot;
  let checkoutBefore: Record<string, string>;
  let result: CliResult;
  let json: RunJson;

  beforeAll(async () => {
    repo = await createExampleRepo({ files: PAYROLL_PY });
    beforeRefusal = await repo.snapshot();
    refusal = await runCli(['run', 'replace calls to pay with payslip', '--workspace', repo.dir]);
    afterRefusal = await repo.snapshot();
    checkoutBefore = await repo.checkoutSnapshot();
    result = await runCli([
      'run',
      'replace calls to pay with net_pay',
      '--workspace',
      repo.dir,
      '--json',
    ]);
    json = JSON.parse(result.stdout) as RunJson;
  }, 300_000);

  afterAll(() => repo?.cleanup());

  it('refuses a function whose parameters the calls do not fit, listing them, and leaves the repository byte-identical', () => {
    expect(refusal.code, refusal.stderr).toBe(2);
    expect(refusal.stderr).toContain('TRANSFORM_REFUSED');
    expect(refusal.stderr).toContain(
      'payroll/run.py:6: return [compute(s, tax=0.25) for s in salaries]',
    );
    expect(refusal.stderr).toContain('payslip(name, salary) has no parameter named "tax"');
    expect(refusal.stderr).toContain('payslip: payslip(name, salary)');
    expect(afterRefusal).toEqual(beforeRefusal);
  });

  it('succeeds through all seven phases with the repository tests passing on the branch', async () => {
    expect(result.code, result.stderr).toBe(0);
    expect(json.phases.map((p) => p.phase)).toEqual([
      'map',
      'logic',
      'monte_carlo',
      'plan',
      'optimize',
      'execute',
      'review',
    ]);
    expect(json.phases.find((p) => p.phase === 'execute')?.data.test?.passed).toBe(true);
    expect(json.branch).toBe('mcp-orchestrator/replace-calls-to-pay-with-net-pay');
    expect(await repo.checkoutSnapshot()).toEqual(checkoutBefore);
  });

  it('replaces calls by name, through an alias, through the module and through the re-export', async () => {
    expect(await repo.show(json.branch, 'payroll/core.py')).toContain(
      'return name + ": " + str(net_pay(salary))',
    );
    const run = await repo.show(json.branch, 'payroll/run.py');
    expect(run).toContain('return [core.net_pay(s, tax=0.25) for s in salaries]');
    expect(run).toContain('return core.net_pay(amount, 0.5)');
    const tests = await repo.show(json.branch, 'tests/test_payroll.py');
    expect(tests).toContain('self.assertEqual(net_pay(100), 80.0)');
    expect(tests).toContain('from payroll.core import payslip, net_pay\n');
    expect(tests).not.toContain('from payroll import pay\n');
  });

  it('leaves the function passed as a value, its import and the package re-export alone', async () => {
    const run = await repo.show(json.branch, 'payroll/run.py');
    expect(run).toContain('from payroll.core import pay as compute\n');
    expect(run).toContain('FORMULAS = {"default": compute}');
    expect(await repo.show(json.branch, 'payroll/__init__.py')).toBe(
      PAYROLL_PY['payroll/__init__.py'],
    );
    expect(await repo.show(json.branch, 'payroll/core.py')).toContain('def pay(salary, tax=0.2):');
  });
});
