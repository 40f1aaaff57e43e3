import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RepoSnapshot } from '../fixtures/git/snapshot-repo.js';
import { LEDGER_REPO_PY } from '../fixtures/transforms/add-parameter-e2e-repos.js';
import {
  type CliResult,
  createExampleRepo,
  type ExampleRepo,
  runCli,
} from '../helpers/fixture-repo.js';

interface RunJson {
  success: boolean;
  branch: string;
  commit: string;
  phases: Array<{ phase: string; success: boolean }>;
}

describe('run "add parameter currency to post_entry and pass "USD"" on a Python ledger', () => {
  let repo: ExampleRepo;
  let before: RepoSnapshot;
  let checkoutBefore: Record<string, string>;
  let result: CliResult;
  let json: RunJson;

  beforeAll(async () => {
    repo = await createExampleRepo({ files: LEDGER_REPO_PY });
    before = await repo.snapshot();
    checkoutBefore = await repo.checkoutSnapshot();
    result = await runCli([
      'run',
      'add parameter currency to post_entry and pass "USD"',
      '--workspace',
      repo.dir,
      '--json',
    ]);
    json = JSON.parse(result.stdout) as RunJson;
  }, 240_000);

  afterAll(() => repo?.cleanup());

  it('succeeds through all seven phases, tests green, on a new branch', () => {
    expect(result.code, result.stderr).toBe(0);
    expect(json.success).toBe(true);
    expect(json.phases.map((p) => p.phase)).toEqual([
      'map',
      'logic',
      'monte_carlo',
      'plan',
      'optimize',
      'execute',
      'review',
    ]);
    expect(json.branch).toBe('mcp-orchestrator/add-parameter-currency-to-post-entry-and-pass-usd');
  });

  it('adds the parameter before the defaulted one and the value at every call, by position or keyword as each call is', async () => {
    expect(await repo.show(json.branch, 'ledger/core.py')).toContain(
      'def post_entry(ledger, debit, credit, amount, currency, memo=""):',
    );
    const reports = await repo.show(json.branch, 'ledger/reports.py');
    expect(reports).toContain('    post(ledger, "cash", "equity", amount, "USD", "opening")\n');
    expect(reports).toContain(
      'core.post_entry(ledger, debit="bank", credit="equity", amount=amount, memo="bank", currency="USD")',
    );
    expect(await repo.show(json.branch, 'tests/test_ledger.py')).toContain(
      'post_entry(ledger, "cash", "bank", 5, "USD")',
    );
    expect(await repo.show(json.branch, 'ledger/__init__.py')).toBe(
      LEDGER_REPO_PY['ledger/__init__.py'],
    );
  });

  it('leaves the checkout as it was', async () => {
    expect(await repo.checkoutSnapshot()).toEqual(checkoutBefore);
    expect((await repo.snapshot()).worktrees).toBe(before.worktrees);
  });

  it('refuses a name the function has already with exit 2, naming the line, and leaves the repo byte-identical', async () => {
    const snapshot = await repo.snapshot();
    const refused = await runCli([
      'run',
      'add parameter memo="x" to post_entry',
      '--workspace',
      repo.dir,
    ]);
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('NAME_COLLISION');
    expect(refused.stderr).toContain(
      'ledger/core.py:10: def post_entry(ledger, debit, credit, amount, memo=""):',
    );
    expect(refused.stderr).toContain('post_entry already has a parameter "memo"');
    expect(await repo.snapshot()).toEqual(snapshot);
  }, 240_000);
});
