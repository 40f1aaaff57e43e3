import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  getDefaultEnvironment,
  StdioClientTransport,
} from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTsFixture,
  type TsFixture,
} from '../../fixtures/lang-typescript/create-ts-fixture.js';

const serverMain = fileURLToPath(
  new URL('../../../dist/servers/dependency-graph/main.js', import.meta.url),
);

const TS_FILES: Record<string, string> = {
  'src/users.ts': [
    'export function getUser(id: number) {',
    '  return { id };',
    '}',
    'export function fetchUser() {}',
    '',
  ].join('\n'),
  'src/service.ts': [
    "import { getUser } from './users';",
    'export function load(id: number) {',
    '  return getUser(id);',
    '}',
    '',
  ].join('\n'),
  'src/app.ts': "import { load } from './service';\nload(1);\n",
  'test/users.test.ts': "import { getUser } from '../src/users';\ngetUser(2);\n",
};

interface Connection {
  client: Client;
  transport: StdioClientTransport;
}

async function connect(root: string): Promise<Connection> {
  if (!existsSync(serverMain)) {
    throw new Error(`${serverMain} is missing. Build first: npx tsc -p tsconfig.build.json`);
  }
  const client = new Client({ name: 'dependency-graph-test', version: '0.0.0' });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [serverMain, '--root', root],
    env: { ...getDefaultEnvironment() },
    stderr: 'pipe',
  });
  await client.connect(transport);
  return { client, transport };
}

async function call(client: Client, name: string, args: Record<string, unknown>) {
  const result = await client.callTool({ name, arguments: args });
  expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
  return result.structuredContent as Record<string, unknown>;
}

async function callError(client: Client, name: string, args: Record<string, unknown>) {
  const result = await client.callTool({ name, arguments: args });
  expect(result.isError).toBe(true);
  const [first] = result.content as Array<{ type: string; text: string }>;
  return first?.text ?? '';
}

/** Command lines of the direct children of `pid` (Linux /proc). */
function childCommandLines(pid: number): string[] {
  const lines: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) lines.push(readFileSync(`/proc/${entry}/cmdline`, 'utf8'));
    } catch {
      // The process ended while we looked.
    }
  }
  return lines;
}

describe('dependency_graph MCP server over stdio (TypeScript workspace)', () => {
  let fixture: TsFixture;
  let connection: Connection;
  const at = (file: string, needle: string, occurrence = 1): Record<string, unknown> => ({
    ...fixture.positionOf(file, needle, { occurrence }),
  });

  beforeAll(async () => {
    fixture = await createTsFixture(TS_FILES);
    connection = await connect(fixture.root);
  });
  afterAll(async () => {
    await connection?.client.close();
    await fixture?.cleanup();
  });

  it('lists the generic queries, the one transform tool and the change notice', async () => {
    const { tools } = await connection.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'classify_positions',
      'compute_edits',
      'diagnostics',
      'find_callers',
      'find_definitions',
      'find_importers',
      'find_references',
      'import_graph',
      'notify_files_changed',
    ]);
  });

  it('finds definitions by exact name', async () => {
    const result = await call(connection.client, 'find_definitions', { name: 'getUser' });
    expect(result).toEqual({
      definitions: [
        {
          file: 'src/users.ts',
          line: 1,
          column: 17,
          name: 'getUser',
          kind: 'function',
          language: 'typescript',
        },
      ],
    });
  });

  it('finds references across source and test files', async () => {
    const result = await call(connection.client, 'find_references', at('src/users.ts', 'getUser'));
    const references = result.references as Array<{ file: string; line: number }>;
    expect(references.map((r) => `${r.file}:${r.line}`)).toEqual([
      'src/service.ts:1',
      'src/service.ts:3',
      'src/users.ts:1',
      'test/users.test.ts:1',
      'test/users.test.ts:2',
    ]);
  });

  it('returns rename edits with the old text and reason of each range', async () => {
    const result = await call(connection.client, 'compute_edits', {
      transform: 'rename',
      ...at('src/users.ts', 'getUser'),
      args: { newName: 'readUser' },
    });
    const changes = result.changes as Array<{
      file: string;
      edits: Array<Record<string, unknown>>;
    }>;
    expect(changes.map((c) => c.file)).toEqual([
      'src/service.ts',
      'src/users.ts',
      'test/users.test.ts',
    ]);
    const edits = changes.flatMap((c) => c.edits);
    expect(edits).toHaveLength(5);
    expect(edits[0]).toEqual({
      start: [1, 10],
      end: [1, 17],
      oldText: 'getUser',
      newText: 'readUser',
      reason: 'import',
    });
    expect(edits.every((e) => e.oldText === 'getUser' && e.newText === 'readUser')).toBe(true);
    expect((result.facts as { collisions: unknown[] }).collisions).toEqual([]);
  });

  it('reports a collision and no edits, and accepts a free name', async () => {
    const clash = await call(connection.client, 'compute_edits', {
      transform: 'rename',
      ...at('src/users.ts', 'getUser'),
      args: { newName: 'fetchUser' },
    });
    expect(clash.changes).toEqual([]);
    expect((clash.facts as { collisions: unknown[] }).collisions).toEqual([
      expect.objectContaining({ file: 'src/users.ts', line: 4, column: 17, name: 'fetchUser' }),
    ]);
  });

  it('refuses an unknown transform and args its schema rejects, naming them', async () => {
    const unknown = await callError(connection.client, 'compute_edits', {
      transform: 'teleport',
      ...at('src/users.ts', 'getUser'),
      args: {},
    });
    expect(JSON.parse(unknown)).toMatchObject({ code: 'BAD_INPUT' });
    expect(unknown).toContain('No transform \\"teleport\\"');
    const badArgs = await callError(connection.client, 'compute_edits', {
      transform: 'rename',
      ...at('src/users.ts', 'getUser'),
      args: { newName: 7 },
    });
    expect(badArgs).toContain('args.newName');
  });

  it('classifies positions: comment, string, code with its declaration, or text', async () => {
    const result = await call(connection.client, 'classify_positions', {
      positions: [at('src/service.ts', 'getUser'), { file: 'README.md', line: 1, column: 1 }],
    });
    expect(result.positions).toEqual([
      expect.objectContaining({
        file: 'src/service.ts',
        kind: 'code',
        declaration: expect.objectContaining({ file: 'src/users.ts', line: 1, name: 'getUser' }),
      }),
      { file: 'README.md', line: 1, column: 1, kind: 'text' },
    ]);
  });

  it('lists callers with the calling function', async () => {
    const result = await call(connection.client, 'find_callers', at('src/users.ts', 'getUser'));
    expect(result.callers).toEqual([
      {
        file: 'src/service.ts',
        line: 3,
        column: 10,
        callerName: 'load',
        callerFile: 'src/service.ts',
        callerLine: 2,
      },
      {
        file: 'test/users.test.ts',
        line: 2,
        column: 1,
        callerName: '<module>',
        callerFile: 'test/users.test.ts',
        callerLine: 1,
      },
    ]);
  });

  it('returns the import graph and direct or transitive importers', async () => {
    const graph = await call(connection.client, 'import_graph', {});
    expect(graph.edges).toEqual([
      { from: 'src/app.ts', to: 'src/service.ts', names: ['load'] },
      { from: 'src/service.ts', to: 'src/users.ts', names: ['getUser'] },
      { from: 'test/users.test.ts', to: 'src/users.ts', names: ['getUser'] },
    ]);
    const direct = await call(connection.client, 'find_importers', { file: 'src/users.ts' });
    expect(direct).toEqual({ importers: ['src/service.ts', 'test/users.test.ts'] });
    const transitive = await call(connection.client, 'find_importers', {
      file: 'src/users.ts',
      transitive: true,
    });
    expect(transitive).toEqual({
      importers: ['src/app.ts', 'src/service.ts', 'test/users.test.ts'],
    });
  });

  it('answers a path outside the workspace with a tool error and keeps serving', async () => {
    const text = await callError(connection.client, 'find_references', {
      file: '../outside.ts',
      line: 1,
      column: 1,
    });
    expect(JSON.parse(text).code).toBe('PATH_OUTSIDE_WORKSPACE');
    const again = await call(connection.client, 'find_definitions', { name: 'load' });
    expect((again.definitions as unknown[]).length).toBe(1);
  });

  it('answers bad input and an invalid new name with tool errors', async () => {
    const badLine = await callError(connection.client, 'find_callers', {
      file: 'src/users.ts',
      line: 0,
      column: 1,
    });
    expect(badLine).toMatch(/line/i);
    await callError(connection.client, 'compute_edits', { file: 'src/users.ts', line: 1 });
    const invalid = await callError(connection.client, 'compute_edits', {
      transform: 'rename',
      ...at('src/users.ts', 'getUser'),
      args: { newName: 'class' },
    });
    expect(JSON.parse(invalid).code).toBe('INVALID_IDENTIFIER');
    const notFound = await callError(connection.client, 'find_references', {
      file: 'src/missing.ts',
      line: 1,
      column: 1,
    });
    expect(JSON.parse(notFound).code).toBe('BAD_INPUT');
  });

  it('does not start pyright in a workspace without Python files', () => {
    const pid = connection.transport.pid;
    expect(pid).not.toBeNull();
    expect(childCommandLines(pid as number).filter((c) => c.includes('pyright'))).toEqual([]);
  });
});

describe('dependency_graph MCP server over stdio (TypeScript and Python workspace)', () => {
  let fixture: TsFixture;
  let connection: Connection;

  beforeAll(async () => {
    fixture = await createTsFixture({
      'ledger/__init__.py': '',
      'ledger/core.py': 'def post_entry(amount):\n    return amount\n',
      'ledger/app.py': 'from ledger.core import post_entry\n\nprint(post_entry(1))\n',
      'web/post.ts': 'export function post_entry(): number {\n  return 1;\n}\n',
    });
    connection = await connect(fixture.root);
  });
  afterAll(async () => {
    await connection?.client.close();
    await fixture?.cleanup();
  });

  it('finds definitions in both languages when no language is given', async () => {
    const result = await call(connection.client, 'find_definitions', { name: 'post_entry' });
    const definitions = result.definitions as Array<{ file: string; language: string }>;
    expect(definitions.map((d) => [d.file, d.language])).toEqual([
      ['ledger/core.py', 'python'],
      ['web/post.ts', 'typescript'],
    ]);
  });

  it('sends a rename in a .py file to the Python adapter', async () => {
    const result = await call(connection.client, 'compute_edits', {
      transform: 'rename',
      ...fixture.positionOf('ledger/core.py', 'post_entry'),
      args: { newName: 'record_entry' },
    });
    const changes = result.changes as Array<{
      file: string;
      edits: Array<{ start: number[]; oldText: string }>;
    }>;
    const edits = changes.flatMap((c) =>
      c.edits.map((e) => ({ file: c.file, line: e.start[0], oldText: e.oldText })),
    );
    expect(edits.map((e) => `${e.file}:${e.line}:${e.oldText}`)).toEqual([
      'ledger/app.py:1:post_entry',
      'ledger/app.py:3:post_entry',
      'ledger/core.py:1:post_entry',
    ]);
  });

  it('merges the import graphs of both languages and finds importers of a .py file', async () => {
    const graph = await call(connection.client, 'import_graph', {});
    const edges = graph.edges as Array<{ from: string; to: string }>;
    expect(edges.map((e) => `${e.from} -> ${e.to}`)).toContain('ledger/app.py -> ledger/core.py');
    const importers = await call(connection.client, 'find_importers', { file: 'ledger/core.py' });
    expect(importers).toEqual({ importers: ['ledger/app.py'] });
  });
});
