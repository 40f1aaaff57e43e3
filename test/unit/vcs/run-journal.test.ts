import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createRunRecord,
  type RunRecord,
  readRunRecord,
  writeRunRecord,
} from '../../../src/vcs/run-journal.js';

const STARTED: RunRecord = {
  version: 1,
  runId: '20250101T120000Z-abcdef',
  command: 'rename a to b',
  pid: 4242,
  processStartTime: '123456',
  host: 'box',
  startedAt: '2025-01-01T12:00:00.000Z',
  state: 'started',
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'mcpo-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createRunRecord', () => {
  it('lets exactly one of many racing callers create the lock file', async () => {
    const file = path.join(dir, 'run-lock.json');
    const runs = Array.from({ length: 20 }, (_, i) => ({ ...STARTED, runId: `run-${i}` }));
    const won = await Promise.all(runs.map((run) => createRunRecord(file, run)));
    expect(won.filter(Boolean)).toHaveLength(1);
    const read = await readRunRecord(file);
    expect(read.kind === 'record' && read.record.runId).toBe(`run-${won.indexOf(true)}`);
  });
});

describe('writeRunRecord', () => {
  it('replaces the journal with the next state and leaves no temp file', async () => {
    const file = path.join(dir, 'run-lock.json');
    await createRunRecord(file, STARTED);
    const next: RunRecord = {
      ...STARTED,
      state: 'worktree-created',
      branch: 'mcp-orchestrator/rename-a-to-b',
      worktreePath: '/repo/.mcp-orchestrator/worktrees/rename-a-to-b',
      baseCommit: 'a'.repeat(40),
    };
    await writeRunRecord(file, next);
    expect(await readRunRecord(file)).toEqual({ kind: 'record', record: next });
    expect(await readdir(dir)).toEqual(['run-lock.json']);
  });
});

describe('readRunRecord', () => {
  it('tells a missing file from an unreadable one, with its age', async () => {
    const file = path.join(dir, 'run-lock.json');
    expect(await readRunRecord(file)).toEqual({ kind: 'missing' });
    await writeFile(file, '');
    const old = new Date('2020-01-01T00:00:00Z');
    await utimes(file, old, old);
    const empty = await readRunRecord(file);
    expect(empty.kind).toBe('unreadable');
    expect(empty.kind === 'unreadable' && empty.modifiedAtMs).toBe(old.getTime());
  });

  it('refuses a journal whose state lacks the fields that state needs', async () => {
    const file = path.join(dir, 'run-lock.json');
    await writeFile(file, JSON.stringify({ ...STARTED, state: 'committed' }));
    expect((await readRunRecord(file)).kind).toBe('unreadable');
    await writeFile(file, JSON.stringify({ ...STARTED, pid: 0 }));
    expect((await readRunRecord(file)).kind).toBe('unreadable');
    await writeFile(file, JSON.stringify(STARTED));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(STARTED);
    expect((await readRunRecord(file)).kind).toBe('record');
  });
});
