import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDependencyGraphServer } from '../../../src/servers/dependency-graph/create-dependency-graph-server.js';
import { connectInMemory, type InMemoryClient } from './connect-in-memory.js';

describe('dependency_graph never answers with, or writes to, files outside the workspace', () => {
  let outside: string;
  let root: string;
  let client: InMemoryClient;
  let close: () => Promise<void>;

  beforeAll(async () => {
    outside = await realpath(await mkdtemp(path.join(tmpdir(), 'dg-outside-')));
    root = await realpath(await mkdtemp(path.join(tmpdir(), 'dg-root-')));
    await writeFile(path.join(outside, 'secret.ts'), 'export function getUser() { return 1; }\n');
    await mkdir(path.join(root, 'src'));
    await writeFile(
      path.join(root, 'src/users.ts'),
      'export function getUser(): number {\n  return 2;\n}\n',
    );
    await writeFile(
      path.join(root, 'src/app.ts'),
      "import { getUser } from './users';\nimport { getUser as other } from './linked';\nexport const total = getUser() + other();\n",
    );
    await symlink(path.join(outside, 'secret.ts'), path.join(root, 'src/linked.ts'));
    const server = createDependencyGraphServer({ root });
    client = await connectInMemory(server.server);
    close = () => server.close();
  });

  afterAll(async () => {
    await client?.client.close();
    await close?.();
    await rm(root, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it('refuses a position in a file linked from outside, and in .git', async () => {
    const linked = await client.callError('find_references', {
      file: 'src/linked.ts',
      line: 1,
      column: 17,
    });
    expect(linked.code).toBe('PATH_OUTSIDE_WORKSPACE');
    const git = await client.callError('find_references', {
      file: '.git/config',
      line: 1,
      column: 1,
    });
    expect(git.code).toBe('UNSAFE_PATH');
  });

  it('lists no declaration from the linked file', async () => {
    const result = await client.call('find_definitions', { name: 'getUser' });
    const files = (result.definitions as Array<{ file: string }>).map((d) => d.file);
    expect(files).toEqual(['src/users.ts']);
  });

  it('refuses compute_edits aimed at the linked file', async () => {
    const error = await client.callError('compute_edits', {
      transform: 'rename',
      file: 'src/linked.ts',
      line: 1,
      column: 17,
      args: { newName: 'readUser' },
    });
    expect(error.code).toBe('PATH_OUTSIDE_WORKSPACE');
  });

  it('renames in the workspace without an edit in the linked file', async () => {
    const result = await client.call('compute_edits', {
      transform: 'rename',
      file: 'src/users.ts',
      line: 1,
      column: 17,
      args: { newName: 'readUser' },
    });
    const files = (result.changes as Array<{ file: string }>).map((c) => c.file);
    expect(files).toEqual(['src/app.ts', 'src/users.ts']);
  });
});
