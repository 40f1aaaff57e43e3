import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../src/core/errors.js';
import { type ClientPool, createClientPool } from '../../../src/mcp/client-pool.js';
import { fixtureServer } from '../../fixtures/mcp-servers/fixture-servers.js';
import { isProcessAlive } from '../../fixtures/mcp-servers/process-alive.js';

let pool: ClientPool | undefined;
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'mcp-pool-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('client pool lifecycle', () => {
  it('restarts a server that dies mid-call and retries the call once', async () => {
    const marker = path.join(scratch, 'crashed-once');
    pool = createClientPool({
      workspace: scratch,
      servers: { crashy: fixtureServer('crash-once', { CRASH_MARKER: marker }) },
      parallelism: 2,
    });
    const [before] = await pool.connect();
    const result = await pool.callTool<{ worked: boolean; pid: number }>('crashy', 'work', {});
    expect(existsSync(marker)).toBe(true);
    expect(result.worked).toBe(true);
    expect(result.pid).not.toBe(before?.pid);
    expect(pool.reconnectCount()).toBeGreaterThanOrEqual(1);
    const [after] = pool.status();
    expect(after).toMatchObject({ state: 'ready', reconnects: 1, pid: result.pid });
    expect(isProcessAlive(before?.pid ?? -1)).toBe(false);
  });

  it('restarts a server whose process died while idle on the next call', async () => {
    pool = createClientPool({
      workspace: scratch,
      servers: { echo: fixtureServer('echo') },
      parallelism: 2,
    });
    const [before] = await pool.connect();
    process.kill(before?.pid ?? -1, 'SIGKILL');
    for (let i = 0; i < 100 && pool.status()[0]?.state === 'ready'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(pool.status()[0]).toMatchObject({
      state: 'failed',
      error: expect.stringContaining('closed unexpectedly'),
    });
    expect(pool.hasTool('echo', 'echo')).toBe(true);
    expect(await pool.callTool('echo', 'echo', { text: 'back' })).toEqual({ text: 'back' });
    expect(pool.status()[0]).toMatchObject({ state: 'ready', reconnects: 1 });
    expect(pool.status()[0]?.pid).not.toBe(before?.pid);
    expect(pool.reconnectCount()).toBe(1);
  });

  it('fails a call still in flight when the pool closes with MCP_SERVER_UNAVAILABLE', async () => {
    pool = createClientPool({
      workspace: scratch,
      servers: { hang: fixtureServer('hang') },
      parallelism: 2,
      stopGraceMs: 100,
    });
    await pool.connect();
    const call = pool.callTool('hang', 'hang', {}).catch((caught: unknown) => caught);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await pool.close();
    expect(isOrchestratorError(await call, 'MCP_SERVER_UNAVAILABLE')).toBe(true);
    expect(pool.reconnectCount()).toBe(0);
  });

  it('records a server that exits at start as failed with its stderr, while others work', async () => {
    pool = createClientPool({
      workspace: scratch,
      servers: {
        broken: fixtureServer('exit-at-start'),
        missing: {
          transport: 'stdio',
          command: path.join(scratch, 'no-such-binary'),
          args: [],
          env: {},
        },
        echo: fixtureServer('echo'),
      },
      parallelism: 2,
    });
    const statuses = await pool.connect();
    const byName = Object.fromEntries(statuses.map((status) => [status.name, status]));
    expect(byName.broken?.state).toBe('failed');
    expect(byName.broken?.error).toContain('missing licence key');
    expect(byName.missing?.state).toBe('failed');
    expect(byName.missing?.error).toContain('ENOENT');
    expect(byName.echo?.state).toBe('ready');
    expect(await pool.callTool('echo', 'echo', { text: 'still fine' })).toEqual({
      text: 'still fine',
    });
    const error = await pool.callTool('broken', 'anything', {}).catch((caught: unknown) => caught);
    expect(isOrchestratorError(error, 'MCP_SERVER_UNAVAILABLE')).toBe(true);
    expect((error as Error).message).toContain('missing licence key');
    expect(pool.hasTool('broken', 'anything')).toBe(false);
  });

  it('fails a server that does not finish starting within the connect timeout', async () => {
    pool = createClientPool({
      workspace: scratch,
      servers: {
        slow: {
          transport: 'stdio',
          command: process.execPath,
          args: ['-e', 'setInterval(() => {}, 1000)'],
          env: {},
        },
      },
      parallelism: 2,
      connectTimeoutMs: 300,
      stopGraceMs: 200,
    });
    const [status] = await pool.connect();
    expect(status?.state).toBe('failed');
    expect(status?.error).toContain('within 300 ms');
  });

  it('stops every child process on close, including one that ignores SIGTERM, and twice is safe', async () => {
    pool = createClientPool({
      workspace: scratch,
      servers: { echo: fixtureServer('echo'), hang: fixtureServer('hang') },
      parallelism: 2,
      stopGraceMs: 200,
    });
    const statuses = await pool.connect();
    const pids = statuses.map((status) => status.pid);
    expect(pids.every((pid) => typeof pid === 'number' && isProcessAlive(pid))).toBe(true);
    await Promise.all([pool.close(), pool.close()]);
    await pool.close();
    for (const pid of pids) expect(isProcessAlive(pid ?? -1)).toBe(false);
    expect(pool.status().map((status) => status.state)).toEqual(['closed', 'closed']);
    const error = await pool
      .callTool('echo', 'echo', { text: 'x' })
      .catch((caught: unknown) => caught);
    expect(isOrchestratorError(error, 'MCP_SERVER_UNAVAILABLE')).toBe(true);
  });

  it('connects lazily on the first call and only the servers asked for', async () => {
    pool = createClientPool({
      workspace: scratch,
      servers: { a: fixtureServer('echo'), b: fixtureServer('echo') },
      parallelism: 2,
    });
    expect(pool.status().map((status) => status.state)).toEqual(['idle', 'idle']);
    await pool.connect(['a']);
    expect(pool.status().map((status) => status.state)).toEqual(['ready', 'idle']);
    expect(await pool.callTool('b', 'echo', { text: 'lazy' })).toEqual({ text: 'lazy' });
    expect(pool.status().map((status) => status.state)).toEqual(['ready', 'ready']);
  });

  it('throws CANCELLED from connect when its signal aborts', async () => {
    pool = createClientPool({
      workspace: scratch,
      servers: { echo: fixtureServer('echo') },
      parallelism: 2,
    });
    const error = await pool
      .connect(undefined, { signal: AbortSignal.abort() })
      .catch((caught: unknown) => caught);
    expect(isOrchestratorError(error, 'CANCELLED')).toBe(true);
    expect(pool.status()[0]?.state).toBe('idle');
  });

  it('kills its servers when the parent exits without closing the pool', async () => {
    const poolModule = fileURLToPath(new URL('../../../dist/mcp/client-pool.js', import.meta.url));
    // The hang fixture ignores stdin closing and SIGTERM: only the exit hook's SIGKILL ends it.
    const echo = fixtureServer('hang');
    const script = `
      const { createClientPool } = await import(${JSON.stringify(poolModule)});
      const pool = createClientPool({ workspace: process.cwd(), parallelism: 1,
        servers: { a: ${JSON.stringify(echo)}, b: ${JSON.stringify(echo)} } });
      const statuses = await pool.connect();
      process.stdout.write(JSON.stringify(statuses.map((s) => s.pid)));
      process.exit(0);
    `;
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--input-type=module',
      '-e',
      script,
    ]);
    const pids = JSON.parse(stdout) as number[];
    expect(pids).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const survivors = pids.filter((pid) => isProcessAlive(pid));
    for (const pid of survivors) process.kill(pid, 'SIGKILL');
    expect(survivors).toEqual([]);
  });
});
