import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureRepo, type FixtureRepo, git, runCli } from '../helpers/fixture-repo.js';

describe('run "rename function post_entry to record_entry" on the ledger-py example', () => {
  let repo: FixtureRepo;
  let before: string;
  let checkoutBefore: string;
  let result: { code: number | null; stdout: string; stderr: string };
  let json: {
    success: boolean;
    branch: string;
    commit: string;
    phases: Array<{ phase: string; success: boolean; tokenCount: number }>;
    runDir: string;
  };

  beforeAll(async () => {
    repo = createFixtureRepo({ example: 'ledger-py' });
    before = repo.fingerprint();
    checkoutBefore = repo.checkoutFingerprint();
    result = await runCli([
      'run',
      'rename function post_entry to record_entry',
      '--workspace',
      repo.dir,
      '--json',
      '--output',
      path.join(repo.dir, '..', `${path.basename(repo.dir)}-pr.json`),
    ]);
    json = JSON.parse(result.stdout);
  }, 180_000);

  afterAll(() => repo?.remove());

  it('succeeds through all seven phases and commits on a new branch', () => {
    expect(result.code, result.stderr).toBe(0);
    expect(json.success).toBe(true);
    expect(json.phases.map((p) => p.phase)).toEqual([
      'map',
      'logic',
      'monte_carlo',
      'plan',
      'optimize',
      'execute',
      'review',
    ]);
    expect(json.phases.every((p) => p.success && p.tokenCount > 0)).toBe(true);
    expect(json.branch).toBe('mcp-orchestrator/rename-function-post-entry-to-record-entry');
    expect(git(repo.dir, 'rev-parse', json.branch).trim()).toBe(json.commit);
  });

  it('renames the function, its re-export, __all__, the module-qualified call, the aliased import and the tests', () => {
    expect(repo.show(json.branch, 'ledger/__init__.py')).toBe(
      '"""A tiny double-entry ledger."""\nfrom ledger.core import Ledger, record_entry\n\n__all__ = ["Ledger", "record_entry"]\n',
    );
    const core = repo.show(json.branch, 'ledger/core.py');
    expect(core).toContain('def record_entry(ledger, debit, credit, amount):');
    const reports = repo.show(json.branch, 'ledger/reports.py');
    expect(reports).toContain('core.record_entry(ledger, "equity", account, amount)');
    expect(reports).toContain('from ledger.core import record_entry as post');
    const tests = repo.show(json.branch, 'tests/test_ledger.py');
    expect(tests).toContain('from ledger import Ledger, record_entry');
    expect(tests.match(/record_entry\(Ledger\(\)/g)).toHaveLength(2);
  });

  it('leaves the same-named method, the shadowing parameter, longer names, strings and comments alone', () => {
    const core = repo.show(json.branch, 'ledger/core.py');
    expect(core).toContain('    def post_entry(self, account, amount):');
    expect(core).toContain('ledger.post_entry(debit, -amount)');
    expect(core).toContain('(see post_entry in the docs)');
    expect(core).toContain('"post_entry needs a positive amount"');
    expect(core).toContain('def post_entry_count(entries):');
    const reports = repo.show(json.branch, 'ledger/reports.py');
    expect(reports).toContain('def replay(entries, post_entry=None):');
    expect(reports).toContain('handler = post_entry or');
    const tests = repo.show(json.branch, 'tests/test_ledger.py');
    expect(tests).toContain('def test_post_entry_moves_money(self):');
    expect(tests).toContain('replay([1, 2], post_entry=lambda e: e * 2)');
  });

  it('leaves the checkout untouched and the worktree removed', () => {
    expect(repo.checkoutFingerprint()).toBe(checkoutBefore);
    expect(repo.fingerprint()).not.toBe(before);
    const refsNow = git(repo.dir, 'for-each-ref', '--format=%(refname)')
      .split('\n')
      .filter(Boolean);
    expect(refsNow).toEqual(['refs/heads/main', `refs/heads/${json.branch}`]);
    expect(git(repo.dir, 'status', '--porcelain')).toBe('');
    expect(git(repo.dir, 'worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
    expect(repo.read('ledger/core.py')).toContain('def post_entry(ledger, debit, credit, amount):');
  });

  it('writes plan.json, result.json, diff.patch, trace.jsonl and pr.json', () => {
    for (const file of ['plan.json', 'result.json', 'diff.patch', 'trace.jsonl', 'pr.json']) {
      expect(existsSync(path.join(json.runDir, file)), file).toBe(true);
    }
    expect(existsSync(path.join(repo.dir, '..', `${path.basename(repo.dir)}-pr.json`))).toBe(true);
    expect(git(repo.dir, 'check-ignore', '.mcp-orchestrator/runs').trim()).toBe(
      '.mcp-orchestrator/runs',
    );
  });
});
