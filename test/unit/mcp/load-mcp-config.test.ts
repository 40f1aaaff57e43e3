// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the ${VAR} syntax under test
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../src/core/errors.js';
import { loadMcpConfig } from '../../../src/mcp/load-mcp-config.js';

let workspace: string;

beforeEach(() => {
  workspace = mkdtempSync(path.join(tmpdir(), 'mcp-config-'));
});

afterEach(() => {
  rmSync(workspace, { recursive: true, force: true });
});

function writeConfig(value: unknown): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  writeFileSync(path.join(workspace, '.mcp.json'), text);
}

async function loadError(env: Record<string, string> = {}): Promise<Error & { code: string }> {
  const error = await loadMcpConfig(workspace, { env }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isOrchestratorError(error)) throw new Error(`expected an OrchestratorError, got ${error}`);
  return error;
}

describe('loadMcpConfig', () => {
  it('returns no servers when the workspace has no .mcp.json', async () => {
    const config = await loadMcpConfig(workspace, { env: {} });
    expect(config).toEqual({ file: path.join(workspace, '.mcp.json'), exists: false, servers: {} });
  });

  it('reads stdio and http entries in the Claude Code format', async () => {
    writeConfig({
      mcpServers: {
        local: { command: 'node', args: ['server.js', '--flag'], env: { A: '1' }, cwd: 'tools' },
        plain: { type: 'stdio', command: 'srv' },
        remote: { type: 'http', url: 'http://127.0.0.1:9/mcp', headers: { 'X-Key': 'k' } },
      },
    });
    const { servers, exists } = await loadMcpConfig(workspace, { env: {} });
    expect(exists).toBe(true);
    expect(servers).toEqual({
      local: {
        transport: 'stdio',
        command: 'node',
        args: ['server.js', '--flag'],
        env: { A: '1' },
        cwd: path.join(workspace, 'tools'),
      },
      plain: { transport: 'stdio', command: 'srv', args: [], env: {} },
      remote: {
        transport: 'http',
        url: 'http://127.0.0.1:9/mcp',
        headers: { 'X-Key': 'k' },
      },
    });
  });

  it('expands ${VAR} and ${VAR:-default} in command, args, env, url and headers', async () => {
    writeConfig({
      mcpServers: {
        s: {
          command: '${BIN}',
          args: ['--root=${ROOT:-/default}', '${EMPTY:-fallback}', 'lit${BIN}eral'],
          env: { TOKEN: '${TOKEN}', MODE: '${MODE:-dev}' },
        },
        h: {
          type: 'http',
          url: 'http://${HOST:-localhost}:${PORT}/mcp',
          headers: { Authorization: 'Bearer ${TOKEN}' },
        },
      },
    });
    const { servers } = await loadMcpConfig(workspace, {
      env: { BIN: 'node', TOKEN: 't0k', PORT: '8080', MODE: 'prod', EMPTY: '' },
    });
    expect(servers.s).toMatchObject({
      command: 'node',
      args: ['--root=/default', 'fallback', 'litnodeeral'],
      env: { TOKEN: 't0k', MODE: 'prod' },
    });
    expect(servers.h).toMatchObject({
      url: 'http://localhost:8080/mcp',
      headers: { Authorization: 'Bearer t0k' },
    });
  });

  it('rejects an unset ${VAR} without default, naming the server, the field and the variable', async () => {
    writeConfig({ mcpServers: { search: { command: 'x', args: ['ok', '${MISSING_DIR}'] } } });
    const error = await loadError();
    expect(error.code).toBe('MCP_CONFIG_INVALID');
    expect(error.message).toContain('.mcp.json');
    expect(error.message).toContain('server "search"');
    expect(error.message).toContain('field "args.1"');
    expect(error.message).toContain('MISSING_DIR');
  });

  it('reports malformed JSON with its line and column', async () => {
    writeConfig('{\n  "mcpServers": {\n    "a": { "command": "x", }\n  }\n}\n');
    const error = await loadError();
    expect(error.code).toBe('MCP_CONFIG_INVALID');
    expect(error.message).toContain(path.join(workspace, '.mcp.json'));
    expect(error.message).toMatch(/not valid JSON at line 3, column \d+/);
  });

  it('rejects a file without an mcpServers object', async () => {
    writeConfig({ servers: {} });
    const error = await loadError();
    expect(error.message).toContain('"mcpServers"');
  });

  it('rejects a stdio entry whose command is not a string, naming server and field', async () => {
    writeConfig({ mcpServers: { good: { command: 'x' }, broken: { command: 42 } } });
    const error = await loadError();
    expect(error.message).toContain('server "broken"');
    expect(error.message).toContain('field "command"');
  });

  it('rejects a non-string argument, naming its index', async () => {
    writeConfig({ mcpServers: { s: { command: 'x', args: ['a', 7] } } });
    const error = await loadError();
    expect(error.message).toContain('server "s"');
    expect(error.message).toContain('field "args.1"');
  });

  it('rejects an env value that is not a string, naming the variable', async () => {
    writeConfig({ mcpServers: { s: { command: 'x', env: { PORT: 80 } } } });
    const error = await loadError();
    expect(error.message).toContain('field "env.PORT"');
  });

  it('rejects an http entry without a url and one with a non-http url', async () => {
    writeConfig({ mcpServers: { remote: { type: 'http' } } });
    expect((await loadError()).message).toMatch(/server "remote", field "url"/);
    writeConfig({ mcpServers: { remote: { type: 'http', url: 'ftp://host/x' } } });
    expect((await loadError()).message).toMatch(/server "remote", field "url".*not an http/);
  });

  it('rejects an unknown transport type, naming the field', async () => {
    writeConfig({ mcpServers: { old: { type: 'sse', url: 'http://x' } } });
    const error = await loadError();
    expect(error.message).toContain('server "old", field "type"');
    expect(error.message).toContain('"sse"');
  });

  it('rejects an entry that is not an object', async () => {
    writeConfig({ mcpServers: { odd: 'node server.js' } });
    expect((await loadError()).message).toContain('server "odd" must be an object');
  });
});
