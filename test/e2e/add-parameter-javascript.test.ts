import { describe, expect, it } from 'vitest';
import { USERS_REPO_JS } from '../fixtures/transforms/add-parameter-e2e-repos.js';
import {
  expectCommittedOnBranch,
  expectRefusedUntouched,
  refuseOn,
  useCommittedRun,
} from '../helpers/transform-e2e.js';

describe('run "add parameter retries to getUser and pass 3" on a JavaScript user directory', () => {
  const run = useCommittedRun(
    { files: USERS_REPO_JS },
    'add parameter `retries` to `getUser` and pass 3',
  );

  it('commits a test-green change on a new branch and leaves the checkout as it was', async () => {
    await expectCommittedOnBranch(
      run,
      'mcp-orchestrator/add-parameter-retries-to-getuser-and-pass-3',
    );
  });

  it('adds it before the defaulted parameter and passes 3 at every call: shifted, aliased, re-exported, tested', async () => {
    const show = (file: string) => run.repo.show(run.json.branch, file);
    const users = await show('src/users.js');
    expect(users).toContain('export function getUser(id, retries, verbose = false) {');
    expect(users).toContain('getUser(id, 3, true).name');
    expect(await show('src/service.js')).toContain('return loadUser(id, 3).name;');
    expect(await show('src/index.js')).toBe(USERS_REPO_JS['src/index.js']);
    expect(await show('test/users.test.js')).toContain(
      "assert.equal(getUser(2, 3).name, 'Grace');",
    );
  });

  it('refuses a name that is a parameter already with exit 2, naming the line, and leaves the repo byte-identical', async () => {
    expectRefusedUntouched(
      await refuseOn(run.repo, 'add parameter id = 0 to getUser'),
      'NAME_COLLISION',
      'src/users.js:6: export function getUser(id, verbose = false) {',
    );
  }, 240_000);
});
