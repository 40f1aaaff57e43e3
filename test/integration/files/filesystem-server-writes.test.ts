import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspaceFiles } from '../../../src/files/index.js';
import { type ClientPool, createClientPool } from '../../../src/mcp/client-pool.js';
import { createDefaultServers } from '../../../src/mcp/default-servers.js';
import type { McpServerConfig } from '../../../src/mcp/mcp-config-schema.js';
import {
  countServerCalls,
  type ServerCallCounter,
} from '../../../src/orchestrator/count-server-calls.js';
import { createFilesystemWriter } from '../../../src/orchestrator/filesystem-writer.js';
import { fixtureServer } from '../../fixtures/mcp-servers/fixture-servers.js';
import {
  createWorkspaceFixture,
  lineEdit,
  refusalOf,
  type WorkspaceFixture,
} from './workspace-fixture.js';

const git = promisify(execFile);
const LATIN_1 = Buffer.concat([
  Buffer.from('# -*- coding: latin-1 -*-\nname = "caf'),
  Buffer.from([0xe9]),
  Buffer.from('"\ndef old(): pass\n'),
]);

/** A checkout with a commit, and a git worktree of it under .mcp-orchestrator/ as a run makes. */
async function createRepoWithWorktree(): Promise<{ fixture: WorkspaceFixture; worktree: string }> {
  const fixture = await createWorkspaceFixture({
    'src/users.ts': 'getUser();\ngetUser();\nexport function getUser() {}\n',
    'src/moved.ts': 'export const moved = 1;\n',
    'crlf.txt': 'one\r\ntwo\r\n',
    'latin.py': LATIN_1,
    'gone.txt': 'bye\n',
    'again.ts': 'x\n',
  });
  await fixture.write('outside.ts', 'never written\n');
  const run = (args: string[]) => git('git', args, { cwd: fixture.root });
  await run(['init', '-q', '-b', 'main']);
  await run(['add', '.']);
  await run(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'base']);
  const worktree = path.join(fixture.root, '.mcp-orchestrator', 'worktrees', 'run');
  await run(['worktree', 'add', '-q', '-b', 'run', worktree]);
  return { fixture, worktree };
}

function createPool(root: string, filesystem: McpServerConfig): ClientPool {
  return createClientPool({
    workspace: root,
    servers: { filesystem },
    rootsFor: ['filesystem'],
    parallelism: 4,
  });
}

describe('EXECUTE writes through the official filesystem server, rooted at the worktree', () => {
  let fixture: WorkspaceFixture;
  let worktree: string;
  let pool: ClientPool;
  let counter: ServerCallCounter;

  beforeAll(async () => {
    ({ fixture, worktree } = await createRepoWithWorktree());
    const builtIn = createDefaultServers(fixture.root).filesystem as McpServerConfig;
    pool = createPool(fixture.root, builtIn);
    counter = countServerCalls(pool);
    counter.setStage('execute');
  });
  afterAll(async () => {
    await pool?.close();
    await fixture?.cleanup();
  });

  const filesOf = () =>
    createWorkspaceFiles(worktree, {
      server: createFilesystemWriter({ pool, tools: counter.tools, fromConfig: false }),
    });
  const read = (file: string) => readFile(path.join(worktree, file));

  it('edits, creates and moves through the server; CRLF, latin-1 and deletes go direct, said per file', async () => {
    const applied = await filesOf().applyChanges([
      { op: 'edit', file: 'src/users.ts', edits: [lineEdit(3, 17, 'getUser', 'fetchUser')] },
      { op: 'edit', file: 'crlf.txt', edits: [lineEdit(2, 1, 'two', 'TWO')] },
      { op: 'edit', file: 'latin.py', edits: [lineEdit(3, 5, 'old', 'new')] },
      { op: 'create', file: 'src/new/made.ts', text: 'export const made = 2;\n', reason: 't' },
      { op: 'move', file: 'src/moved.ts', to: 'lib/deep/moved.ts', reason: 't' },
      { op: 'delete', file: 'gone.txt', reason: 't' },
    ]);
    expect(applied.writes).toEqual({
      filesystemServer: 3,
      serverWaitMs: expect.any(Number),
      direct: [
        {
          file: 'crlf.txt',
          reason: 'it has carriage returns (CRLF line ends), which edit_file rewrites as LF',
        },
        {
          file: 'latin.py',
          reason: 'it is latin-1, not UTF-8, and edit_file reads and writes UTF-8 only',
        },
        { file: 'gone.txt', reason: 'the filesystem server has no delete tool' },
      ],
    });
    expect((await read('src/users.ts')).toString()).toBe(
      'getUser();\ngetUser();\nexport function fetchUser() {}\n',
    );
    expect((await read('crlf.txt')).toString()).toBe('one\r\nTWO\r\n');
    expect(
      (await read('latin.py')).equals(
        Buffer.from(LATIN_1.toString('latin1').replace('old', 'new'), 'latin1'),
      ),
    ).toBe(true);
    expect((await read('src/new/made.ts')).toString()).toBe('export const made = 2;\n');
    expect((await read('lib/deep/moved.ts')).toString()).toBe('export const moved = 1;\n');
    await expect(read('src/moved.ts')).rejects.toThrow(/ENOENT/);
    await expect(read('gone.txt')).rejects.toThrow(/ENOENT/);
    const calls = counter.counts().filesystem ?? {};
    // One edit, one write, a folder for each of the create and the move, one move; the rest
    // are the allow-list checks.
    expect(calls.execute).toBeGreaterThanOrEqual(6);
  });

  it("allows the worktree only: the server refuses a write to the user's checkout", async () => {
    await filesOf().applyChanges([
      { op: 'edit', file: 'again.ts', edits: [lineEdit(1, 1, 'x', 'y')] },
    ]);
    const allowed = await pool.callTool<{ content: string }>(
      'filesystem',
      'list_allowed_directories',
      {},
    );
    expect(allowed.content).toBe(`Allowed directories:\n${worktree}`);
    await expect(
      pool.callTool('filesystem', 'write_file', {
        path: path.join(fixture.root, 'src', 'users.ts'),
        content: 'overwritten',
      }),
    ).rejects.toThrow(/Access denied - path outside allowed directories/);
    expect((await fixture.read('src/users.ts')).toString()).toContain('getUser');
  });

  it('refuses an edit through a link that leads outside the worktree, writing nothing', async () => {
    await fixture.link(
      '.mcp-orchestrator/worktrees/run/link.ts',
      path.join(fixture.root, 'outside.ts'),
    );
    const before = await fixture.snapshot();
    const refusal = await refusalOf(
      filesOf().applyChanges([
        { op: 'edit', file: 'again.ts', edits: [lineEdit(1, 1, 'y', 'z')] },
        { op: 'edit', file: 'link.ts', edits: [lineEdit(1, 1, 'never', 'always')] },
      ]),
    );
    expect(refusal.code).toBe('UNSAFE_PATH');
    expect(refusal.message).toContain('link.ts resolves through a symbolic link');
    expect(await fixture.snapshot()).toEqual(before);
  });

  it('fails, naming the file, when the bytes on disk are not what the plan computed', async () => {
    // The server maps a new NFD name onto an existing NFC file ("Unicode-equivalent path"), so
    // the planned file never appears and the other one is overwritten.
    const nfc = 'caf\u00e9.txt';
    const nfd = 'cafe\u0301.txt';
    await fixture.write(`.mcp-orchestrator/worktrees/run/${nfc}`, 'existing\n');
    const refusal = await refusalOf(
      filesOf().applyChanges([{ op: 'create', file: nfd, text: 'new\n', reason: 't' }]),
    );
    expect(refusal.code).toBe('WRITE_MISMATCH');
    expect(refusal.message).toContain(`${nfd} is missing (expected 4 bytes)`);
    expect(refusal.data.files).toEqual([nfd]);
  });
});

describe('a filesystem server from .mcp.json', () => {
  let fixture: WorkspaceFixture;
  let worktree: string;
  const pools: ClientPool[] = [];

  beforeAll(async () => {
    ({ fixture, worktree } = await createRepoWithWorktree());
  });
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.close()));
    await fixture?.cleanup();
  });

  const filesWith = (filesystem: McpServerConfig) => {
    const pool = createPool(fixture.root, filesystem);
    pools.push(pool);
    return createWorkspaceFiles(worktree, {
      server: createFilesystemWriter({ pool, tools: pool, fromConfig: true, rootedWithinMs: 300 }),
    });
  };

  it('is used as configured, re-rooted at the worktree through MCP roots', async () => {
    const official = createDefaultServers(fixture.root).filesystem;
    if (official?.transport !== 'stdio') throw new Error('expected a stdio server');
    // Configured for another folder: the roots replace it.
    const files = filesWith({ ...official, args: [official.args[0] as string, fixture.outside] });
    const applied = await files.applyChanges([
      { op: 'edit', file: 'again.ts', edits: [lineEdit(1, 1, 'x', 'w')] },
    ]);
    expect(applied.writes).toEqual({
      filesystemServer: 1,
      direct: [],
      serverWaitMs: expect.any(Number),
    });
    expect((await readFile(path.join(worktree, 'again.ts'))).toString()).toBe('w\n');
  });

  it('is refused, before anything is written, when it does not follow MCP roots', async () => {
    const rootless = fixtureServer('rootless-filesystem');
    const files = filesWith({ ...rootless, args: [...rootless.args, fixture.root] });
    const before = await fixture.snapshot();
    const refusal = await refusalOf(
      files.applyChanges([{ op: 'edit', file: 'again.ts', edits: [lineEdit(1, 1, 'w', 'v')] }]),
    );
    expect(refusal.code).toBe('MCP_CONFIG_INVALID');
    expect(refusal.message).toBe(
      `The filesystem server that .mcp.json configures did not take the run's worktree ${worktree} as its only allowed directory through MCP roots within 300 ms (it allows ${fixture.root}), so nothing was written. Point "filesystem" in .mcp.json at @modelcontextprotocol/server-filesystem (it follows MCP roots), or remove it to use the built-in.`,
    );
    expect(await fixture.snapshot()).toEqual(before);
  });
});
