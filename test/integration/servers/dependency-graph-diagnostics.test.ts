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
});
