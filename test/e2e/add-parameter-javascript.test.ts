import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS_REPO_JS } from '../fixtures/transforms/add-parameter-e2e-repos.js';
import {
  type CliResult,
  createExampleRepo,
  type ExampleRepo,
  runCli,
} from '../helpers/fixture-repo.js';

describe('run "add parameter retries to getUser and pass 3" on a JavaScript user directory', () => {
  let repo: ExampleRepo;
  let checkoutBefore: Record<string, string>;
  let result: CliResult;
  let branch: string;

  beforeAll(async () => {
    repo = await createExampleRepo({ files: USERS_REPO_JS });
    checkoutBefore = await repo.checkoutSnapshot();
    result = await runCli([
      'run',
      'add parameter `retries` to `getUser` and pass 3',
      '--workspace',
      repo.dir,
      '--json',
    ]);
    branch = (JSON.parse(result.stdout) as { branch: string }).branch;
  }, 240_000);

  afterAll(() => repo?.cleanup());

  it('commits a test-green change on a new branch and leaves the checkout as it was', async () => {
    expect(result.code, result.stderr).toBe(0);
    expect(branch).toMatch(/^mcp-orchestrator\/add-parameter-retries-to-getuser/);
    expect(await repo.checkoutSnapshot()).toEqual(checkoutBefore);
  });

  it('adds it before the defaulted parameter and passes 3 at every call: shifted, aliased, re-exported, tested', async () => {
    const users = await repo.show(branch, 'src/users.js');
    expect(users).toContain('export function getUser(id, retries, verbose = false) {');
    expect(users).toContain('getUser(id, 3, true).name');
    expect(await repo.show(branch, 'src/service.js')).toContain('return loadUser(id, 3).name;');
    expect(await repo.show(branch, 'src/index.js')).toBe(USERS_REPO_JS['src/index.js']);
    expect(await repo.show(branch, 'test/users.test.js')).toContain(
      "assert.equal(getUser(2, 3).name, 'Grace');",
    );
  });

  it('refuses a name that is a parameter already with exit 2, naming the line, and leaves the repo byte-identical', async () => {
    const snapshot = await repo.snapshot();
    const refused = await runCli([
      'run',
      'add parameter id = 0 to getUser',
      '--workspace',
      repo.dir,
    ]);
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('NAME_COLLISION');
    expect(refused.stderr).toContain(
      'src/users.js:6: export function getUser(id, verbose = false) {',
    );
    expect(await repo.snapshot()).toEqual(snapshot);
  }, 240_000);
});
