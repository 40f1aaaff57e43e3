import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPythonWorkspace,
  MEMO_LIMIT,
  type PythonWorkspace,
} from '../../../../src/lang/python/engine/python-workspace.js';

describe('PythonWorkspace.memo', () => {
  let dir: string;
  let workspace: PythonWorkspace;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'mcpo-memo-'));
    workspace = createPythonWorkspace({ root: dir });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('shares one computation between calls with the same key', async () => {
    let runs = 0;
    const compute = async () => ++runs;
    expect(await Promise.all([workspace.memo('a', compute), workspace.memo('a', compute)])).toEqual(
      [1, 1],
    );
    expect(runs).toBe(1);
  });

  it("runs a caller's own computation once when the one it shared failed (another caller cancelled)", async () => {
    const first = workspace.memo('b', async () => {
      throw new Error('cancelled by the first caller');
    });
    const second = workspace.memo('b', async () => 'second');
    await expect(first).rejects.toThrow('cancelled by the first caller');
    expect(await second).toBe('second');
  });

  it(`keeps at most ${MEMO_LIMIT} answers, dropping the oldest`, async () => {
    let runs = 0;
    const compute = async () => ++runs;
    await workspace.memo('oldest', compute);
    for (let i = 0; i < MEMO_LIMIT; i += 1) await workspace.memo(`key-${i}`, async () => i);
    await workspace.memo('oldest', compute);
    expect(runs).toBe(2);
    await workspace.memo(`key-${MEMO_LIMIT - 1}`, compute);
    expect(runs).toBe(2);
  });
});

describe('PythonWorkspace.memoOfFiles', () => {
  let dir: string;
  let workspace: PythonWorkspace;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'mcpo-memo-files-'));
    workspace = createPythonWorkspace({ root: dir });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps an answer keyed by files when the pyright memos are forgotten, not after invalidate', async () => {
    let runs = 0;
    const compute = async () => ++runs;
    await workspace.memoOfFiles('defs', compute);
    // An overlay's start and end clear what pyright's answers were (as a restart does).
    await workspace.withOverlay(new Map(), async () => undefined);
    expect(await workspace.memoOfFiles('defs', compute)).toBe(1);
    workspace.invalidate(['a.py']);
    expect(await workspace.memoOfFiles('defs', compute)).toBe(2);
  });

  it('computes afresh under an overlay: its text is not on disk', async () => {
    let runs = 0;
    const compute = async () => ++runs;
    await workspace.memoOfFiles('under', compute);
    const inside = await workspace.withOverlay(new Map([['a.txt', 'x']]), () =>
      workspace.memoOfFiles('under', compute),
    );
    expect(inside).toBe(2);
    expect(await workspace.memoOfFiles('under', compute)).toBe(1);
  });
});
