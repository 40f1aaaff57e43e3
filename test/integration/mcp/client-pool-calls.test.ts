import { afterEach, describe, expect, it } from 'vitest';
import { isOrchestratorError, type OrchestratorError } from '../../../src/core/errors.js';
import { type ClientPool, createClientPool } from '../../../src/mcp/client-pool.js';
import { fixtureServer } from '../../fixtures/mcp-servers/fixture-servers.js';
import { startHttpEchoServer } from '../../fixtures/mcp-servers/http-echo.mjs';

let pool: ClientPool | undefined;

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

async function caught(promise: Promise<unknown>): Promise<OrchestratorError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!isOrchestratorError(error))
    throw new Error(`expected an OrchestratorError, got ${String(error)}`);
  return error;
}

describe('client pool tool calls', () => {
  it('connects a stdio server, lists its tools and returns structured content', async () => {
    pool = createClientPool({
      workspace: process.cwd(),
      servers: { echo: fixtureServer('echo') },
      parallelism: 4,
    });
    const [status] = await pool.connect();
    expect(status).toMatchObject({ name: 'echo', transport: 'stdio', state: 'ready' });
    expect(status?.tools).toEqual([
      'echo',
      'echo_text',
      'fail',
      'pid',
      'plain_fail',
      'slow',
      'stats',
    ]);
    expect(status?.toolCount).toBe(7);
    expect(status?.connectMs).toBeGreaterThan(0);
    expect(pool.hasTool('echo', 'echo')).toBe(true);
    expect(pool.hasTool('echo', 'nope')).toBe(false);
    expect(await pool.callTool('echo', 'echo', { text: 'hé' })).toEqual({ text: 'hé' });
    expect(await pool.callTool('echo', 'echo_text', { text: 'x' })).toEqual({ echoed: 'x' });
    expect(await pool.ping('echo')).toBeGreaterThanOrEqual(0);
    expect(pool.status()[0]?.pingMs).toBeTypeOf('number');
  });

  it('turns a tool error into MCP_TOOL_FAILED carrying the server code and message', async () => {
    pool = createClientPool({
      workspace: process.cwd(),
      servers: { echo: fixtureServer('echo') },
      parallelism: 2,
    });
    const error = await caught(pool.callTool('echo', 'fail', {}));
    expect(error.code).toBe('MCP_TOOL_FAILED');
    expect(error.message).toContain('no symbol "x"');
    expect(error.data.toolError).toEqual({
      code: 'SYMBOL_NOT_FOUND',
      message: 'no symbol "x"',
      data: { x: 1 },
    });
    const plain = await caught(pool.callTool('echo', 'plain_fail', {}));
    expect(plain.code).toBe('MCP_TOOL_FAILED');
    expect(plain.data.toolError).toEqual({ message: 'disk on fire' });
  });

  it('reports bad arguments as MCP_TOOL_FAILED', async () => {
    pool = createClientPool({
      workspace: process.cwd(),
      servers: { echo: fixtureServer('echo') },
      parallelism: 2,
    });
    const error = await caught(pool.callTool('echo', 'echo', { text: 42 }));
    expect(error.code).toBe('MCP_TOOL_FAILED');
  });

  it('refuses an unknown server with MCP_SERVER_UNAVAILABLE naming the configured ones', async () => {
    pool = createClientPool({
      workspace: process.cwd(),
      servers: { echo: fixtureServer('echo') },
      parallelism: 2,
    });
    const error = await caught(pool.callTool('nope', 'echo', {}));
    expect(error.code).toBe('MCP_SERVER_UNAVAILABLE');
    expect(error.message).toContain('Configured: echo');
  });

  it('gives up on a hanging call with MCP_TIMEOUT after its deadline', async () => {
    pool = createClientPool({
      workspace: process.cwd(),
      servers: { hang: fixtureServer('hang') },
      parallelism: 2,
      stopGraceMs: 100,
    });
    await pool.connect();
    const started = performance.now();
    const error = await caught(pool.callTool('hang', 'hang', {}, { timeoutMs: 300 }));
    expect(error.code).toBe('MCP_TIMEOUT');
    expect(error.retryable).toBe(true);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('uses the pool call timeout when the call gives none', async () => {
    pool = createClientPool({
      workspace: process.cwd(),
      servers: { hang: fixtureServer('hang') },
      parallelism: 2,
      callTimeoutMs: 200,
      stopGraceMs: 100,
    });
    expect((await caught(pool.callTool('hang', 'hang', {}))).code).toBe('MCP_TIMEOUT');
  });

  it('cancels a call when its signal aborts', async () => {
    pool = createClientPool({
      workspace: process.cwd(),
      servers: { hang: fixtureServer('hang') },
      parallelism: 2,
      stopGraceMs: 100,
    });
    await pool.connect();
    const controller = new AbortController();
    const call = caught(
      pool.callTool('hang', 'hang', {}, { signal: controller.signal, timeoutMs: 10_000 }),
    );
    setTimeout(() => controller.abort(), 100);
    expect((await call).code).toBe('CANCELLED');
    // The server is still usable after a cancelled call.
    expect(await pool.callTool('hang', 'pid', {})).toHaveProperty('pid');
  });

  it('keeps at most `parallelism` calls in flight, in arrival order', async () => {
    pool = createClientPool({
      workspace: process.cwd(),
      servers: { echo: fixtureServer('echo') },
      parallelism: 2,
    });
    await pool.connect();
    await Promise.all(Array.from({ length: 8 }, () => pool?.callTool('echo', 'slow', { ms: 60 })));
    expect(await pool.callTool('echo', 'stats', {})).toEqual({ inFlight: 0, maxInFlight: 2 });
  });

  it('lets queued calls run in parallel up to the limit', async () => {
    pool = createClientPool({
      workspace: process.cwd(),
      servers: { echo: fixtureServer('echo') },
      parallelism: 4,
    });
    await pool.connect();
    await Promise.all(Array.from({ length: 8 }, () => pool?.callTool('echo', 'slow', { ms: 80 })));
    expect(await pool.callTool('echo', 'stats', {})).toMatchObject({ maxInFlight: 4 });
  });

  it('calls tools on a Streamable HTTP server entry and sends its headers', async () => {
    const http = await startHttpEchoServer();
    try {
      pool = createClientPool({
        workspace: process.cwd(),
        servers: {
          remote: { transport: 'http', url: http.url, headers: { 'X-Fixture-Key': 'k1' } },
        },
        parallelism: 2,
      });
      const [status] = await pool.connect();
      expect(status).toMatchObject({
        name: 'remote',
        transport: 'http',
        state: 'ready',
        toolCount: 7,
      });
      expect(await pool.callTool('remote', 'echo', { text: 'over http' })).toEqual({
        text: 'over http',
      });
      const error = await caught(pool.callTool('remote', 'fail', {}));
      expect(error.data.toolError).toMatchObject({ code: 'SYMBOL_NOT_FOUND' });
      expect(http.headersSeen).toContain('k1');
      await pool.close();
    } finally {
      await http.close();
    }
  });
});
