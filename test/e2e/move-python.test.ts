import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RepoSnapshot } from '../fixtures/git/snapshot-repo.js';
import { MOVE_LEDGER_FILES } from '../fixtures/transforms/move-python-fixture.js';
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

describe('run "move post_entry to ledger/posting.py" on a ledger package', () => {
  let repo: ExampleRepo;
  let checkoutBefore: Record<string, string>;
  let result: CliResult;
  let json: RunJson;

  beforeAll(async () => {
    repo = await createExampleRepo({ files: MOVE_LEDGER_FILES });
    checkoutBefore = await repo.checkoutSnapshot();
    result = await runCli([
      'run',
      'move post_entry to ledger/posting.py',
      '--workspace',
      repo.dir,
      '--json',
    ]);
    json = JSON.parse(result.stdout) as RunJson;
  }, 240_000);

  afterAll(() => repo?.cleanup());

  it("succeeds through all seven phases, the repo's tests green, and commits on a new branch", async () => {
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
    expect(json.branch).toBe('mcp-orchestrator/move-post-entry-to-ledger-posting-py');
    expect((await repo.git(['rev-parse', json.branch])).trim()).toBe(json.commit);
    expect(await repo.checkoutSnapshot()).toEqual(checkoutBefore);
  });

  it('moves the function and its private helpers into the module, and every importer follows', async () => {
    const moved = await repo.show(json.branch, 'ledger/posting.py');
    expect(moved).toContain('from ledger.core import to_cents');
    expect(moved).toContain('__all__ = ["reverse", "post_entry"]');
    expect(moved).toMatch(
      /def _check\(amount\):[\s\S]*def post_entry\(book, debit, credit, amount\):/,
    );
    expect(moved).toContain('def reverse(amount):');
    const core = await repo.show(json.branch, 'ledger/core.py');
    expect(core).not.toMatch(/def (post_entry|_check|_positive)\b/);
    expect(core).toContain('__all__ = ["Ledger", "balance"]');
    expect(await repo.show(json.branch, 'ledger/__init__.py')).toContain(
      'from ledger.core import Ledger\nfrom ledger.posting import post_entry\n',
    );
    expect(await repo.show(json.branch, 'ledger/reports.py')).toContain(
      'posting.post_entry(book, "equity", account, amount)',
    );
    expect(await repo.show(json.branch, 'ledger/relative.py')).toContain(
      'from .posting import post_entry',
    );
    expect(await repo.show(json.branch, 'tests/test_ledger.py')).toContain(
      'from ledger.posting import post_entry as pe',
    );
  });
});

describe('a move that would bring an import cycle', () => {
  let repo: ExampleRepo;
  let before: RepoSnapshot;
  let result: CliResult;

  beforeAll(async () => {
    repo = await createExampleRepo({
      files: {
        ...MOVE_LEDGER_FILES,
        'ledger/core.py': `${MOVE_LEDGER_FILES['ledger/core.py']}\n\ndef transfer(book, amount):\n    return post_entry(book, "a", "b", amount)\n`,
      },
    });
    before = await repo.snapshot();
    result = await runCli(['run', 'move post_entry to ledger/posting.py', '--workspace', repo.dir]);
  }, 240_000);

  afterAll(() => repo?.cleanup());

  it('is refused in LOGIC with exit 2, naming the cycle, and leaves the repo byte-identical', async () => {
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(
      'Moving post_entry from ledger/core.py to ledger/posting.py would create an import cycle: ledger/core.py → ledger/posting.py → ledger/core.py.',
    );
    expect(await repo.snapshot()).toEqual(before);
  });
});
