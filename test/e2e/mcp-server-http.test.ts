import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Progress } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, createExampleRepo, type ExampleRepo, runCli } from '../helpers/fixture-repo.js';

const TOKEN = 'test-token-0123456789abcdef';

/** Starts `mcp-orchestrator mcp --http …` and resolves with its URL once it listens. */
function startHttpServer(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [CLI, 'mcp', ...args], {
    env: { ...process.env, ORCHESTRATOR_MCP_TOKEN: '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const found = /listening on (http:\S+)/.exec(stderr);
      if (found?.[1]) resolve({ url: found[1], child });
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (child === undefined || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

describe('mcp-orchestrator mcp --http (Streamable HTTP)', () => {
  let repo: ExampleRepo;
  let server: { url: string; child: ChildProcess } | undefined;

  beforeAll(async () => {
    repo = await createExampleRepo({ example: 'users-ts' });
    server = await startHttpServer([
      '--http',
      '127.0.0.1:0',
      '--workspace',
      repo.dir,
      '--token',
      TOKEN,
    ]);
  }, 60_000);

  afterAll(async () => {
    await stop(server?.child);
    await repo?.cleanup();
  });

  it('serves plan_change with progress over SSE to a client that sends the token', async () => {
    const client = new Client({ name: 'http-test', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(new URL(server?.url ?? ''), {
      requestInit: { headers: { Authorization: `Bearer ${TOKEN}` } },
    });
    await client.connect(transport);
    try {
      const progress: Progress[] = [];
      const result = await client.callTool(
        { name: 'plan_change', arguments: { command: 'rename function getUser to fetchUser' } },
        undefined,
        { timeout: 120_000, onprogress: (p) => progress.push(p) },
      );
      expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
      expect((result.structuredContent as { success: boolean }).success).toBe(true);
      expect(progress.at(-1)).toMatchObject({ progress: 8, total: 8 });
    } finally {
      await client.close();
    }
  });

  it('answers 401 without the bearer token, and 403 for a Host that is not loopback', async () => {
    const initialize = {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'raw', version: '1' },
      },
    };
    const post = (headers: Record<string, string>) =>
      fetch(server?.url ?? '', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...headers,
        },
        body: JSON.stringify(initialize),
      });
    const anonymous = await post({});
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect((await post({ authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);
    // fetch may not set Host: a plain request does, as a DNS-rebinding page's browser would.
    const rebound = await new Promise<number | undefined>((resolve, reject) => {
      const sent = request(
        server?.url ?? '',
        {
          method: 'POST',
          headers: {
            host: 'evil.example:80',
            authorization: `Bearer ${TOKEN}`,
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
          },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode);
        },
      );
      sent.on('error', reject);
      sent.end(JSON.stringify(initialize));
    });
    expect(rebound).toBe(403);
  });
});

describe('mcp-orchestrator mcp --http refusals', () => {
  it('refuses a bind beyond loopback without a token (exit 2), naming --token and ORCHESTRATOR_MCP_TOKEN', async () => {
    const result = await runCli(['mcp', '--http', '0.0.0.0:0'], {
      env: { ORCHESTRATOR_MCP_TOKEN: '' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('listens beyond this machine');
    expect(result.stderr).toContain('ORCHESTRATOR_MCP_TOKEN');
  });

  it('refuses a short token and a malformed address (exit 2)', async () => {
    const short = await runCli(['mcp', '--http', '127.0.0.1:0', '--token', 'short']);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain(
      '--token is 5 characters long; a bearer token needs at least 16',
    );
    const bad = await runCli(['mcp', '--http', 'nowhere:port']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--http "nowhere:port" is not [host:]port');
  });
});
