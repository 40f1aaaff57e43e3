import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deferHistory } from '../../../src/orchestrator/deferred-history.js';
import { openRunHistory } from '../../../src/telemetry/run-history.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function workspace(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mcpo-deferred-history-'));
  dirs.push(dir);
  return dir;
}

describe('deferHistory', () => {
  it('opens nothing until prepared or read, and opens once', async () => {
    const root = await workspace();
    let opens = 0;
    const history = deferHistory(async () => {
      opens += 1;
      return openRunHistory(root);
    });
    expect(opens).toBe(0);
    history.prepare();
    history.prepare();
    expect(await history.samples({ kind: 'rename', language: 'python' })).toEqual([]);
    expect((await history.summary({ kind: 'rename', language: 'python' })).runs).toBe(0);
    expect(opens).toBe(1);
    await history.close();
  });

  it('reads as empty and records nothing when the history could not be opened', async () => {
    const history = deferHistory(async () => undefined);
    expect(await history.samples({ kind: 'rename', language: 'python' })).toEqual([]);
    expect(await history.summary({ kind: 'rename', language: 'python' })).toEqual({
      runs: 0,
      successRate: null,
      medianTestDurationMs: null,
      medianDurationMs: null,
    });
    await history.record({} as never);
    await history.close();
  });

  it('closes without opening when it was never used', async () => {
    let opens = 0;
    const history = deferHistory(async () => {
      opens += 1;
      return undefined;
    });
    await history.close();
    expect(opens).toBe(0);
  });
});
