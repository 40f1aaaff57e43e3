import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { IntentBase } from '../../../src/core/intent.js';
import { refuseBeforeServers } from '../../../src/orchestrator/early-refusals.js';
import { refuseUnmentionedSymbols } from '../../../src/orchestrator/refuse-unmentioned-symbols.js';
import {
  createFixtureRepo,
  createTempDir,
  type FixtureRepo,
} from '../../fixtures/git/create-fixture-repo.js';
import { useGitSandbox } from '../../fixtures/git/use-git-sandbox.js';

const sandbox = useGitSandbox();

const LEDGER = {
  'ledger/core.py': 'def post_entry(book, entry):\n    book.append(entry)\n',
  'ledger/report.py':
    'from ledger.core import post_entry\n\n\ndef post_all(book, rows):\n    pass\n',
  'NOTES.md': 'The entry_point is post_entry.\n',
};

async function ledger(): Promise<{ repo: FixtureRepo; head: string }> {
  const repo = await createFixtureRepo({ files: LEDGER });
  sandbox.track(repo.cleanup);
  return { repo, head: (await repo.git(['rev-parse', 'HEAD'])).trim() };
}

const rename = (from: string, extra: object = {}): IntentBase =>
  ({ kind: 'rename', from, to: 'renamed_name', ...extra }) as IntentBase;

describe('refuseUnmentionedSymbols', () => {
  it('refuses a name no tracked file mentions, with close names from those files', async () => {
    const { repo, head } = await ledger();
    await expect(
      refuseUnmentionedSymbols(repo.dir, head, rename('post_entri', { symbolKind: 'function' })),
    ).rejects.toMatchObject({
      code: 'SYMBOL_NOT_FOUND',
      message:
        'No function named "post_entri" is declared in this workspace. Did you mean "post_entry"?',
      data: { symbol: 'post_entri', suggestions: ['post_entry'] },
    });
  });

  it('lets a mentioned name through, declared or not: the declaration search decides', async () => {
    const { repo, head } = await ledger();
    await refuseUnmentionedSymbols(repo.dir, head, rename('post_entry'));
    await refuseUnmentionedSymbols(repo.dir, head, rename('entry_point'));
  });

  it('checks the function of a signature change and the symbol of a move', async () => {
    const { repo, head } = await ledger();
    await expect(
      refuseUnmentionedSymbols(repo.dir, head, {
        kind: 'remove_parameter',
        function: 'Ledger.post_entri',
        name: 'book',
      } as IntentBase),
    ).rejects.toMatchObject({ code: 'SYMBOL_NOT_FOUND', data: { symbol: 'post_entri' } });
    await expect(
      refuseUnmentionedSymbols(repo.dir, head, {
        kind: 'move',
        symbol: 'post_entries',
        to: 'ledger/posting.py',
      } as IntentBase),
    ).rejects.toMatchObject({ code: 'SYMBOL_NOT_FOUND', data: { symbol: 'post_entries' } });
  });

  it('leaves kinds that name no single symbol alone', async () => {
    const { repo, head } = await ledger();
    await refuseUnmentionedSymbols(repo.dir, head, {
      kind: 'remove_unused_imports',
    } as IntentBase);
  });
});

describe('refuseBeforeServers', () => {
  it('refuses an unmentioned name in a clean checkout', async () => {
    const { repo } = await ledger();
    await expect(
      refuseBeforeServers(rename('post_entri'), { workspace: repo.dir }),
    ).rejects.toMatchObject({ code: 'SYMBOL_NOT_FOUND' });
  });

  it('leaves the name to the run when the checkout is dirty or --allow-dirty is given', async () => {
    const { repo } = await ledger();
    await refuseBeforeServers(rename('post_entri'), { workspace: repo.dir, allowDirty: true });
    // The servers search the checkout, where the name may now be declared.
    await repo.write('ledger/new.py', 'def post_entri():\n    pass\n');
    await refuseBeforeServers(rename('post_entri'), { workspace: repo.dir });
  });

  it('leaves a folder that is not a git repository to the run, which says so', async () => {
    const dir = await createTempDir();
    sandbox.track(() => rm(dir, { recursive: true, force: true }));
    await refuseBeforeServers(rename('post_entri'), { workspace: dir });
  });

  it('refuses bad flags, an unwritable --out and a missing named path first, as the run would', async () => {
    const { repo } = await ledger();
    await expect(
      refuseBeforeServers(rename('post_entri'), { workspace: repo.dir, testCommand: ' ' }),
    ).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('--test-command'),
    });
    await expect(
      refuseBeforeServers(rename('post_entri'), {
        workspace: repo.dir,
        planOut: '/no/such/folder/plan.json',
      }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('--out') });
    await expect(
      refuseBeforeServers(rename('post_entri', { scope: 'ledgr/' }), { workspace: repo.dir }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', data: { path: 'ledgr/' } });
  });
});
