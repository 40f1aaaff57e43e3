import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_REPO_PY } from '../fixtures/transforms/add-parameter-e2e-repos.js';
import {
  type CliResult,
  createExampleRepo,
  type ExampleRepo,
  runCli,
} from '../helpers/fixture-repo.js';

describe('run "remove parameter memo from post_entry" on a Python ledger', () => {
  let repo: ExampleRepo;
  let checkoutBefore: Record<string, string>;
  let result: CliResult;
  let branch: string;

  beforeAll(async () => {
    repo = await createExampleRepo({ files: LEDGER_REPO_PY });
    checkoutBefore = await repo.checkoutSnapshot();
    result = await runCli([
      'run',
      'remove parameter memo from post_entry',
      '--workspace',
      repo.dir,
      '--json',
    ]);
    branch = (JSON.parse(result.stdout) as { branch: string }).branch;
  }, 240_000);

  afterAll(() => repo?.cleanup());

  it('commits a test-green change on a new branch and leaves the checkout as it was', async () => {
    expect(result.code, result.stderr).toBe(0);
    expect(branch).toBe('mcp-orchestrator/remove-parameter-memo-from-post-entry');
    expect(await repo.checkoutSnapshot()).toEqual(checkoutBefore);
  });

  it('removes the parameter and the argument from the positional and the keyword call; the test call passed none', async () => {
    expect(await repo.show(branch, 'ledger/core.py')).toContain(
      'def post_entry(ledger, debit, credit, amount):',
    );
    const reports = await repo.show(branch, 'ledger/reports.py');
    expect(reports).toContain('    post(ledger, "cash", "equity", amount)\n');
    expect(reports).toContain(
      'core.post_entry(ledger, debit="bank", credit="equity", amount=amount)\n',
    );
    expect(await repo.show(branch, 'tests/test_ledger.py')).toBe(
      LEDGER_REPO_PY['tests/test_ledger.py'],
    );
  });

  it('refuses a parameter the body uses with exit 2, naming the lines, and leaves the repo byte-identical', async () => {
    const snapshot = await repo.snapshot();
    const refused = await runCli([
      'run',
      'drop the amount argument of post_entry',
      '--workspace',
      repo.dir,
    ]);
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('TRANSFORM_REFUSED');
    expect(refused.stderr).toContain('ledger/core.py:12: ledger.post(debit, amount)');
    expect(refused.stderr).toContain('ledger/core.py:13: return ledger.post(credit, -amount)');
    expect(refused.stderr).toContain('no longer uses "amount"');
    expect(await repo.snapshot()).toEqual(snapshot);
  }, 240_000);
});
