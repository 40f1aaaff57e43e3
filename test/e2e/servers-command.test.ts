import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  getDefaultEnvironment,
  StdioClientTransport,
} from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, createExampleRepo, type ExampleRepo, runCli } from '../helpers/fixture-repo.js';

describe('servers and server', () => {
  let repo: ExampleRepo;
  beforeAll(async () => {
    repo = await createExampleRepo({ example: 'users-ts' });
  });
  afterAll(() => repo?.cleanup());

  it('"servers --json" starts every configured server and reports tools and latency', async () => {
    const result = await runCli(['servers', '--workspace', repo.dir, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const statuses = JSON.parse(result.stdout) as Array<{
      name: string;
      state: string;
      toolCount: number;
      pingMs?: number;
    }>;
    expect(statuses.map((s) => s.name).sort()).toEqual([
      'dependency_graph',
      'filesystem',
      'memory',
      'pyrepl',
      'ripgrep',
      'sequential-thinking',
    ]);
    for (const status of statuses) {
      expect(status.state, status.name).toBe('ready');
      expect(status.toolCount, status.name).toBeGreaterThan(0);
      expect(status.pingMs, status.name).toBeGreaterThanOrEqual(0);
    }
  }, 120_000);

  it('"servers" prints a header row, each server\'s source and phases, explains a server that fails to start and exits 1', async () => {
    await repo.write(
      '.mcp.json',
      JSON.stringify({ mcpServers: { broken: { command: '/nonexistent/server' } } }),
    );
    try {
      const result = await runCli(['servers', '--workspace', repo.dir]);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/broken\s+failed/);
      const [header = '', ...rows] = result.stdout.split('\n');
      expect(header.split(/\s+/)).toEqual([
        'server',
        'state',
        'tools',
        'connect',
        'ping',
        'source',
        'phases',
      ]);
      const row = (name: string) => rows.find((line) => line.startsWith(`${name} `)) ?? '';
      expect(row('broken')).toMatch(/ \.mcp\.json\s+-$/);
      expect(row('ripgrep')).toMatch(/ready .* built-in\s+map$/);
      expect(row('dependency_graph')).toMatch(/built-in\s+map, logic, execute, review$/);
      expect(row('memory')).toMatch(/built-in\s+-$/);
      expect(row('filesystem')).toMatch(/built-in\s+execute$/);
    } finally {
      await repo.git(['clean', '-fq', '.mcp.json']);
    }
  }, 120_000);

  it('"server ripgrep" serves the bundled server on stdio to another MCP host', async () => {
    const client = new Client({ name: 'e2e', version: '1' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [CLI, 'server', 'ripgrep', '--workspace', repo.dir],
        env: getDefaultEnvironment(),
      }),
    );
    try {
      const result = (await client.callTool({
        name: 'search',
        arguments: { pattern: 'getUser', word: true },
      })) as unknown as {
        structuredContent: { matches: Array<{ file: string }> };
      };
      expect(result.structuredContent.matches.map((m) => m.file)).toContain('src/users.js');
    } finally {
      await client.close();
    }
  });

  it('"server" refuses an unknown name, listing the bundled ones', async () => {
    const result = await runCli(['server', 'nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Bundled servers: ripgrep, dependency_graph');
  });
});
