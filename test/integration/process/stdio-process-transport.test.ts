import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { describe, expect, it } from 'vitest';
import { createStdioProcessTransport } from '../../../src/mcp/stdio-process-transport.js';
import { isProcessAlive } from '../../fixtures/mcp-servers/process-alive.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/mcp-servers/${name}.mjs`, import.meta.url));

function transportFor(name: string) {
  return createStdioProcessTransport({
    command: process.execPath,
    args: [fixture(name)],
    env: { PATH: process.env.PATH },
    cwd: process.cwd(),
    stopGraceMs: 200,
  });
}

describe('the stdio transport over the process module', () => {
  it('talks MCP to a server, then stops it on close and reports the close once', async () => {
    const transport = transportFor('echo');
    let closes = 0;
    const client = new Client({ name: 'test', version: '0' }, { capabilities: {} });
    client.onclose = () => {
      closes++;
    };
    await client.connect(transport);
    const pid = transport.pid ?? -1;
    expect(isProcessAlive(pid)).toBe(true);
    const tools = await client.listTools();
    expect(tools.tools.map((tool) => tool.name)).toContain('echo');
    const before = process.listenerCount('exit');
    await Promise.all([client.close(), transport.close()]);
    expect(isProcessAlive(pid)).toBe(false);
    expect(closes).toBe(1);
    expect(process.listenerCount('exit')).toBe(before - 1);
    await expect(transport.send({ jsonrpc: '2.0', method: 'ping', id: 1 })).rejects.toThrow(
      'Not connected',
    );
  });

  it('reports a server that exits at start through onclose and keeps its stderr readable', async () => {
    const transport = transportFor('exit-at-start');
    let stderr = '';
    transport.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const closed = new Promise<void>((resolve) => {
      transport.onclose = resolve;
    });
    await transport.start();
    await closed;
    expect(stderr).toContain('missing licence key');
  });

  it('rejects start with the reason when the command cannot start', async () => {
    const transport = createStdioProcessTransport({
      command: '/nonexistent/server',
      args: [],
      env: {},
      cwd: process.cwd(),
      stopGraceMs: 200,
    });
    await expect(transport.start()).rejects.toThrow(/ENOENT/);
    expect(transport.pid).toBeUndefined();
  });
});
