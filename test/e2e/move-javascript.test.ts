import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RepoSnapshot } from '../fixtures/git/snapshot-repo.js';
import { MOVE_MONEY_FILES } from '../fixtures/transforms/move-javascript-fixture.js';
import {
  type CliResult,
  createExampleRepo,
  type ExampleRepo,
  runCli,
} from '../helpers/fixture-repo.js';

describe('run "move formatMoney to src/money/format.js" on an ES-module package', () => {
  let repo: ExampleRepo;
  let checkoutBefore: Record<string, string>;
  let result: CliResult;
  let branch: string;

  beforeAll(async () => {
    repo = await createExampleRepo({ files: MOVE_MONEY_FILES });
    checkoutBefore = await repo.checkoutSnapshot();
    result = await runCli([
      'run',
      'move formatMoney to src/money/format.js',
      '--workspace',
      repo.dir,
      '--json',
    ]);
    branch = (JSON.parse(result.stdout) as { branch: string }).branch;
  }, 240_000);

  afterAll(() => repo?.cleanup());

  it("commits a move on which the repo's own tests pass, and leaves the checkout as it was", async () => {
    expect(result.code, result.stderr).toBe(0);
    expect(branch).toBe('mcp-orchestrator/move-formatmoney-to-src-money-format-js');
    expect(await repo.checkoutSnapshot()).toEqual(checkoutBefore);
  });

  it('creates the module with its private helper, and the re-export, alias, namespace use and tests follow', async () => {
    const moved = await repo.show(branch, 'src/money/format.js');
    expect(moved).toContain("import { toCents, RATE } from '../utils.js';");
    expect(moved).toContain('function pad(text) {');
    expect(moved).toContain('export function formatMoney(amount) {');
    const utils = await repo.show(branch, 'src/utils.js');
    expect(utils).not.toContain('formatMoney');
    expect(utils).not.toContain('function pad');
    expect(await repo.show(branch, 'src/index.js')).toBe(
      "export { toCents } from './utils.js';\nexport { formatMoney } from './money/format.js';\n",
    );
    const report = await repo.show(branch, 'src/report.js');
    expect(report).toContain("import { formatMoney as money } from './money/format.js';");
    expect(report).toContain('.formatMoney(a)');
    expect(await repo.show(branch, 'test/money.test.js')).toContain(
      "import { formatMoney as direct } from '../src/money/format.js';",
    );
  });
});

describe('a move onto a name the target already declares', () => {
  let repo: ExampleRepo;
  let before: RepoSnapshot;
  let result: CliResult;

  beforeAll(async () => {
    repo = await createExampleRepo({
      files: {
        ...MOVE_MONEY_FILES,
        'src/money.js': 'export function formatMoney() {\n  return "";\n}\n',
      },
    });
    before = await repo.snapshot();
    result = await runCli([
      'run',
      'move formatMoney from src/utils.js to src/money.js',
      '--workspace',
      repo.dir,
    ]);
  }, 240_000);

  afterAll(() => repo?.cleanup());

  it('is refused with exit 2, naming the file and line, and leaves the repo byte-identical', async () => {
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(
      'src/money.js already declares formatMoney at line 1: moving formatMoney there would clash with it.',
    );
    expect(await repo.snapshot()).toEqual(before);
  });
});
