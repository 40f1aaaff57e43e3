import { rename } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../src/core/errors.js';
import { commitMentionsWord, matchedTextsAt } from '../../../src/vcs/grep-commit.js';
import { createFixtureRepo, type FixtureRepo } from '../../fixtures/git/create-fixture-repo.js';
import { useGitSandbox } from '../../fixtures/git/use-git-sandbox.js';

const sandbox = useGitSandbox();

async function fixture(files: Record<string, string>): Promise<FixtureRepo> {
  const repo = await createFixtureRepo({ files });
  sandbox.track(repo.cleanup);
  return repo;
}

describe('commitMentionsWord', () => {
  it('finds a whole word in any file tracked at the revision, not in the working tree', async () => {
    const repo = await fixture({
      'ledger/core.py': 'def post_entry(book):\n    return book\n',
      'node_modules/pkg/index.js': 'export const vendored_name = 1;\n',
      'data/blob.bin': 'binary\u0000 packed_name \u0000',
    });
    const head = (await repo.git(['rev-parse', 'HEAD'])).trim();
    expect(await commitMentionsWord(repo.dir, head, 'post_entry')).toBe(true);
    // Whole words only: part of a longer name is no mention.
    expect(await commitMentionsWord(repo.dir, head, 'post_entr')).toBe(false);
    expect(await commitMentionsWord(repo.dir, head, 'post')).toBe(false); // `_` is a word character
    expect(await commitMentionsWord(repo.dir, head, 'book')).toBe(true);
    // Every tracked file counts, vendored and binary ones too.
    expect(await commitMentionsWord(repo.dir, head, 'vendored_name')).toBe(true);
    expect(await commitMentionsWord(repo.dir, head, 'packed_name')).toBe(true);
    // The revision is read, not the checkout.
    await repo.write('ledger/core.py', 'def only_in_checkout():\n    pass\n');
    expect(await commitMentionsWord(repo.dir, head, 'only_in_checkout')).toBe(false);
    expect(await commitMentionsWord(repo.dir, head, 'post_entry')).toBe(true);
    // Case counts, as it does for the declaration search.
    expect(await commitMentionsWord(repo.dir, head, 'Post_Entry')).toBe(false);
  });

  it('answers again from memory for a full commit name, never for a name that can move', async () => {
    const repo = await fixture({ 'ledger/core.py': 'def post_entry(book):\n    return book\n' });
    const head = (await repo.git(['rev-parse', 'HEAD'])).trim();
    expect(await commitMentionsWord(repo.dir, head, 'post_entry')).toBe(true);
    expect(await commitMentionsWord(repo.dir, head, 'no_such_name')).toBe(false);
    expect(await commitMentionsWord(repo.dir, 'HEAD', 'post_entry')).toBe(true);
    // Without its .git no grep can run: the commit's answers come from memory, HEAD's cannot.
    await rename(path.join(repo.dir, '.git'), path.join(repo.dir, '.git-away'));
    try {
      expect(await commitMentionsWord(repo.dir, head, 'post_entry')).toBe(true);
      expect(await commitMentionsWord(repo.dir, head, 'no_such_name')).toBe(false);
      const error = await commitMentionsWord(repo.dir, 'HEAD', 'post_entry').catch(
        (e: unknown) => e,
      );
      expect(isOrchestratorError(error, 'GIT_FAILED')).toBe(true);
    } finally {
      await rename(path.join(repo.dir, '.git-away'), path.join(repo.dir, '.git'));
    }
  });

  it('says which revision git could not read', async () => {
    const repo = await fixture({ 'a.py': 'x = 1\n' });
    const error = await commitMentionsWord(repo.dir, 'no-such-revision', 'x').catch(
      (e: unknown) => e,
    );
    expect(isOrchestratorError(error, 'GIT_FAILED')).toBe(true);
    expect((error as Error).message).toContain('no-such-revision');
  });
});

describe('matchedTextsAt', () => {
  it('lists the matched texts alone, case-blind on request, outside node_modules and binaries', async () => {
    const repo = await fixture({
      'ledger/core.py': 'def post_entry(book):\n    return Post_Entries(book)\n',
      'ledger/notes.md': 'post_entry, again\n',
      'node_modules/pkg/index.js': 'export const post_vendored = 1;\n',
      'data/blob.bin': 'binary\u0000 post_packed \u0000',
    });
    const head = (await repo.git(['rev-parse', 'HEAD'])).trim();
    const pattern = 'post_[a-z_]+';
    expect(await matchedTextsAt(repo.dir, head, pattern)).toEqual(['post_entry', 'post_entry']);
    expect(await matchedTextsAt(repo.dir, head, pattern, { ignoreCase: true })).toEqual([
      'post_entry',
      'Post_Entries',
      'post_entry',
    ]);
    expect(await matchedTextsAt(repo.dir, head, 'nothing_like_it')).toEqual([]);
    // At most so many matching lines of each file.
    expect(
      await matchedTextsAt(repo.dir, head, pattern, { ignoreCase: true, maxLinesPerFile: 1 }),
    ).toEqual(['post_entry', 'post_entry']);
  });
});
