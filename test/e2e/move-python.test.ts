import { describe, expect, it } from 'vitest';
import { MOVE_LEDGER_FILES } from '../fixtures/transforms/move-python-fixture.js';
import {
  expectCommittedOnBranch,
  expectRefusedUntouched,
  useCommittedRun,
  useRefusedRun,
} from '../helpers/transform-e2e.js';

describe('run "move post_entry to ledger/posting.py" on a ledger package', () => {
  const run = useCommittedRun({ files: MOVE_LEDGER_FILES }, 'move post_entry to ledger/posting.py');

  it("succeeds through all seven phases, the repo's tests green, and commits on a new branch", async () => {
    await expectCommittedOnBranch(run, 'mcp-orchestrator/move-post-entry-to-ledger-posting-py');
  });

  it('moves the function and its private helpers into the module, and every importer follows', async () => {
    const show = (file: string) => run.repo.show(run.json.branch, file);
    const moved = await show('ledger/posting.py');
    expect(moved).toContain('from ledger.core import to_cents');
    expect(moved).toContain('__all__ = ["reverse", "post_entry"]');
    expect(moved).toMatch(
      /def _check\(amount\):[\s\S]*def post_entry\(book, debit, credit, amount\):/,
    );
    expect(moved).toContain('def reverse(amount):');
    const core = await show('ledger/core.py');
    expect(core).not.toMatch(/def (post_entry|_check|_positive)\b/);
    expect(core).toContain('__all__ = ["Ledger", "balance"]');
    expect(await show('ledger/__init__.py')).toContain(
      'from ledger.core import Ledger\nfrom ledger.posting import post_entry\n',
    );
    expect(await show('ledger/reports.py')).toContain(
      'posting.post_entry(book, "equity", account, amount)',
    );
    expect(await show('ledger/relative.py')).toContain('from .posting import post_entry');
    expect(await show('tests/test_ledger.py')).toContain(
      'from ledger.posting import post_entry as pe',
    );
  });
});

describe('a move that would bring an import cycle', () => {
  const refused = useRefusedRun(
    {
      files: {
        ...MOVE_LEDGER_FILES,
        'ledger/core.py': `${MOVE_LEDGER_FILES['ledger/core.py']}\n\ndef transfer(book, amount):\n    return post_entry(book, "a", "b", amount)\n`,
      },
    },
    'move post_entry to ledger/posting.py',
  );

  it('is refused in LOGIC with exit 2, naming the cycle, and leaves the repo byte-identical', () => {
    expectRefusedUntouched(
      refused,
      'Moving post_entry from ledger/core.py to ledger/posting.py would create an import cycle: ledger/core.py → ledger/posting.py → ledger/core.py.',
    );
  });
});
