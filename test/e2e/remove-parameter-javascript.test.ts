import { describe, expect, it } from 'vitest';
import { USERS_REPO_JS } from '../fixtures/transforms/add-parameter-e2e-repos.js';
import {
  expectCommittedOnBranch,
  expectRefusedUntouched,
  refuseOn,
  useCommittedRun,
} from '../helpers/transform-e2e.js';

describe('run "remove parameter verbose from getUser" on a JavaScript user directory', () => {
  const run = useCommittedRun({ files: USERS_REPO_JS }, 'remove parameter verbose from getUser');

  it('commits a test-green change on a new branch and leaves the checkout as it was', async () => {
    await expectCommittedOnBranch(run, 'mcp-orchestrator/remove-parameter-verbose-from-getuser');
  });

  it('removes the parameter and the argument of the call that passed it; the others passed none', async () => {
    const show = (file: string) => run.repo.show(run.json.branch, file);
    const users = await show('src/users.js');
    expect(users).toContain('export function getUser(id) {');
    expect(users).toContain('getUser(id).name');
    expect(await show('src/service.js')).toBe(USERS_REPO_JS['src/service.js']);
    expect(await show('test/users.test.js')).toBe(USERS_REPO_JS['test/users.test.js']);
  });

  it('refuses a parameter the body uses with exit 2, naming the line, and leaves the repo byte-identical', async () => {
    expectRefusedUntouched(
      await refuseOn(run.repo, 'remove parameter id from getUser'),
      'TRANSFORM_REFUSED',
      'src/users.js:7: return USERS.get(id);',
    );
  }, 240_000);
});
