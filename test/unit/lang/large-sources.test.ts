import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SkippedSource } from '../../../src/core/source-types.js';
import { createPythonAdapter } from '../../../src/lang/python/index.js';
import { createTypeScriptAdapter } from '../../../src/lang/typescript/index.js';

/** A 300 KB one-line bundle that declares `name`, and a 2.1 MB file of ordinary lines that does. */
function writeLargeSources(root: string, ext: string, declare: (name: string) => string): void {
  mkdirSync(path.join(root, 'src'));
  mkdirSync(path.join(root, 'vendor'));
  writeFileSync(path.join(root, 'src', `users.${ext}`), `${declare('getUser')}\n`);
  writeFileSync(
    path.join(root, 'vendor', `bundle.min.${ext}`),
    `${declare('getUser')};${'a=1;'.repeat(80_000)}\n`,
  );
  writeFileSync(
    path.join(root, 'vendor', `generated.${ext}`),
    `${declare('getUser')}\n${'# generated line of ordinary length, forty bytes or so\n'.replaceAll('#', ext === 'py' ? '#' : '//').repeat(40_000)}`,
  );
}

const SKIPPED = (ext: string) => [
  {
    file: `vendor/bundle.min.${ext}`,
    reason: expect.stringMatching(/^minified or generated: 0\.3 MB/),
  },
  {
    file: `vendor/generated.${ext}`,
    reason: expect.stringMatching(/ MB, over the 2\.0 MB a source file is parsed up to$/),
  },
];

describe('declaration search on files too large, minified or generated to parse', () => {
  const roots: string[] = [];
  const newRoot = () => {
    const root = mkdtempSync(path.join(tmpdir(), 'large-sources-'));
    roots.push(root);
    return root;
  };
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  let tsRoot: string;
  let pyRoot: string;
  beforeAll(() => {
    tsRoot = newRoot();
    writeLargeSources(tsRoot, 'js', (name) => `function ${name}() {}`);
    pyRoot = newRoot();
    writeLargeSources(pyRoot, 'py', (name) => `def ${name}(): pass`);
  });

  it('TypeScript: finds the declaration in ordinary files and names each skipped file and why', async () => {
    const adapter = createTypeScriptAdapter({ root: tsRoot });
    try {
      const skipped: SkippedSource[] = [];
      const found = await adapter.findDefinitions('getUser', {
        onSkipped: (files) => skipped.push(...files),
      });
      expect(found.map((d) => `${d.file}:${d.line}`)).toEqual(['src/users.js:1']);
      expect(skipped).toEqual(SKIPPED('js'));
    } finally {
      await adapter.close();
    }
  });

  it('Python: the same, without starting pyright', async () => {
    const adapter = createPythonAdapter({ root: pyRoot });
    try {
      const skipped: SkippedSource[] = [];
      const found = await adapter.findDefinitions('getUser', {
        onSkipped: (files) => skipped.push(...files),
      });
      expect(found.map((d) => `${d.file}:${d.line}`)).toEqual(['src/users.py:1']);
      expect(skipped).toEqual(SKIPPED('py'));
      expect(adapter.state).toBe('idle');
    } finally {
      await adapter.close();
    }
  });
});
