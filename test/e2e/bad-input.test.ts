import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExampleRepo, type ExampleRepo, runCli } from '../helpers/fixture-repo.js';

describe('bad input exits 2 with a message that names the problem', () => {
  let repo: ExampleRepo;
  beforeAll(async () => {
    repo = await createExampleRepo({
      example: 'ledger-py',
      files: {
        'extra/a.py': 'def helper(x):\n    return x\n',
        'extra/b.py': 'def helper(y):\n    return y * 2\n',
        // Mentioned in words only: no declaration of entry_point exists.
        'extra/NOTES.md': 'The entry_point of the ledger is post_entry.\n',
      },
    });
  });
  afterAll(() => repo?.cleanup());

  it('lists the supported command forms for an unintelligible command', async () => {
    const result = await runCli(['run', 'make everything faster', '--workspace', repo.dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Could not understand the command');
    expect(result.stderr).toContain('rename <old> to <new>');
  });

  it('refuses a name no tracked file mentions before any server starts, with close matches', async () => {
    const result = await runCli([
      'run',
      'rename post_entri to record_entry',
      '--workspace',
      repo.dir,
      '--dry-run',
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('No symbol named "post_entri"');
    expect(result.stderr).toContain('"post_entry"');
    // Refused before the run: no phases, and no run folder left behind.
    expect(JSON.parse(result.stdout)).toEqual({
      success: false,
      error: {
        code: 'SYMBOL_NOT_FOUND',
        message: expect.stringContaining('Did you mean "post_entry"'),
        data: { symbol: 'post_entri', suggestions: ['post_entry'] },
      },
    });
    expect(existsSync(path.join(repo.dir, '.mcp-orchestrator', 'runs'))).toBe(false);
  });

  it('names a symbol that is mentioned but declared nowhere as soon as the declaration search answers', async () => {
    const result = await runCli([
      'run',
      'rename function entry_point to main_entry',
      '--workspace',
      repo.dir,
      '--dry-run',
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('No function named "entry_point"');
    // MAP stopped there: no LOGIC (no language server asked to resolve it).
    const { phases } = JSON.parse(result.stdout) as {
      phases: Array<{ phase: string; success: boolean; error?: { code: string } }>;
    };
    expect(phases.map((p) => [p.phase, p.success, p.error?.code])).toEqual([
      ['map', false, 'SYMBOL_NOT_FOUND'],
    ]);
  });

  it('lists the candidates of an ambiguous symbol as file:line', async () => {
    // Peers (two module-level functions): the module-level preference does not apply.
    const result = await runCli([
      'run',
      'rename helper to assist',
      '--workspace',
      repo.dir,
      '--dry-run',
    ]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('extra/a.py:1');
    expect(result.stderr).toContain('extra/b.py:1');
    // A ready-to-paste command per candidate, each one the parser reads as that symbol alone.
    expect(result.stderr).toContain(
      'Name one of them (ready to paste):\n  extra/a.py:1 (function)\n',
    );
    const pasted = [
      ...result.stderr.matchAll(/^ {4}mcp-orchestrator run '(.+)' --workspace (\S+) --dry-run$/gm),
    ];
    expect(pasted.map((m) => [m[1], m[2]])).toEqual([
      ['rename function `helper` to assist in `extra/a.py`', repo.dir],
      ['rename function `helper` to assist in `extra/b.py`', repo.dir],
    ]);
    const parsed = await Promise.all(
      pasted.map((m) => runCli(['parse', m[1] as string, '--json'])),
    );
    expect(parsed.map((p) => (JSON.parse(p.stdout) as { intent: unknown }).intent)).toEqual(
      ['extra/a.py', 'extra/b.py'].map((scope) => ({
        kind: 'rename',
        from: 'helper',
        to: 'assist',
        symbolKind: 'function',
        scope,
      })),
    );
  });

  it('refuses a new name that is a keyword or collides with a name in scope', async () => {
    const keyword = await runCli([
      'run',
      'rename function post_entry to class',
      '--workspace',
      repo.dir,
      '--dry-run',
    ]);
    expect(keyword.code, keyword.stderr).toBe(2);
    expect(keyword.stderr).toContain('INVALID_IDENTIFIER');
    const collision = await runCli([
      'run',
      'rename function post_entry to post_entry_count',
      '--workspace',
      repo.dir,
      '--dry-run',
    ]);
    expect(collision.code, collision.stderr).toBe(2);
    expect(collision.stderr).toContain('NAME_COLLISION');
    expect(collision.stderr).toContain('ledger/core.py');
  });

  it('refuses a folder that is not a git repository', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mcpo-not-git-'));
    try {
      const result = await runCli(['run', 'rename a to b', '--workspace', dir]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`No git repository at ${dir}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses uncommitted changes, naming the file; with --allow-dirty, only in files the rename edits', async () => {
    const dirty = await createExampleRepo({ example: 'ledger-py' });
    const run = (...flags: string[]) =>
      runCli([
        'run',
        'rename function post_entry to record_entry',
        '--workspace',
        dirty.dir,
        ...flags,
      ]);
    try {
      writeFileSync(path.join(dirty.dir, 'ledger', 'reports.py'), '# local edit\n', { flag: 'a' });
      const refused = await run();
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('uncommitted changes (ledger/reports.py)');
      const overlapping = await run('--allow-dirty', '--dry-run');
      expect(overlapping.code, overlapping.stderr).toBe(2);
      expect(overlapping.stderr).toContain(
        'The rename change would edit a file with uncommitted changes: ledger/reports.py',
      );
      await dirty.git(['checkout', '--', 'ledger/reports.py']);
      writeFileSync(path.join(dirty.dir, 'README.md'), 'local notes\n', { flag: 'a' });
      const allowed = await run('--allow-dirty', '--dry-run');
      expect(allowed.code, allowed.stderr).toBe(0);
    } finally {
      await dirty.cleanup();
    }
  });

  it('names the server and field of a bad .mcp.json', async () => {
    const bad = await createExampleRepo({
      example: 'ledger-py',
      files: { '.mcp.json': '{"mcpServers": {"broken": {"args": ["x"]}}}' },
    });
    try {
      const result = await runCli([
        'run',
        'rename post_entry to record_entry',
        '--workspace',
        bad.dir,
        '--dry-run',
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('MCP_CONFIG_INVALID');
      expect(result.stderr).toContain('broken');
    } finally {
      await bad.cleanup();
    }
  });

  it('names a bad environment setting', async () => {
    const result = await runCli(
      ['run', 'rename post_entry to record_entry', '--workspace', repo.dir],
      {
        env: { CLAUDE_CODE_PARALLELISM: 'lots' },
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('CLAUDE_CODE_PARALLELISM="lots" is not valid');
  });
});
