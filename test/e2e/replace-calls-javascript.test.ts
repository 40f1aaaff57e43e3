import { describe, expect, it } from 'vitest';
import { SHOP_JS } from '../fixtures/transforms/replace-calls-repos.js';
import {
  expectCommittedOnBranch,
  expectRefusedUntouched,
  useCommittedRun,
} from '../helpers/transform-e2e.js';

describe('run "use formatMoney instead of formatPrice" on a JavaScript shop', () => {
  const run = useCommittedRun({ files: SHOP_JS }, 'use formatMoney instead of formatPrice', {
    refuseFirst: 'replace calls to formatPrice with currencyName',
    timeoutMs: 300_000,
  });
  const show = (file: string) => run.repo.show(run.json.branch, file);

  it("refuses calls whose arguments the checker says the new function's parameters cannot take, leaving the repository byte-identical", () => {
    expectRefusedUntouched(
      run.refusal,
      'TRANSFORM_REFUSED',
      "test/cart.test.js:16: assert.equal(formatPrice(1000), '$10.00');",
      'argument 1, 1000 (type 1000), is not assignable to parameter code: string',
    );
  });

  it('commits a test-green change and leaves the checkout as it was', async () => {
    await expectCommittedOnBranch(run, 'mcp-orchestrator/use-formatmoney-instead-of-formatprice');
  });

  it('replaces calls through an alias, a namespace import and a re-export, fixing the imports', async () => {
    const cart = await show('src/cart.js');
    expect(cart).toContain('  return prices.formatMoney(cents);\n');
    expect(cart).toContain('items.map((item) => prices.formatMoney(item.cents))');
    const test = await show('test/cart.test.js');
    expect(test).toContain("import { formatMoney } from '../src/prices.js';\n");
    expect(test).not.toContain("from '../src/index.js'");
    expect(test).toContain("assert.equal(formatMoney(1000), '$10.00');");
  });

  it('leaves the function passed as a value, its alias import and the re-exports alone', async () => {
    const cart = await show('src/cart.js');
    expect(cart).toContain("import { formatPrice as show } from './prices.js';\n");
    expect(cart).toContain('export const formatters = [show];');
    expect(await show('src/index.js')).toBe(SHOP_JS['src/index.js']);
  });
});
