import { describe, expect, it } from 'vitest';
import { LEDGER_REPO_PY } from '../fixtures/transforms/add-parameter-e2e-repos.js';
import {
  expectCommittedOnBranch,
  expectRefusedUntouched,
  refuseOn,
  useCommittedRun,
} from '../helpers/transform-e2e.js';

describe('run "add parameter currency to post_entry and pass "USD"" on a Python ledger', () => {
  const run = useCommittedRun(
    { files: LEDGER_REPO_PY },
    'add parameter currency to post_entry and pass "USD"',
  );

  it('succeeds through all seven phases, tests green, on a new branch; the checkout untouched', async () => {
    await expectCommittedOnBranch(
      run,
      'mcp-orchestrator/add-parameter-currency-to-post-entry-and-pass-usd',
    );
  });

  it('adds the parameter before the defaulted one and the value at every call, by position or keyword as each call is', async () => {
    expect(await run.repo.show(run.json.branch, 'ledger/core.py')).toContain(
      'def post_entry(ledger, debit, credit, amount, currency, memo=""):',
    );
    const reports = await run.repo.show(run.json.branch, 'ledger/reports.py');
    expect(reports).toContain('    post(ledger, "cash", "equity", amount, "USD", "opening")\n');
    expect(reports).toContain(
      'core.post_entry(ledger, debit="bank", credit="equity", amount=amount, memo="bank", currency="USD")',
    );
    expect(await run.repo.show(run.json.branch, 'tests/test_ledger.py')).toContain(
      'post_entry(ledger, "cash", "bank", 5, "USD")',
    );
    expect(await run.repo.show(run.json.branch, 'ledger/__init__.py')).toBe(
      LEDGER_REPO_PY['ledger/__init__.py'],
    );
  });

  it('refuses a name the function has already with exit 2, naming the line, and leaves the repo byte-identical', async () => {
    const refused = await refuseOn(run.repo, 'add parameter memo="x" to post_entry');
    expectRefusedUntouched(
      refused,
      'NAME_COLLISION',
      'ledger/core.py:10: def post_entry(ledger, debit, credit, amount, memo=""):',
      'post_entry already has a parameter "memo"',
    );
  }, 240_000);
});
