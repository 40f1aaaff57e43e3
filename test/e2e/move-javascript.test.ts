import { describe, expect, it } from 'vitest';
import { MOVE_MONEY_FILES } from '../fixtures/transforms/move-javascript-fixture.js';
import {
  expectCommittedOnBranch,
  expectRefusedUntouched,
  useCommittedRun,
  useRefusedRun,
} from '../helpers/transform-e2e.js';

describe('run "move formatMoney to src/money/format.js" on an ES-module package', () => {
  const run = useCommittedRun(
    { files: MOVE_MONEY_FILES },
    'move formatMoney to src/money/format.js',
  );

  it("commits a move on which the repo's own tests pass, and leaves the checkout as it was", async () => {
    await expectCommittedOnBranch(run, 'mcp-orchestrator/move-formatmoney-to-src-money-format-js');
  });

  it('creates the module with its private helper, and the re-export, alias, namespace use and tests follow', async () => {
    const show = (file: string) => run.repo.show(run.json.branch, file);
    const moved = await show('src/money/format.js');
    expect(moved).toContain("import { toCents, RATE } from '../utils.js';");
    expect(moved).toContain('function pad(text) {');
    expect(moved).toContain('export function formatMoney(amount) {');
    const utils = await show('src/utils.js');
    expect(utils).not.toContain('formatMoney');
    expect(utils).not.toContain('function pad');
    expect(await show('src/index.js')).toBe(
      "export { toCents } from './utils.js';\nexport { formatMoney } from './money/format.js';\n",
    );
    const report = await show('src/report.js');
    expect(report).toContain("import { formatMoney as money } from './money/format.js';");
    expect(report).toContain('.formatMoney(a)');
    expect(await show('test/money.test.js')).toContain(
      "import { formatMoney as direct } from '../src/money/format.js';",
    );
  });
});

describe('a move onto a name the target already declares', () => {
  const refused = useRefusedRun(
    {
      files: {
        ...MOVE_MONEY_FILES,
        'src/money.js': 'export function formatMoney() {\n  return "";\n}\n',
      },
    },
    'move formatMoney from src/utils.js to src/money.js',
  );

  it('is refused with exit 2, naming the file and line, and leaves the repo byte-identical', () => {
    expectRefusedUntouched(
      refused,
      'src/money.js already declares formatMoney at line 1: moving formatMoney there would clash with it.',
    );
  });
});
