import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRunStats } from '../../src/telemetry/run-stats.js';
import type { RepoSnapshot } from '../fixtures/git/snapshot-repo.js';
import { createExampleRepo, type ExampleRepo, runCli } from '../helpers/fixture-repo.js';
import { SEVEN_PHASES } from '../helpers/transform-e2e.js';

interface RunJson {
  success: boolean;
  branch: string;
  commit: string;
  phases: Array<{ phase: string; success: boolean; tokenCount: number }>;
  runDir: string;
  prediction: {
    model: string;
    testDurationMs: { predicted: number | null; actual: number | null };
    memoryPeakMb: { actual: number };
  };
}

describe('run "rename function post_entry to record_entry" on the ledger-py example', () => {
  let repo: ExampleRepo;
  let before: RepoSnapshot;
  let checkoutBefore: Record<string, string>;
  let result: { code: number | null; stdout: string; stderr: string };
  let json: RunJson;
  let prPath: string;

  beforeAll(async () => {
    repo = await createExampleRepo({ example: 'ledger-py' });
    before = await repo.snapshot();
    checkoutBefore = await repo.checkoutSnapshot();
    prPath = `${repo.dir}-pr.json`;
    result = await runCli([
      'run',
      'rename function post_entry to record_entry',
      '--workspace',
      repo.dir,
      '--json',
      '--output',
      prPath,
    ]);
    json = JSON.parse(result.stdout) as RunJson;
  }, 240_000);

  afterAll(() => repo?.cleanup());

  it('succeeds through all seven phases and commits on a new branch', async () => {
    expect(result.code, result.stderr).toBe(0);
    expect(json.success).toBe(true);
    expect(json.phases.map((p) => p.phase)).toEqual(SEVEN_PHASES);
    expect(json.phases.every((p) => p.success && p.tokenCount > 0)).toBe(true);
    expect(json.branch).toBe('mcp-orchestrator/rename-function-post-entry-to-record-entry');
    expect((await repo.git(['rev-parse', json.branch])).trim()).toBe(json.commit);
  });

  it('renames the function, its re-export, __all__, the module-qualified call, the aliased import and the tests', async () => {
    expect(await repo.show(json.branch, 'ledger/__init__.py')).toBe(
      '"""A tiny double-entry ledger."""\nfrom ledger.core import Ledger, record_entry\n\n__all__ = ["Ledger", "record_entry"]\n',
    );
    expect(await repo.show(json.branch, 'ledger/core.py')).toContain(
      'def record_entry(ledger, debit, credit, amount):',
    );
    const reports = await repo.show(json.branch, 'ledger/reports.py');
    expect(reports).toContain('core.record_entry(ledger, "equity", account, amount)');
    expect(reports).toContain('from ledger.core import record_entry as post');
    const tests = await repo.show(json.branch, 'tests/test_ledger.py');
    expect(tests).toContain('from ledger import Ledger, record_entry');
    expect(tests.match(/record_entry\(Ledger\(\)/g)).toHaveLength(2);
  });

  it('leaves the same-named method, the shadowing parameter, longer names, strings and comments alone', async () => {
    const core = await repo.show(json.branch, 'ledger/core.py');
    expect(core).toContain('    def post_entry(self, account, amount):');
    expect(core).toContain('ledger.post_entry(debit, -amount)');
    expect(core).toContain('(see post_entry in the docs)');
    expect(core).toContain('"post_entry needs a positive amount"');
    expect(core).toContain('def post_entry_count(entries):');
    const reports = await repo.show(json.branch, 'ledger/reports.py');
    expect(reports).toContain('def replay(entries, post_entry=None):');
    expect(reports).toContain('handler = post_entry or');
    const tests = await repo.show(json.branch, 'tests/test_ledger.py');
    expect(tests).toContain('def test_post_entry_moves_money(self):');
    expect(tests).toContain('replay([1, 2], post_entry=lambda e: e * 2)');
  });

  it('leaves the checkout untouched, adds only the branch, and removes the worktree', async () => {
    expect(await repo.checkoutSnapshot()).toEqual(checkoutBefore);
    const after = await repo.snapshot();
    expect(after.refs).not.toBe(before.refs);
    expect(after.refs).toContain(`refs/heads/${json.branch}`);
    expect(after.worktrees).toBe(before.worktrees);
  });

  it('writes plan.json, result.json, diff.patch, trace.jsonl, context packs and pr.json', async () => {
    for (const file of [
      'plan.json',
      'result.json',
      'diff.patch',
      'trace.jsonl',
      'pr.json',
      'context/logic.txt',
    ]) {
      expect(existsSync(path.join(json.runDir, file)), file).toBe(true);
    }
    const pr = JSON.parse(await readFile(prPath, 'utf8')) as { body: string };
    expect(pr.body).toContain('- function `post_entry` at `ledger/core.py:');
    expect(pr.body).toMatch(/## Left alone \(\d+\)/);
    expect(pr.body).toMatch(/- `ledger\/core\.py:\d+:\d+` other-symbol: method /);
    expect(pr.body).toContain('✅ Compile check: type check (pyright)');
    expect((await repo.git(['check-ignore', '.mcp-orchestrator/runs'])).trim()).toBe(
      '.mcp-orchestrator/runs',
    );
  });

  it('stores the run in the history with the prediction of OPTIMIZE beside the measured test time', async () => {
    expect(json.prediction.model).toBe('rules');
    expect(json.prediction.testDurationMs.predicted).toBeNull();
    expect(json.prediction.testDurationMs.actual).toBeGreaterThan(0);
    expect(json.prediction.memoryPeakMb.actual).toBeGreaterThan(0);
    const stats = await loadRunStats(path.join(repo.dir, '.mcp-orchestrator', 'history.duckdb'));
    expect(stats.runs).toBe(1);
    expect(stats.successRate).toBe(1);
    expect(stats.phases.map((p) => p.phase)).toContain('review');
    expect(stats.predictionError).toBeNull();
  });
});
