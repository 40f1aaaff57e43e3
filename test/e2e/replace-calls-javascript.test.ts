import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RepoSnapshot } from '../fixtures/git/snapshot-repo.js';
import { SHOP_JS } from '../fixtures/transforms/replace-calls-repos.js';
import {
  type CliResult,
  createExampleRepo,
  type ExampleRepo,
  runCli,
} from '../helpers/fixture-repo.js';

interface RunJson {
  branch: string;
  phases: Array<{ phase: string; data: { test?: { passed: boolean } } }>;
}

describe('run "use formatMoney instead of formatPrice" on a JavaScript shop', () => {
  let repo: ExampleRepo;
  let beforeRefusal: RepoSnapshot;
  let refusal: CliResult;
  let afterRefusal: RepoSnapshot;
  let checkoutBefore: Record<string, string>;
  let result: CliResult;
  let json: RunJson;

  beforeAll(async () => {
    repo = await createExampleRepo({ files: SHOP_JS });
    beforeRefusal = await repo.snapshot();
    refusal = await runCli([
      'run',
      'replace calls to formatPrice with currencyName',
      '--workspace',
      repo.dir,
    ]);
    afterRefusal = await repo.snapshot();
    checkoutBefore = await repo.checkoutSnapshot();
    result = await runCli([
      'run',
      'use formatMoney instead of formatPrice',
      '--workspace',
      repo.dir,
      '--json',
    ]);
    json = JSON.parse(result.stdout) as RunJson;
  }, 300_000);

  afterAll(() => repo?.cleanup());

  it("refuses calls whose arguments the checker says the new function's parameters cannot take, leaving the repository byte-identical", () => {
    expect(refusal.code, refusal.stderr).toBe(2);
    expect(refusal.stderr).toContain('TRANSFORM_REFUSED');
    expect(refusal.stderr).toContain(
      "test/cart.test.js:16: assert.equal(formatPrice(1000), '$10.00');",
    );
    expect(refusal.stderr).toContain(
      'argument 1, 1000 (type 1000), is not assignable to parameter code: string',
    );
    expect(afterRefusal).toEqual(beforeRefusal);
  });

  it('commits a test-green change and leaves the checkout as it was', async () => {
    expect(result.code, result.stderr).toBe(0);
    expect(json.branch).toBe('mcp-orchestrator/use-formatmoney-instead-of-formatprice');
    expect(json.phases.find((p) => p.phase === 'execute')?.data.test?.passed).toBe(true);
    expect(await repo.checkoutSnapshot()).toEqual(checkoutBefore);
  });

  it('replaces calls through an alias, a namespace import and a re-export, fixing the imports', async () => {
    const cart = await repo.show(json.branch, 'src/cart.js');
    expect(cart).toContain('  return prices.formatMoney(cents);\n');
    expect(cart).toContain('items.map((item) => prices.formatMoney(item.cents))');
    const test = await repo.show(json.branch, 'test/cart.test.js');
    expect(test).toContain("import { formatMoney } from '../src/prices.js';\n");
    expect(test).not.toContain("from '../src/index.js'");
    expect(test).toContain("assert.equal(formatMoney(1000), '$10.00');");
  });

  it('leaves the function passed as a value, its alias import and the re-exports alone', async () => {
    const cart = await repo.show(json.branch, 'src/cart.js');
    expect(cart).toContain("import { formatPrice as show } from './prices.js';\n");
    expect(cart).toContain('export const formatters = [show];');
    expect(await repo.show(json.branch, 'src/index.js')).toBe(SHOP_JS['src/index.js']);
  });
});
