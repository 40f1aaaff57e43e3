import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  findLeftoverProcesses,
  stopLeftoverProcesses,
} from '../../../src/vcs/stop-leftover-processes.js';

describe('stopLeftoverProcesses', () => {
  const children: ChildProcess[] = [];
  let dir = '';
  afterEach(async () => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  async function start(cwd: string, script: string, marked: boolean): Promise<ChildProcess> {
    const env = { ...process.env, MCP_ORCHESTRATOR_PROCESS_TREE: marked ? 'tdead' : undefined };
    const child = spawn('sh', ['-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'ignore'] });
    children.push(child);
    await once(child.stdout as NodeJS.ReadableStream, 'data');
    return child;
  }

  it('stops the marked processes working in the folder, and only those', async () => {
    dir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'mcpo-leftovers-')));
    const worktree = path.join(dir, 'worktree');
    const elsewhere = path.join(dir, 'elsewhere');
    await mkdir(path.join(worktree, 'sub'), { recursive: true });
    await mkdir(elsewhere);
    const tests = await start(worktree, 'echo up; exec sleep 61', true);
    const stubborn = await start(
      path.join(worktree, 'sub'),
      'trap "" TERM; echo up; while :; do sleep 0.1; done',
      true,
    );
    const users = await start(worktree, 'echo up; exec sleep 62', false);
    const other = await start(elsewhere, 'echo up; exec sleep 63', true);
    // The stubborn one's loop forks `sleep`s: they are in the folder and marked too.
    const found = await findLeftoverProcesses(worktree);
    expect(found).toEqual(expect.arrayContaining([tests.pid, stubborn.pid]));
    expect(found).not.toContain(users.pid);
    expect(found).not.toContain(other.pid);
    const exits = Promise.all([tests, stubborn].map((child) => once(child, 'exit')));
    const stopped = await stopLeftoverProcesses(worktree, { termGraceMs: 300 });
    expect(stopped).toEqual(expect.arrayContaining([tests.pid, stubborn.pid]));
    const signals = (await exits).map(([, signal]) => signal);
    expect(signals).toEqual(['SIGTERM', 'SIGKILL']);
    expect(users.exitCode === null && users.signalCode === null).toBe(true);
    expect(other.exitCode === null && other.signalCode === null).toBe(true);
    expect(await findLeftoverProcesses(worktree)).toEqual([]);
  });
});
