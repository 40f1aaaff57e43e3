import { describe, expect, it } from 'vitest';
import { LEDGER_REPO_PY } from '../fixtures/transforms/add-parameter-e2e-repos.js';
import {
  expectCommittedOnBranch,
  expectRefusedUntouched,
  refuseOn,
  useCommittedRun,
} from '../helpers/transform-e2e.js';

describe('run "remove parameter memo from post_entry" on a Python ledger', () => {
  const run = useCommittedRun({ files: LEDGER_REPO_PY }, 'remove parameter memo from post_entry');

  it('commits a test-green change on a new branch and leaves the checkout as it was', async () => {
    await expectCommittedOnBranch(run, 'mcp-orchestrator/remove-parameter-memo-from-post-entry');
  });

  it('removes the parameter and the argument from the positional and the keyword call; the test call passed none', async () => {
    const show = (file: string) => run.repo.show(run.json.branch, file);
    expect(await show('ledger/core.py')).toContain(
      'def post_entry(ledger, debit, credit, amount):',
    );
    const reports = await show('ledger/reports.py');
    expect(reports).toContain('    post(ledger, "cash", "equity", amount)\n');
    expect(reports).toContain(
      'core.post_entry(ledger, debit="bank", credit="equity", amount=amount)\n',
    );
    expect(await show('tests/test_ledger.py')).toBe(LEDGER_REPO_PY['tests/test_ledger.py']);
  });

  it('refuses a parameter the body uses with exit 2, naming the lines, and leaves the repo byte-identical', async () => {
    expectRefusedUntouched(
      await refuseOn(run.repo, 'drop the amount argument of post_entry'),
      'TRANSFORM_REFUSED',
      'ledger/core.py:12: ledger.post(debit, amount)',
      'ledger/core.py:13: return ledger.post(credit, -amount)',
      'no longer uses "amount"',
    );
  }, 240_000);
});
