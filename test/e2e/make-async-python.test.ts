import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  expectCommittedOnBranch,
  expectRefusedUntouched,
  useCommittedRun,
  useRefusedRun,
} from '../helpers/transform-e2e.js';

const exec = promisify(execFile);
const COMMAND = 'Refactor the risk management module to use async patterns';

describe(`run "${COMMAND}" on the risk-py example`, () => {
  const run = useCommittedRun({ example: 'risk-py' }, COMMAND);

  it("succeeds through all seven phases, the repo's tests green, on a new branch; the checkout untouched", async () => {
    await expectCommittedOnBranch(
      run,
      'mcp-orchestrator/refactor-the-risk-management-module-to-use-async',
    );
    // REVIEW imported the changed modules in the worktree through the pyrepl server.
    const review = run.json.phases.find((p) => p.phase === 'review');
    expect(review?.data.pythonImports).toContain('risk.management');
  });

  it('converts the blocking functions and their callers, rewrites the blocking calls, keeps the pure function sync', async () => {
    const management = await run.repo.show(run.json.branch, 'risk/management.py');
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
    const report = await run.repo.show(run.json.branch, 'risk/report.py');
    expect(report).toContain('within = await check_limits(positions_path, prices_dir, limit)');
    expect(report).toContain('    asyncio.run(main())');
    const tests = await run.repo.show(run.json.branch, 'tests/test_management.py');
    expect(tests).toContain('class ManagementTest(unittest.IsolatedAsyncioTestCase):');
    expect(tests).toContain(
      '    def test_value_at_risk_is_the_worst_return_times_the_position(self):',
    );
  });

  it("the branch's script still runs from the command line through asyncio.run", async () => {
    const tree = `${run.repo.dir}-branch`;
    await run.repo.git(['worktree', 'add', '--detach', tree, run.json.branch]);
    try {
      const { stdout } = await exec(
        'python3',
        ['-m', 'risk.report', 'data/positions.json', 'data/prices', '2000'],
        { cwd: tree },
      );
      expect(stdout).toBe('exposure 1214.00 (within the limit of 2000.00)\n');
    } finally {
      await run.repo.git(['worktree', 'remove', '--force', tree]);
    }
  });
});

describe('a conversion that reaches a lambda', () => {
  const refused = useRefusedRun(
    {
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
    },
    COMMAND,
  );

  it('is refused in LOGIC with exit 2, naming the chain and the line, and leaves the repo byte-identical', () => {
    expectRefusedUntouched(
      refused,
      'error [TRANSFORM_REFUSED]',
      'fetch_price ← by_price (callback, risk/ranking.py:6: called inside a lambda',
    );
  });
});
