import { describe, expect, it } from 'vitest';
import { PAYROLL_PY } from '../fixtures/transforms/replace-calls-repos.js';
import {
  expectCommittedOnBranch,
  expectRefusedUntouched,
  useCommittedRun,
} from '../helpers/transform-e2e.js';

describe('run "replace calls to pay with net_pay" on a Python payroll', () => {
  const run = useCommittedRun({ files: PAYROLL_PY }, 'replace calls to pay with net_pay', {
    refuseFirst: 'replace calls to pay with payslip',
    timeoutMs: 300_000,
  });
  const show = (file: string) => run.repo.show(run.json.branch, file);

  it('refuses a function whose parameters the calls do not fit, listing them, and leaves the repository byte-identical', () => {
    expectRefusedUntouched(
      run.refusal,
      'TRANSFORM_REFUSED',
      'payroll/run.py:6: return [compute(s, tax=0.25) for s in salaries]',
      'payslip(name, salary) has no parameter named "tax"',
      'payslip: payslip(name, salary)',
    );
  });

  it('succeeds through all seven phases with the repository tests passing on the branch', async () => {
    await expectCommittedOnBranch(run, 'mcp-orchestrator/replace-calls-to-pay-with-net-pay');
  });

  it('replaces calls by name, through an alias, through the module and through the re-export', async () => {
    expect(await show('payroll/core.py')).toContain('return name + ": " + str(net_pay(salary))');
    const runner = await show('payroll/run.py');
    expect(runner).toContain('return [core.net_pay(s, tax=0.25) for s in salaries]');
    expect(runner).toContain('return core.net_pay(amount, 0.5)');
    const tests = await show('tests/test_payroll.py');
    expect(tests).toContain('self.assertEqual(net_pay(100), 80.0)');
    expect(tests).toContain('from payroll.core import payslip, net_pay\n');
    expect(tests).not.toContain('from payroll import pay\n');
  });

  it('leaves the function passed as a value, its import and the package re-export alone', async () => {
    const runner = await show('payroll/run.py');
    expect(runner).toContain('from payroll.core import pay as compute\n');
    expect(runner).toContain('FORMULAS = {"default": compute}');
    expect(await show('payroll/__init__.py')).toBe(PAYROLL_PY['payroll/__init__.py']);
    expect(await show('payroll/core.py')).toContain('def pay(salary, tax=0.2):');
  });
});
