import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDependencyGraphServer } from '../../../src/servers/dependency-graph/create-dependency-graph-server.js';
import { connectInMemory, type InMemoryClient } from './connect-in-memory.js';

async function workspace(files: Record<string, string>): Promise<string> {
  const root = await realpath(await mkdtemp(path.join(tmpdir(), 'dg-diag-')));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

type Report = {
  checked: string[];
  configs: string[];
  diagnostics: Array<{
    file: string;
    line: number;
    code: string;
    message: string;
    severity: string;
  }>;
};

describe('dependency_graph diagnostics', () => {
  const opened: Array<{ root: string; client: InMemoryClient; close: () => Promise<void> }> = [];
  const open = async (files: Record<string, string>) => {
    const root = await workspace(files);
    const server = createDependencyGraphServer({ root });
    const client = await connectInMemory(server.server);
    opened.push({ root, client, close: () => server.close() });
    return client;
  };
  afterAll(async () => {
    for (const { root, client, close } of opened) {
      await client.client.close();
      await close();
      await rm(root, { recursive: true, force: true });
    }
  });

  describe('TypeScript, each file with the tsconfig that includes it', () => {
    let client: InMemoryClient;
    beforeAll(async () => {
      client = await open({
        'tsconfig.json': JSON.stringify({ files: [], references: [{ path: 'packages/a' }] }),
        'packages/a/tsconfig.json': JSON.stringify({
          compilerOptions: { strict: true },
          include: ['src'],
        }),
        'packages/a/src/users.ts':
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the text of a fixture source file
          'export function getUser(id: number): string {\n  return `u${id}`;\n}\n',
        'packages/a/src/app.ts':
          "import { getUser } from './users';\nexport const name: string = getUser(1);\n",
        'packages/a/src/broken.ts': 'export const n: number = "not a number";\n',
      });
    });

    it('reports the errors already there, by the package tsconfig', async () => {
      const report = (await client.call('diagnostics', {
        files: ['packages/a/src/broken.ts', 'packages/a/src/users.ts'],
      })) as Report;
      expect(report.configs).toEqual(['packages/a/tsconfig.json']);
      expect(report.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual([
        'packages/a/src/broken.ts:1 TS2322',
      ]);
    });

    it('checks importers under an overlay, and forgets the overlay afterwards', async () => {
      const overlay = [
        {
          file: 'packages/a/src/users.ts',
          text: 'export function getUser(id: number): number {\n  return id;\n}\n',
        },
      ];
      const changed = (await client.call('diagnostics', {
        files: ['packages/a/src/users.ts'],
        importers: true,
        overlay,
      })) as Report;
      expect(changed.checked).toEqual(['packages/a/src/app.ts', 'packages/a/src/users.ts']);
      expect(changed.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual([
        'packages/a/src/app.ts:2 TS2322',
      ]);
      const after = (await client.call('diagnostics', {
        files: ['packages/a/src/app.ts'],
      })) as Report;
      expect(after.diagnostics).toEqual([]);
    });
  });

  describe('Python, through pyright', () => {
    let client: InMemoryClient;
    beforeAll(async () => {
      client = await open({
        'ledger/__init__.py': '',
        'ledger/core.py': 'def post_entry(amount: int) -> int:\n    return amount\n',
        'ledger/app.py': 'from ledger.core import post_entry\n\nprint(post_entry(1))\n',
      });
    });

    it('reports what a changed module breaks in its importers, then reads the disk again', async () => {
      const changed = (await client.call('diagnostics', {
        files: ['ledger/core.py'],
        importers: true,
        overlay: [
          {
            file: 'ledger/core.py',
            text: 'def record_entry(amount: int) -> int:\n    return amount\n',
          },
        ],
      })) as Report;
      expect(changed.configs).toEqual(['pyright']);
      expect(changed.checked).toEqual(['ledger/app.py', 'ledger/core.py']);
      const errors = changed.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => `${d.file}:${d.line}`)).toContain('ledger/app.py:1');
      const after = (await client.call('diagnostics', { files: ['ledger/app.py'] })) as Report;
      expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    });
  });

  describe('Python edits: only the importers that can see what changed', () => {
    type ChangeReport = Report & { importersLeftOut?: string[] };
    let client: InMemoryClient;
    // shop.prices <- shop.cart (calls it in a body) <- shop.checkout <- shop.report;
    // shop.prices <- shop.labels (uses another name); shop.prices <- shop.legacy (an old name).
    const PRICES =
      'def net_price(amount: int) -> int:\n    return amount\n\n\ndef tax(amount: int) -> int:\n    return amount // 5\n';
    const CART =
      'from shop import prices\n\n\ndef total(items: list[int]) -> int:\n    return sum(prices.net_price(i) for i in items)\n';
    beforeAll(async () => {
      client = await open({
        'shop/__init__.py': '',
        'shop/prices.py': PRICES,
        'shop/cart.py': CART,
        'shop/checkout.py': 'from shop.cart import total\n\nDUE: int = total([1, 2])\n',
        'shop/report.py': 'from shop.checkout import DUE\n\nprint(DUE + 1)\n',
        'shop/labels.py': 'from shop import prices\n\nprint(prices.tax(3))\n',
        'shop/legacy.py': 'from shop import prices\n\nprint(prices.net_price(3))\n',
        'shop/models.py': 'class Item:\n    def price(self) -> int:\n        return 1\n',
        'shop/stock.py': 'from shop.models import Item\n\nITEMS = [Item()]\n',
      });
    });

    const check = async (overlay: Record<string, string>) =>
      (await client.call('diagnostics', {
        files: Object.keys(overlay),
        importers: true,
        overlay: Object.entries(overlay).map(([file, text]) => ({ file, text })),
      })) as ChangeReport;
    const errors = (report: Report) =>
      report.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}`);

    it('a rename: the importers that name the old name are checked, not those that never do', async () => {
      const report = await check({
        'shop/prices.py': PRICES.replace('net_price', 'price_after_discount'),
        'shop/cart.py': CART.replaceAll('net_price', 'price_after_discount'),
      });
      // labels.py never names net_price; cart.py's importers see the same types.
      expect(report.checked).toEqual(['shop/cart.py', 'shop/legacy.py', 'shop/prices.py']);
      expect(report.importersLeftOut).toEqual(['shop/checkout.py', 'shop/labels.py']);
      // The importer the rename missed still names the old function: found, and reported.
      expect(errors(report)).toEqual(['shop/legacy.py:3']);
    });

    it('a class member renamed: every direct importer is checked, naming it or not', async () => {
      const report = await check({
        'shop/models.py': 'class Item:\n    def cost(self) -> int:\n        return 1\n',
      });
      expect(report.checked).toEqual(['shop/models.py', 'shop/stock.py']);
      expect(report.importersLeftOut).toBeUndefined();
      expect(errors(report)).toEqual([]);
    });

    it('a changed type in a kept name: every importer, transitively, is checked', async () => {
      const report = await check({
        'shop/cart.py': CART.replace(
          'def total(items: list[int]) -> int:\n    return sum(',
          'def total(items: list[int]) -> str:\n    return str(sum(',
        ).replace('items)\n', 'items))\n'),
      });
      expect(report.checked).toEqual(['shop/cart.py', 'shop/checkout.py', 'shop/report.py']);
      expect(report.importersLeftOut).toBeUndefined();
      expect(errors(report)).toEqual(['shop/checkout.py:3']);
    });

    it('a body edit that keeps every type: no importer is checked', async () => {
      const report = await check({
        'shop/cart.py': CART.replace(
          'sum(net_price(i) for i in items)',
          'sum([net_price(i) for i in items])',
        ),
      });
      expect(report.checked).toEqual(['shop/cart.py']);
      expect(report.importersLeftOut).toEqual(['shop/checkout.py']);
      expect(errors(report)).toEqual([]);
    });
  });
});
