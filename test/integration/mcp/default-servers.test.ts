import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClientPool, createClientPool } from '../../../src/mcp/client-pool.js';
import { createDefaultServers, DEFAULT_SERVER_NAMES } from '../../../src/mcp/default-servers.js';
import type { McpServersConfig } from '../../../src/mcp/mcp-config-schema.js';
import { resolveMcpServers } from '../../../src/mcp/resolve-mcp-servers.js';

describe('default MCP servers', () => {
  let workspace: string;
  let pool: ClientPool | undefined;

  beforeAll(() => {
    workspace = realpathSync(mkdtempSync(path.join(tmpdir(), 'mcp-defaults-')));
    writeFileSync(path.join(workspace, 'notes.txt'), 'needle in a haystack\n');
  });

  afterAll(async () => {
    await pool?.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('launches every built-in server with the running Node from installed files', () => {
    const servers = createDefaultServers(workspace);
    expect(Object.keys(servers)).toEqual([...DEFAULT_SERVER_NAMES]);
    for (const config of Object.values(servers)) {
      expect(config).toMatchObject({ transport: 'stdio', command: process.execPath });
    }
    expect(servers.filesystem).toMatchObject({
      args: [expect.stringMatching(/server-filesystem/), workspace],
    });
    expect(servers.memory).toMatchObject({
      env: { MEMORY_FILE_PATH: path.join(workspace, '.mcp-orchestrator', 'memory.jsonl') },
    });
    expect(servers['sequential-thinking']).toMatchObject({
      env: { DISABLE_THOUGHT_LOGGING: 'true' },
    });
    expect(servers.dependency_graph).toMatchObject({
      args: [
        expect.stringMatching(/dist[/\\]servers[/\\]dependency-graph[/\\]main\.js$/),
        '--root',
        workspace,
      ],
    });
  });

  it('lets .mcp.json override a default and add servers', async () => {
    writeFileSync(
      path.join(workspace, '.mcp.json'),
      JSON.stringify({
        mcpServers: {
          memory: { command: 'my-memory' },
          extra: { type: 'http', url: 'http://127.0.0.1:1/mcp' },
        },
      }),
    );
    try {
      const servers = await resolveMcpServers(workspace, { env: {} });
      expect(servers.memory).toEqual({
        transport: 'stdio',
        command: 'my-memory',
        args: [],
        env: {},
      });
      expect(servers.extra?.transport).toBe('http');
      expect(servers.ripgrep).toEqual(createDefaultServers(workspace).ripgrep);
    } finally {
      rmSync(path.join(workspace, '.mcp.json'));
    }
  });

  it('connects filesystem, memory, sequential-thinking and ripgrep through the pool and lists their tools', async () => {
    const defaults = createDefaultServers(workspace);
    const names = ['filesystem', 'memory', 'sequential-thinking', 'ripgrep'] as const;
    pool = createClientPool({
      workspace,
      servers: Object.fromEntries(names.map((name) => [name, defaults[name]])) as McpServersConfig,
      parallelism: 4,
      connectTimeoutMs: 30_000,
    });
    const statuses = await pool.connect();
    for (const status of statuses) expect(status, status.error).toMatchObject({ state: 'ready' });
    const tools = Object.fromEntries(statuses.map((status) => [status.name, status.tools]));
    expect(tools.filesystem).toContain('read_text_file');
    expect(tools.memory).toContain('create_entities');
    expect(tools['sequential-thinking']).toEqual(['sequentialthinking']);
    expect(tools.ripgrep).toEqual(['files', 'search']);
    const found = await pool.callTool<{ matches: Array<{ file: string }> }>('ripgrep', 'search', {
      pattern: 'needle',
    });
    expect(found.matches.map((match) => match.file)).toEqual(['notes.txt']);
  });
});
