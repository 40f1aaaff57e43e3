import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRipgrepServer,
  type RipgrepServer,
} from '../../../src/servers/ripgrep/create-ripgrep-server.js';
import { MAX_LINE_TEXT_LENGTH } from '../../../src/servers/shared/clip-line-text.js';
import { connectInMemory, type InMemoryClient } from './connect-in-memory.js';

interface Match {
  file: string;
  line: number;
  column: number;
  length: number;
  text: string;
  lineText: string;
  clipped?: { lineStart: number; lineLength: number };
}

function writeFiles(root: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
}

const LONG_LINE = `${'x'.repeat(5_000_000)}NEEDLE${'y'.repeat(5_000_000)}`;

describe('ripgrep server: what it refuses to read and how it cuts replies', () => {
  let outside: string;
  let root: string;
  const servers: RipgrepServer[] = [];
  let rg: InMemoryClient;

  async function start(options: { maxReplyBytes?: number } = {}): Promise<InMemoryClient> {
    const server = createRipgrepServer({ root, ...options });
    servers.push(server);
    return connectInMemory(server.server);
  }

  beforeAll(async () => {
    outside = realpathSync(mkdtempSync(path.join(tmpdir(), 'rg-outside-')));
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'rg-trust-')));
    writeFiles(outside, { 'secret.txt': 'TOPSECRET file\n', 'secretdir/s.txt': 'TOPSECRET dir\n' });
    writeFiles(root, {
      'src/a.ts': 'const inside = "findme";\n',
      'sub/keep.txt': 'findme\n',
      '.git/config': '[core] findme\n',
      '.mcp-orchestrator/cache.txt': 'findme\n',
      'min.js': `${LONG_LINE}\n`,
      'many.txt': 'hit\n'.repeat(200),
    });
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'pw.txt'));
    symlinkSync('/etc/passwd', path.join(root, 'passwd'));
    symlinkSync(path.join(outside, 'secretdir'), path.join(root, 'outdir'));
    symlinkSync('src', path.join(root, 'inlink'));
    symlinkSync('.git', path.join(root, 'gitlink'));
    rg = await start();
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('refuses a search path that is a link to a file outside the workspace', async () => {
    for (const link of ['pw.txt', 'passwd']) {
      const error = await rg.callError('search', { pattern: '.', path: link });
      expect(error.code).toBe('PATH_OUTSIDE_WORKSPACE');
      expect(error.message).toContain(JSON.stringify(link));
      expect(error.message).not.toMatch(/root:x|TOPSECRET/);
    }
  });

  it('refuses a link to a folder outside, and no search or listing returns outside text', async () => {
    const error = await rg.callError('search', { pattern: 'TOPSECRET', path: 'outdir' });
    expect(error.code).toBe('PATH_OUTSIDE_WORKSPACE');
    const everywhere = await rg.call('search', { pattern: 'TOPSECRET|root:' });
    expect(everywhere.matches).toEqual([]);
    const { files } = (await rg.call('files', {})) as { files: string[] };
    expect(files).not.toContain('pw.txt');
    expect(files.some((file) => file.startsWith('outdir/'))).toBe(false);
  });

  it('searches through a link that stays inside the workspace', async () => {
    const result = await rg.call('search', { pattern: 'findme', path: 'inlink' });
    expect((result.matches as Match[]).map((m) => m.file)).toEqual(['inlink/a.ts']);
  });

  it('refuses .git and .mcp-orchestrator as search paths, however they are spelled', async () => {
    const spellings = [
      '.git',
      '.git/config',
      './.git/',
      'sub/../.git',
      `${root}/.git`,
      'gitlink',
      'gitlink/config',
      '.mcp-orchestrator',
      '.mcp-orchestrator/cache.txt',
    ];
    for (const spelling of spellings) {
      const error = await rg.callError('search', { pattern: 'findme', path: spelling });
      expect(error.code, spelling).toBe('UNSAFE_PATH');
      expect(error.message).toContain(JSON.stringify(spelling));
    }
  });

  it('refuses globs that name .git or .mcp-orchestrator, in search and in files', async () => {
    for (const glob of ['.git/**', '**/.git/*', '{src,.git}/**', '.mcp-orchestrator/**']) {
      for (const tool of ['search', 'files']) {
        const error = await rg.callError(tool, { pattern: 'findme', globs: [glob] });
        expect(error.code, `${tool} ${glob}`).toBe('UNSAFE_PATH');
        expect(error.message).toContain(JSON.stringify(glob));
      }
    }
    const excluded = await rg.call('search', { pattern: 'findme', globs: ['!.git/**'] });
    expect((excluded.matches as Match[]).map((m) => m.file)).toEqual(['src/a.ts', 'sub/keep.txt']);
  });

  it('cuts a reply over the byte cap and says how many matches it dropped', async () => {
    const capped = await start({ maxReplyBytes: 4096 });
    const result = await capped.call('search', { pattern: 'hit', path: 'many.txt' });
    const matches = result.matches as Match[];
    const cut = result.replyCut as { maxReplyBytes: number; dropped: { matches: number } };
    expect(result.truncated).toBe(true);
    expect(cut.maxReplyBytes).toBe(4096);
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.length + cut.dropped.matches).toBe(200);
    expect(matches.map((m) => m.line)).toEqual(matches.map((_, index) => index + 1));
    expect(await capped.replyBytes('search', { pattern: 'hit', path: 'many.txt' })).toBeLessThan(
      4096,
    );
  });

  it('returns a window of a 10 MB line around the match, not the whole line', async () => {
    const result = await rg.call('search', { pattern: 'NEEDLE', path: 'min.js' });
    const [match] = result.matches as Match[];
    expect(match).toMatchObject({ line: 1, column: 5_000_001, length: 6, text: 'NEEDLE' });
    expect(match?.lineText.length).toBe(MAX_LINE_TEXT_LENGTH);
    expect(match?.clipped?.lineLength).toBe(LONG_LINE.length);
    const offset = (match?.column ?? 0) - (match?.clipped?.lineStart ?? 0);
    expect(match?.lineText.slice(offset, offset + 6)).toBe('NEEDLE');
    expect(await rg.replyBytes('search', { pattern: 'NEEDLE', path: 'min.js' })).toBeLessThan(
      3 * MAX_LINE_TEXT_LENGTH,
    );
  });
});
