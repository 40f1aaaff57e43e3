import { afterEach, describe, expect, it } from 'vitest';
import { type ClientPool, createClientPool } from '../../../src/mcp/client-pool.js';
import {
  adoptPrestarted,
  prestartServer,
  stopPrestartedServers,
} from '../../../src/mcp/prestarted-servers.js';
import { toStdioLaunch } from '../../../src/mcp/stdio-launch.js';
import { fixtureServer } from '../../fixtures/mcp-servers/fixture-servers.js';
import { isProcessAlive } from '../../fixtures/mcp-servers/process-alive.js';
import { findChildProcesses } from '../../helpers/orchestrator-client.js';

const workspace = process.cwd();
let pool: ClientPool | undefined;

afterEach(async () => {
  await pool?.close();
  pool = undefined;
  await stopPrestartedServers();
});

const echoChildren = () => findChildProcesses(process.pid, 'echo.mjs');

async function waitUntilGone(pids: number[]): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (pids.some(isProcessAlive) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('prestarted servers', () => {
  it('are taken over by the pool connecting with the very same launch', async () => {
    const config = fixtureServer('echo');
    prestartServer(toStdioLaunch(config, workspace));
    const [early] = echoChildren();
    expect(early).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 100));
    pool = createClientPool({ workspace, servers: { echo: config }, parallelism: 2 });
    const [status] = await pool.connect();
    expect(status).toMatchObject({ state: 'ready', pid: early });
    expect(status?.prestartedMs).toBeGreaterThanOrEqual(100);
    // Its output waited in the pipes: the handshake and the calls work as with a fresh start.
    expect(await pool.callTool('echo', 'echo', { text: 'early' })).toEqual({ text: 'early' });
    expect(echoChildren()).toEqual([early]);
    await pool.close();
    await waitUntilGone([early as number]);
    expect(isProcessAlive(early as number)).toBe(false);
  });

  it('are left alone by a launch that differs, and stopped when nobody took them', async () => {
    prestartServer(toStdioLaunch(fixtureServer('echo', { ECHO_FLAVOUR: 'early' }), workspace));
    const [early] = echoChildren();
    pool = createClientPool({
      workspace,
      servers: { echo: fixtureServer('echo') },
      parallelism: 2,
    });
    const [status] = await pool.connect();
    expect(status?.state).toBe('ready');
    expect(status?.pid).not.toBe(early);
    expect(status?.prestartedMs).toBeUndefined();
    await stopPrestartedServers();
    await waitUntilGone([early as number]);
    expect(isProcessAlive(early as number)).toBe(false);
    expect(isProcessAlive(status?.pid as number)).toBe(true);
  });

  it('is not taken over once it has exited: the transport then spawns its own', async () => {
    const launch = toStdioLaunch(fixtureServer('exit-at-start'), workspace);
    prestartServer(launch);
    const [early] = findChildProcesses(process.pid, 'exit-at-start.mjs');
    await waitUntilGone([early as number]);
    // Let the exit be seen (the process module marks it exited once its pipes drained).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(adoptPrestarted(launch)).toBeUndefined();
    // Taken out of the table either way: a second look finds nothing.
    expect(adoptPrestarted(launch)).toBeUndefined();
  });
});
