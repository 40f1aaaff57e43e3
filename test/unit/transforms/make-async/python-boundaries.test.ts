import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Boundary } from '../../../../src/transforms/make-async/contract.js';
import {
  createMakeAsyncPythonFixture,
  type MakeAsyncPythonFixture,
  positionOf,
} from '../../../fixtures/transforms/make-async-python.js';
import { BOUNDARY_FILES } from '../../../fixtures/transforms/make-async-python-boundaries.js';

const at = (file: string, needle: string) =>
  positionOf(BOUNDARY_FILES, file, needle, needle.replace(/^(async )?def /, ''));

const brief = (b: Boundary) => `${b.kind} ${b.handling} ${b.file}:${b.line} ${b.chain.join(' ← ')}`;

describe('make_async (Python): boundaries that stop propagation', () => {
  let fixture: MakeAsyncPythonFixture;

  beforeAll(async () => {
    fixture = await createMakeAsyncPythonFixture(BOUNDARY_FILES);
  });

  afterAll(async () => {
    await fixture?.cleanup();
  });

  it('refuses dunder methods, properties, callbacks, lambdas, values, any(), lru_cache and generators, each with its chain', async () => {
    const run = await fixture.convert({ roots: [at('shop/core.py', 'def fetch_price')] });
    expect(run.facts.boundaries.map(brief)).toEqual([
      'dunder refused shop/core.py:14 fetch_price ← Cart.__init__',
      'property refused shop/core.py:19 fetch_price ← batch_price ← Cart.total',
      'dunder refused shop/core.py:22 fetch_price ← batch_price ← Cart.__len__',
      'callback refused shop/core.py:27 fetch_price ← by_price',
      'callback refused shop/core.py:31 fetch_price ← all_prices',
      'callback refused shop/core.py:35 fetch_price ← in_thread',
      'value refused shop/core.py:39 fetch_price ← <module>',
      'callback refused shop/core.py:43 fetch_price ← lazy',
      'other refused shop/core.py:47 fetch_price ← any_cheap',
      'other refused shop/core.py:51 fetch_price ← cached',
      'generator refused shop/core.py:55 fetch_price ← prices',
    ]);
    const details = run.facts.boundaries.map((b) => b.detail);
    expect(details).toContain(
      'Cart.total is a property (@property); attribute access cannot await (calls batch_price at shop/core.py:20)',
    );
    expect(details).toContain(
      'passed to threading.Thread(target=…), which calls it synchronously: target=fetch_price',
    );
    expect(details).toContain(
      'passed to sorted(key=…), which calls it synchronously: key=fetch_price',
    );
    expect(details).toContain(
      'in a generator expression passed to any(), which would become an async generator: return any(fetch_price(i) < 2 for i in items)',
    );
    expect(run.facts.closure.map((c) => c.name)).toEqual(['fetch_price', 'batch_price']);
    expect(run.changes).toEqual([]);
  });

  it('keeps console-script entry points synchronous and wraps their calls in asyncio.run', async () => {
    const run = await fixture.convert({ roots: [at('shop/stock.py', 'def load')] });
    expect(
      run.facts.boundaries.map((b) => [b.kind, b.line, b.detail, b.chain, b.handling, b.how]),
    ).toEqual([
      [
        'entry-point',
        4,
        'console script shop = shop.cli:main (pyproject.toml)',
        ['load', 'main'],
        'wrapped',
        'asyncio.run(...)',
      ],
      [
        'entry-point',
        8,
        'console script shop-admin = shop.cli:admin (setup.cfg)',
        ['load', 'admin'],
        'wrapped',
        'asyncio.run(...)',
      ],
      [
        'entry-point',
        12,
        'console script shop-report = shop.cli:report (setup.py)',
        ['load', 'report'],
        'wrapped',
        'asyncio.run(...)',
      ],
    ]);
    expect(run.changed['shop/cli.py']).toBe(
      'import asyncio\nfrom shop.stock import load\n\n\ndef main():\n    print(asyncio.run(load()))\n\n\ndef admin():\n    return asyncio.run(load())\n\n\ndef report():\n    return asyncio.run(load()) + 1\n',
    );
    expect(run.changed['shop/stock.py']).toContain('\nasync def load():\n    return 3\n');
    const main = await run.exec('python3', [
      '-c',
      'from shop.cli import main, report; main(); print(report())',
    ]);
    expect(main).toEqual({ code: 0, output: '3\n4\n' });
  });

  it('refuses to convert the entry point itself', async () => {
    const run = await fixture.convert({ roots: [at('shop/cli.py', 'def main')] });
    expect(run.facts.boundaries.map(brief)).toEqual(['entry-point refused shop/cli.py:4 main']);
    expect(run.facts.boundaries[0]?.detail).toBe(
      'main is the console script shop = shop.cli:main (pyproject.toml) and must stay synchronous; convert what it calls instead',
    );
    expect(run.facts.closure).toEqual([]);
  });

  it('refuses a method that overrides a library method library code calls', async () => {
    const run = await fixture.convert({ roots: [at('shop/stock.py', 'def restock')] });
    expect(run.facts.boundaries.map(brief)).toEqual([
      'other refused shop/stock.py:13 restock ← Worker.run',
    ]);
    expect(run.facts.boundaries[0]?.detail).toBe(
      'Worker.run overrides threading.Thread.run, which library code calls synchronously (calls restock at shop/stock.py:14)',
    );
  });

  it('refuses a call pyright cannot resolve to the method, and follows the typed one', async () => {
    const run = await fixture.convert({ roots: [at('shop/stock.py', 'def compute')] });
    expect(run.facts.closure.map((c) => `${c.name}: ${c.reason}`)).toEqual([
      'compute: root',
      'typed: calls Calc.compute at shop/stock.py:27',
    ]);
    expect(run.facts.boundaries.map(brief)).toEqual([
      'other refused shop/stock.py:23 Calc.compute ← shop/stock.py:23',
    ]);
    expect(run.facts.boundaries[0]?.detail).toBe(
      'pyright cannot type the receiver of return calculator.compute(); it may call Calc.compute. Annotate the receiver or convert that call by hand',
    );
  });

  it('reports generator and async roots without converting them', async () => {
    const run = await fixture.convert({
      roots: [at('shop/core.py', 'def prices'), at('shop/core.py', 'async def already')],
    });
    expect(run.facts.generators.map((g) => g.name)).toEqual(['prices']);
    expect(run.facts.alreadyAsync.map((g) => g.name)).toEqual(['already']);
    expect(run.facts.closure).toEqual([]);
    expect(run.changes).toEqual([]);
  });
});
