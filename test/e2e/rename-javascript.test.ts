import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExampleRepo, type ExampleRepo, runCli } from '../helpers/fixture-repo.js';

describe('run "rename function getUser to fetchUser" on the users-ts example', () => {
  let repo: ExampleRepo;
  let branch: string;
  let checkoutBefore: Record<string, string>;
  let code: number | null;
  let stderr: string;

  beforeAll(async () => {
    repo = await createExampleRepo({ example: 'users-ts' });
    checkoutBefore = await repo.checkoutSnapshot();
    const result = await runCli([
      'run',
      'rename function getUser to fetchUser',
      '--workspace',
      repo.dir,
      '--json',
    ]);
    code = result.code;
    stderr = result.stderr;
    branch = (JSON.parse(result.stdout) as { branch: string }).branch;
  }, 240_000);

  afterAll(() => repo?.cleanup());

  it('commits a test-green rename and leaves the checkout as it was', async () => {
    expect(code, stderr).toBe(0);
    expect(branch).toBe('mcp-orchestrator/rename-function-getuser-to-fetchuser');
    expect(await repo.checkoutSnapshot()).toEqual(checkoutBefore);
  });

  it('renames the declaration, the re-export, the aliased and namespace uses and the tests', async () => {
    const users = await repo.show(branch, 'src/users.js');
    expect(users).toContain('export function fetchUser(id) {');
    expect(users).toContain('return fetchUser(id).name;');
    expect(await repo.show(branch, 'src/index.js')).toBe(
      "export { fetchUser, getUserName } from './users.js';\nexport * as users from './users.js';\n",
    );
    const service = await repo.show(branch, 'src/service.js');
    expect(service).toContain("import { fetchUser as loadUser } from './users.js';");
    expect(service).toContain('users.fetchUser(id)');
    const test = await repo.show(branch, 'test/users.test.js');
    expect(test).toContain("import { fetchUser, users } from '../src/index.js';");
    expect(test).toContain("users.fetchUser(2).name, 'Grace'");
  });

  it('leaves the same-named method, the shadowing parameter, longer names, strings and comments alone', async () => {
    const users = await repo.show(branch, 'src/users.js');
    expect(users).toContain('(the docs call this getUser)');
    expect(users).toContain('`getUser: no user $' + '{id}`');
    expect(users).toContain('export function getUserName(id) {');
    const service = await repo.show(branch, 'src/service.js');
    expect(service).toContain('  getUser(id) {');
    expect(service).toContain('export function describe(getUser) {');
    expect(service).toContain('return typeof getUser;');
    expect(service).toContain('return `Hello, $' + '{loadUser(id).name}`;');
    const test = await repo.show(branch, 'test/users.test.js');
    expect(test).toContain("test('getUser finds a user by id'");
    expect(test).toContain('new UserCache().getUser(1)');
  });
});
