import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  getDefaultEnvironment,
  StdioClientTransport,
} from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASYNC_FILES } from '../../fixtures/lang-python/async-fixture.js';
import {
  createPythonFixture,
  type PythonFixture,
} from '../../fixtures/lang-python/create-python-fixture.js';
import { LEDGER_FILES } from '../../fixtures/lang-python/ledger-fixture.js';

const serverMain = fileURLToPath(
  new URL('../../../dist/servers/python-analysis/main.js', import.meta.url),
);

/** pids of pyright language servers started by process `parent`. */
function pyrightChildrenOf(parent: number): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(parent)], {
    encoding: 'utf8',
  });
  return out
    .split('\n')
    .filter((line) => line.includes('langserver.index.js'))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

describe('python_analysis MCP server over stdio', () => {
  let fixture: PythonFixture;
  let client: Client;
  let transport: StdioClientTransport;

  const call = async (name: string, args: Record<string, unknown>) => {
    const result = await client.callTool({ name, arguments: args });
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    return result.structuredContent as Record<string, unknown>;
  };

  const callError = async (name: string, args: Record<string, unknown>) => {
    const result = await client.callTool({ name, arguments: args });
    expect(result.isError).toBe(true);
    const [content] = result.content as Array<{ type: string; text: string }>;
    return content?.text ?? '';
  };

  beforeAll(async () => {
    if (!existsSync(serverMain)) {
      throw new Error(`${serverMain} is missing. Build first: npx tsc -p tsconfig.build.json`);
    }
    fixture = await createPythonFixture({ ...LEDGER_FILES, ...ASYNC_FILES });
    client = new Client({ name: 'python-analysis-test', version: '0.0.0' });
    transport = new StdioClientTransport({
      command: process.execPath,
      args: [serverMain, '--root', fixture.root],
      env: { ...getDefaultEnvironment() },
      stderr: 'pipe',
    });
    await client.connect(transport);
  });

  afterAll(async () => {
    await client?.close();
    await fixture?.cleanup();
  });

  it('lists the six Python tools', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      'async_analysis',
      'call_hierarchy',
      'references',
      'rename_locations',
      'scopes',
      'symbols',
    ]);
  });

  it('lists the symbols of a file with containers', async () => {
    const result = await call('symbols', { file: 'ledger/core.py' });
    expect(result.file).toBe('ledger/core.py');
    expect(result.symbols).toContainEqual({
      name: 'post_entry',
      kind: 'method',
      line: 13,
      column: 9,
      container: 'Book',
    });
  });

  it('lists the scopes at a point, innermost first', async () => {
    const result = await call('scopes', { file: 'ledger/core.py', line: 18, column: 12 });
    const scopes = result.scopes as Array<{ kind: string; name: string | null; names: unknown[] }>;
    expect(scopes.map((s) => [s.kind, s.name])).toEqual([
      ['function', 'shadow_param'],
      ['module', null],
    ]);
    expect(scopes[0]?.names).toEqual([
      { name: 'post_entry', kind: 'parameter', line: 17, column: 18 },
    ]);
  });

  it('finds references across the workspace', async () => {
    const result = await call('references', { file: 'ledger/core.py', line: 7, column: 5 });
    const references = result.references as Array<{ file: string; isDefinition: boolean }>;
    expect(references).toHaveLength(18);
    expect(references.filter((r) => r.isDefinition)).toEqual([
      expect.objectContaining({ file: 'ledger/core.py', line: 7, column: 5 }),
    ]);
  });

  it('returns rename edits with oldText, the files they touch, and collisions', async () => {
    const result = await call('rename_locations', {
      file: 'ledger/star.py',
      line: 5,
      column: 12,
      newName: 'record_entry',
    });
    const edits = result.edits as Array<{ oldText: string; newText: string }>;
    expect(edits).toHaveLength(18);
    expect(edits.every((e) => e.oldText === 'post_entry' && e.newText === 'record_entry')).toBe(
      true,
    );
    expect(result.files).toContain('ledger/aliased.py');
    expect(result.collisions).toEqual([]);
    const clash = await call('rename_locations', {
      file: 'ledger/core.py',
      line: 7,
      column: 5,
      newName: 'shadow_local',
    });
    expect(clash.collisions).toEqual([
      expect.objectContaining({
        file: 'ledger/core.py',
        line: 21,
        column: 5,
        name: 'shadow_local',
      }),
    ]);
  });

  it('answers incoming and outgoing call hierarchy', async () => {
    const incoming = await call('call_hierarchy', {
      file: 'ledger/core.py',
      line: 7,
      column: 5,
      direction: 'incoming',
    });
    expect(incoming.calls).toContainEqual(
      expect.objectContaining({ file: 'ledger/direct.py', line: 5, column: 12, callerName: 'run' }),
    );
    const outgoing = await call('call_hierarchy', {
      file: 'ledger/core.py',
      line: 26,
      column: 5,
      direction: 'outgoing',
    });
    expect((outgoing.calls as Array<{ name: string }>).map((c) => c.name)).toEqual([
      'post_entry',
      'len',
    ]);
  });

  it('reports async functions, blocking calls and unawaited calls', async () => {
    const result = await call('async_analysis', { file: 'app/jobs.py' });
    const [file] = result.files as Array<{
      file: string;
      asyncFunctions: Array<{ name: string; blockingCalls: Array<{ call: string }> }>;
      syncCallers: Array<{ name: string }>;
    }>;
    expect(file?.asyncFunctions.map((f) => f.name)).toEqual(['fetch', 'process']);
    expect(file?.asyncFunctions[0]?.blockingCalls.map((c) => c.call)).toEqual([
      'time.sleep',
      'requests.get',
    ]);
    expect(file?.syncCallers.map((f) => f.name)).toEqual(['legacy']);
  });

  it('turns a path outside the root into a tool error and keeps serving', async () => {
    const text = await callError('symbols', { file: '../../etc/passwd.py' });
    expect(JSON.parse(text)).toMatchObject({ code: 'PATH_OUTSIDE_WORKSPACE' });
    expect(text).not.toContain('    at ');
    expect(
      JSON.parse(await callError('references', { file: 'README.md', line: 1, column: 1 })),
    ).toMatchObject({ code: 'BAD_INPUT' });
    const bad = JSON.parse(
      await callError('rename_locations', {
        file: 'ledger/core.py',
        line: 7,
        column: 5,
        newName: 'class',
      }),
    );
    expect(bad).toMatchObject({ code: 'INVALID_IDENTIFIER', data: { name: 'class' } });
    expect((await call('symbols', { file: 'ledger/direct.py' })).file).toBe('ledger/direct.py');
  });

  it('leaves no pyright process behind when the client closes', async () => {
    const serverPid = transport.pid;
    expect(serverPid).not.toBeNull();
    const pyright = pyrightChildrenOf(serverPid ?? -1);
    expect(pyright).toHaveLength(1);
    await client.close();
    expect(await waitUntil(() => !isAlive(serverPid ?? -1), 10_000)).toBe(true);
    expect(await waitUntil(() => pyright.every((pid) => !isAlive(pid)), 10_000)).toBe(true);
  });
});
