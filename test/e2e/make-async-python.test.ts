import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RepoSnapshot } from '../fixtures/git/snapshot-repo.js';
import {
  type CliResult,
  createExampleRepo,
  type ExampleRepo,
  runCli,
} from '../helpers/fixture-repo.js';

const run = promisify(execFile);
const COMMAND = 'Refactor the risk management module to use async patterns';

interface RunJson {
  success: boolean;
  branch: string;
  commit: string;
  phases: Array<{ phase: string; success: boolean; data?: { pythonImports?: string[] } }>;
}

describe(`run "${COMMAND}" on the risk-py example`, () => {
  let repo: ExampleRepo;
  let checkoutBefore: Record<string, string>;
  let result: CliResult;
  let json: RunJson;

  beforeAll(async () => {
    repo = await createExampleRepo({ example: 'risk-py' });
    checkoutBefore = await repo.checkoutSnapshot();
    result = await runCli(['run', COMMAND, '--workspace', repo.dir, '--json']);
    json = JSON.parse(result.stdout) as RunJson;
  }, 240_000);

  afterAll(() => repo?.cleanup());

  it("succeeds through all seven phases, the repo's tests green, on a new branch; the checkout untouched", async () => {
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
    expect(json.branch).toBe('mcp-orchestrator/refactor-the-risk-management-module-to-use-async');
    expect((await repo.git(['rev-parse', json.branch])).trim()).toBe(json.commit);
    expect(await repo.checkoutSnapshot()).toEqual(checkoutBefore);
    // REVIEW imported the changed modules in the worktree through the pyrepl server.
    const review = json.phases.find((p) => p.phase === 'review');
    expect(review?.data?.pythonImports).toContain('risk.management');
  });

  it('converts the blocking functions and their callers, rewrites the blocking calls, keeps the pure function sync', async () => {
    const management = await repo.show(json.branch, 'risk/management.py');
    for (const name of [
      'load_positions',
      'fetch_price',
      'read_closes',
      'exposure',
      'check_limits',
    ]) {
      expect(management).toContain(`async def ${name}(`);
    }
    expect(management).toContain('def value_at_risk(closes, quantity, confidence=0.95):');
    expect(management).not.toContain('async def value_at_risk');
    expect(management).toContain('await asyncio.sleep(RATE_LIMIT_SECONDS)');
    expect(management).toContain('await asyncio.to_thread(Path(path).read_text, encoding="utf-8")');
    expect(management).toContain('total += quantity * await fetch_price(symbol, prices_dir)');
    expect(management).not.toMatch(/^import time$/m);
    const report = await repo.show(json.branch, 'risk/report.py');
    expect(report).toContain('within = await check_limits(positions_path, prices_dir, limit)');
    expect(report).toContain('    asyncio.run(main())');
    const tests = await repo.show(json.branch, 'tests/test_management.py');
    expect(tests).toContain('class ManagementTest(unittest.IsolatedAsyncioTestCase):');
    expect(tests).toContain(
      '    def test_value_at_risk_is_the_worst_return_times_the_position(self):',
    );
  });

  it("the branch's script still runs from the command line through asyncio.run", async () => {
    const tree = `${repo.dir}-branch`;
    await repo.git(['worktree', 'add', '--detach', tree, json.branch]);
    try {
      const { stdout } = await run(
        'python3',
        ['-m', 'risk.report', 'data/positions.json', 'data/prices', '2000'],
        { cwd: tree },
      );
      expect(stdout).toBe('exposure 1214.00 (within the limit of 2000.00)\n');
    } finally {
      await repo.git(['worktree', 'remove', '--force', tree]);
    }
  });
});

describe('a conversion that reaches a lambda', () => {
  let repo: ExampleRepo;
  let before: RepoSnapshot;
  let result: CliResult;

  beforeAll(async () => {
    repo = await createExampleRepo({
      example: 'risk-py',
      files: {
        'risk/ranking.py': [
          '"""Symbols ranked by price."""',
          'from risk import management',
          '',
          '',
          'def by_price(symbols, prices_dir):',
          '    return sorted(symbols, key=lambda symbol: management.fetch_price(symbol, prices_dir))',
          '',
        ].join('\n'),
      },
    });
    before = await repo.snapshot();
    result = await runCli(['run', COMMAND, '--workspace', repo.dir]);
  }, 240_000);

  afterAll(() => repo?.cleanup());

  it('is refused in LOGIC with exit 2, naming the chain and the line, and leaves the repo byte-identical', async () => {
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('error [TRANSFORM_REFUSED]');
    expect(result.stderr).toContain(
      'fetch_price ← by_price (callback, risk/ranking.py:6: called inside a lambda',
    );
    expect(await repo.snapshot()).toEqual(before);
  });
});
