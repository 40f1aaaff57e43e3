import { execFileSync } from 'node:child_process';
import {
  closeSync,
  constants,
  mkdirSync,
  mkdtempSync,
  openSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  getDefaultEnvironment,
  StdioClientTransport,
} from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const serverMain = fileURLToPath(new URL('../../../dist/servers/ripgrep/main.js', import.meta.url));

interface Match {
  file: string;
  line: number;
  column: number;
  length: number;
  text: string;
  lineText: string;
  before?: string[];
  after?: string[];
}

interface SearchResult {
  matches: Match[];
  truncated: boolean;
  stats: { filesSearched: number; elapsedMs: number };
}

function writeFiles(root: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
}

async function connect(root: string, env: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'ripgrep-test', version: '0.0.0' });
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [serverMain, '--root', root],
      env: { ...getDefaultEnvironment(), ...env },
      stderr: 'pipe',
    }),
  );
  return client;
}

describe('ripgrep MCP server over stdio', () => {
  let root: string;
  let client: Client;

  async function search(args: Record<string, unknown>): Promise<SearchResult> {
    const result = await client.callTool({ name: 'search', arguments: args });
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    return result.structuredContent as unknown as SearchResult;
  }

  beforeAll(async () => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'rg-server-')));
    writeFiles(root, {
      'src/b.ts': 'export function getUser() {}\nconst user = getUser();\n',
      'src/a.ts': 'import { getUser } from "./b";\n// GETUSER in caps\ngetUserName();\n',
      'src/c.py': 'def get_user():\n    return "getUser"\n',
      'docs/x.md': 'héllo getUser wörld\n',
      'ctx.txt': 'one\ntwo\nthree target\nfour\nfive\n',
      'node_modules/dep/index.js': 'getUser();\n',
      '.mcp-orchestrator/cache.txt': 'getUser\n',
      '.git/notes.txt': 'getUser\n',
      '.hidden/tool.ts': 'const tool = 1;\n',
      'a.b/z.ts': 'getUser\n',
      'many.txt': 'hit\n'.repeat(30),
    });
    client = await connect(root);
  });

  afterAll(async () => {
    await client?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('lists its two tools', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['files', 'search']);
  });

  it('finds a literal string with 1-based UTF-16 columns and excludes node_modules and .mcp-orchestrator', async () => {
    const result = await search({ pattern: 'getUser()', literal: true });
    expect(result.matches.map((m) => `${m.file}:${m.line}:${m.column}`)).toEqual([
      'src/b.ts:1:17',
      'src/b.ts:2:14',
    ]);
    expect(result.matches[0]).toMatchObject({
      text: 'getUser()',
      length: 9,
      lineText: 'export function getUser() {}',
    });
    expect(result.truncated).toBe(false);
    expect(result.stats.filesSearched).toBeGreaterThan(3);
  });

  it('counts columns after non-ASCII characters in UTF-16 units', async () => {
    const result = await search({ pattern: 'getUser', path: 'docs' });
    expect(result.matches).toEqual([
      {
        file: 'docs/x.md',
        line: 1,
        column: 7,
        length: 7,
        text: 'getUser',
        lineText: 'héllo getUser wörld',
      },
    ]);
  });

  it('matches a regular expression', async () => {
    const result = await search({ pattern: 'get_?[uU]ser\\b', globs: ['src/**'] });
    expect(result.matches.map((m) => `${m.file}:${m.line}:${m.text}`)).toEqual([
      'src/a.ts:1:getUser',
      'src/b.ts:1:getUser',
      'src/b.ts:2:getUser',
      'src/c.py:1:get_user',
      'src/c.py:2:getUser',
    ]);
  });

  it('matches whole words only when word is set', async () => {
    const result = await search({ pattern: 'getUser', word: true, globs: ['src/*.ts'] });
    expect(result.matches.map((m) => `${m.file}:${m.line}`)).toEqual([
      'src/a.ts:1',
      'src/b.ts:1',
      'src/b.ts:2',
    ]);
  });

  it('filters by globs, including negated globs', async () => {
    const result = await search({ pattern: 'getUser', globs: ['**/*.ts', '!src/b.ts'] });
    expect([...new Set(result.matches.map((m) => m.file))]).toEqual(['a.b/z.ts', 'src/a.ts']);
  });

  it('never searches node_modules or .mcp-orchestrator, even when a glob names them', async () => {
    const result = await search({ pattern: 'getUser', globs: ['**', 'node_modules/**'] });
    expect(result.matches.map((m) => m.file)).not.toContain('node_modules/dep/index.js');
    expect(result.matches.map((m) => m.file)).not.toContain('.mcp-orchestrator/cache.txt');
    expect(result.matches.map((m) => m.file)).not.toContain('.git/notes.txt');
    expect(result.matches.length).toBeGreaterThan(0);
  });

  it('filters by rg file types, and by types and globs together', async () => {
    const result = await search({ pattern: 'getUser', types: ['py'] });
    expect(result.matches.map((m) => m.file)).toEqual(['src/c.py']);
    const both = await search({ pattern: 'getUser', globs: ['src/**'], types: ['ts'] });
    expect([...new Set(both.matches.map((m) => m.file))]).toEqual(['src/a.ts', 'src/b.ts']);
  });

  it('ignores case only when asked', async () => {
    const exact = await search({ pattern: 'GETUSER' });
    expect(exact.matches.map((m) => m.file)).toEqual(['src/a.ts']);
    const folded = await search({ pattern: 'GETUSER', ignoreCase: true, globs: ['src/a.ts'] });
    expect(folded.matches.map((m) => m.line)).toEqual([1, 2, 3]);
  });

  it('returns context lines before and after each match', async () => {
    const result = await search({ pattern: 'target', context: 2 });
    expect(result.matches).toHaveLength(1);
    expect(result.matches[0]).toMatchObject({
      line: 3,
      before: ['one', 'two'],
      after: ['four', 'five'],
    });
  });

  it('stops at maxCount matching lines per file', async () => {
    const result = await search({ pattern: 'hit', maxCount: 4 });
    expect(result.matches.map((m) => m.line)).toEqual([1, 2, 3, 4]);
  });

  it('returns matches in file, line, column order on every run', async () => {
    const runs = await Promise.all([1, 2, 3].map(() => search({ pattern: 'getUser|hit' })));
    const keys = runs.map((run) => run.matches.map((m) => `${m.file}:${m.line}:${m.column}`));
    const sorted = [...(keys[0] ?? [])].sort((a, b) => {
      const [fa = '', la = '', ca = ''] = a.split(':');
      const [fb = '', lb = '', cb = ''] = b.split(':');
      return fa < fb ? -1 : fa > fb ? 1 : Number(la) - Number(lb) || Number(ca) - Number(cb);
    });
    expect(keys[0]).toEqual(sorted);
    expect(keys[1]).toEqual(keys[0]);
    expect(keys[2]).toEqual(keys[0]);
    expect(keys[0]?.[0]).toBe('a.b/z.ts:1:1');
  });

  it('refuses a path outside the workspace with a tool error', async () => {
    const result = await client.callTool({
      name: 'search',
      arguments: { pattern: 'x', path: '../..' },
    });
    expect(result.isError).toBe(true);
    const [content] = result.content as Array<{ text: string }>;
    expect(JSON.parse(content?.text ?? '{}')).toMatchObject({ code: 'PATH_OUTSIDE_WORKSPACE' });
  });

  it('refuses a path that links to /etc/passwd, and never returns its lines', async () => {
    symlinkSync('/etc/passwd', path.join(root, 'pw.txt'));
    try {
      const result = await client.callTool({
        name: 'search',
        arguments: { pattern: 'root', path: 'pw.txt' },
      });
      expect(result.isError).toBe(true);
      const [content] = result.content as Array<{ text: string }>;
      expect(JSON.parse(content?.text ?? '{}')).toMatchObject({
        code: 'PATH_OUTSIDE_WORKSPACE',
        data: { file: 'pw.txt' },
      });
      const everywhere = await search({ pattern: 'root:' });
      expect(everywhere.matches).toEqual([]);
    } finally {
      rmSync(path.join(root, 'pw.txt'));
    }
  });

  it('refuses .git as a search path with an error naming it', async () => {
    const result = await client.callTool({
      name: 'search',
      arguments: { pattern: 'getUser', path: '.git' },
    });
    expect(result.isError).toBe(true);
    const [content] = result.content as Array<{ text: string }>;
    const error = JSON.parse(content?.text ?? '{}') as { code: string; message: string };
    expect(error.code).toBe('UNSAFE_PATH');
    expect(error.message).toContain('".git"');
  });

  it('reports a bad regular expression as a tool error that quotes rg', async () => {
    const result = await client.callTool({ name: 'search', arguments: { pattern: 'fo(' } });
    expect(result.isError).toBe(true);
    const [content] = result.content as Array<{ text: string }>;
    const error = JSON.parse(content?.text ?? '{}') as { code: string; message: string };
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toMatch(/regex parse error/);
  });

  it('lists files sorted, filtered and without excluded folders', async () => {
    const all = await client.callTool({ name: 'files', arguments: {} });
    expect((all.structuredContent as { files: string[] }).files).toEqual([
      '.hidden/tool.ts',
      'a.b/z.ts',
      'ctx.txt',
      'docs/x.md',
      'many.txt',
      'src/a.ts',
      'src/b.ts',
      'src/c.py',
    ]);
    const ts = await client.callTool({
      name: 'files',
      arguments: { globs: ['src/**'], types: ['ts'] },
    });
    expect((ts.structuredContent as { files: string[] }).files).toEqual(['src/a.ts', 'src/b.ts']);
    const typed = await client.callTool({ name: 'files', arguments: { types: ['py'] } });
    expect((typed.structuredContent as { files: string[] }).files).toEqual(['src/c.py']);
  });

  it('says truncated and keeps the first matches by path when the cap is exceeded', async () => {
    const { createRipgrepServer } = await import(
      '../../../src/servers/ripgrep/create-ripgrep-server.js'
    );
    const { InMemoryTransport } = await import('@modelcontextprotocol/sdk/inMemory.js');
    const ripgrep = createRipgrepServer({ root, maxMatches: 5 });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const local = new Client({ name: 'cap-test', version: '0.0.0' });
    await Promise.all([ripgrep.server.connect(serverSide), local.connect(clientSide)]);
    try {
      const result = await local.callTool({
        name: 'search',
        arguments: { pattern: 'getUser|hit' },
      });
      const value = result.structuredContent as unknown as SearchResult;
      expect(value.truncated).toBe(true);
      expect(value.matches.map((m) => `${m.file}:${m.line}`)).toEqual([
        'a.b/z.ts:1',
        'docs/x.md:1',
        'many.txt:1',
        'many.txt:2',
        'many.txt:3',
      ]);
    } finally {
      await local.close();
      await ripgrep.close();
      await ripgrep.close();
    }
  });

  it('kills rg when the request is cancelled', async () => {
    // rg blocks reading a FIFO while we hold its write end open; writing fails with EPIPE only
    // once no process (no rg) holds the read end.
    const fifoDir = realpathSync(mkdtempSync(path.join(tmpdir(), 'rg-fifo-')));
    const fifo = path.join(fifoDir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const fifoClient = await connect(fifoDir);
    // Opening the write end (non-blocking) succeeds only once rg holds the read end; the first
    // write end we get stays open, so rg keeps waiting for data instead of reading end-of-file.
    const openWriter = (): number | undefined => {
      try {
        return openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
      } catch {
        return undefined;
      }
    };
    let writer: number | undefined;
    try {
      const controller = new AbortController();
      const call = fifoClient
        .callTool({ name: 'search', arguments: { pattern: 'x', path: 'pipe' } }, undefined, {
          signal: controller.signal,
        })
        .catch((error: unknown) => error);
      for (let i = 0; i < 400 && writer === undefined; i++) {
        writer = openWriter();
        if (writer === undefined) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(writer).toBeDefined();
      controller.abort();
      expect(await call).toBeInstanceOf(Error);
      const fd = writer as number;
      const readerGone = async (): Promise<boolean> => {
        for (let i = 0; i < 200; i++) {
          try {
            writeSync(fd, 'x');
          } catch (error) {
            return (error as NodeJS.ErrnoException).code === 'EPIPE';
          }
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        return false;
      };
      expect(await readerGone()).toBe(true);
    } finally {
      if (writer !== undefined) closeSync(writer);
      await fifoClient.close();
      rmSync(fifoDir, { recursive: true, force: true });
    }
  });

  it('answers a clear error naming RIPGREP_PATH when the binary is not usable', async () => {
    const bad = await connect(root, { RIPGREP_PATH: path.join(root, 'no-such-rg') });
    try {
      const result = await bad.callTool({ name: 'search', arguments: { pattern: 'x' } });
      expect(result.isError).toBe(true);
      const [content] = result.content as Array<{ text: string }>;
      const error = JSON.parse(content?.text ?? '{}') as { code: string; message: string };
      expect(error.code).toBe('INVALID_SETTING');
      expect(error.message).toContain('RIPGREP_PATH');
      expect(error.message).toContain('no-such-rg');
    } finally {
      await bad.close();
    }
  });
});
