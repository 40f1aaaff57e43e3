import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS_REPO_JS } from '../fixtures/transforms/add-parameter-e2e-repos.js';
import {
  type CliResult,
  createExampleRepo,
  type ExampleRepo,
  runCli,
} from '../helpers/fixture-repo.js';

describe('run "remove parameter verbose from getUser" on a JavaScript user directory', () => {
  let repo: ExampleRepo;
  let checkoutBefore: Record<string, string>;
  let result: CliResult;
  let branch: string;

  beforeAll(async () => {
    repo = await createExampleRepo({ files: USERS_REPO_JS });
    checkoutBefore = await repo.checkoutSnapshot();
    result = await runCli([
      'run',
      'remove parameter verbose from getUser',
      '--workspace',
      repo.dir,
      '--json',
    ]);
    branch = (JSON.parse(result.stdout) as { branch: string }).branch;
  }, 240_000);

  afterAll(() => repo?.cleanup());

  it('commits a test-green change on a new branch and leaves the checkout as it was', async () => {
    expect(result.code, result.stderr).toBe(0);
    expect(branch).toBe('mcp-orchestrator/remove-parameter-verbose-from-getuser');
    expect(await repo.checkoutSnapshot()).toEqual(checkoutBefore);
  });

  it('removes the parameter and the argument of the call that passed it; the others passed none', async () => {
    const users = await repo.show(branch, 'src/users.js');
    expect(users).toContain('export function getUser(id) {');
    expect(users).toContain('getUser(id).name');
    expect(await repo.show(branch, 'src/service.js')).toBe(USERS_REPO_JS['src/service.js']);
    expect(await repo.show(branch, 'test/users.test.js')).toBe(USERS_REPO_JS['test/users.test.js']);
  });

  it('refuses a parameter the body uses with exit 2, naming the line, and leaves the repo byte-identical', async () => {
    const snapshot = await repo.snapshot();
    const refused = await runCli([
      'run',
      'remove parameter id from getUser',
      '--workspace',
      repo.dir,
    ]);
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('TRANSFORM_REFUSED');
    expect(refused.stderr).toContain('src/users.js:7: return USERS.get(id);');
    expect(await repo.snapshot()).toEqual(snapshot);
  }, 240_000);
});
