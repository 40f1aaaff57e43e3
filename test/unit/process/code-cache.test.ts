import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type CodeCacheManifest,
  cacheEntryFor,
  codeCachePreloadFile,
} from '../../../src/process/code-cache.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const MANIFEST = JSON.parse(
  readFileSync(path.join(ROOT, 'dist', 'code-cache', 'manifest.json'), 'utf8'),
) as CodeCacheManifest;
const require = createRequire(path.join(ROOT, 'package.json'));

describe('the V8 code caches of the build', () => {
  it('compile the TypeScript compiler and pyright in a process that preloads them, and V8 takes the data', () => {
    const files = [
      require.resolve('typescript'),
      require.resolve('pyright/dist/pyright-internal.js'),
      require.resolve('pyright/dist/vendor.js'),
    ];
    const script = [
      "import { createRequire } from 'node:module';",
      `const require = createRequire(${JSON.stringify(path.join(ROOT, 'package.json'))});`,
      `for (const file of ${JSON.stringify(files)}) require(file);`,
      `const { codeCacheUse } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', 'process', 'code-cache.js')).href)});`,
      'console.log(JSON.stringify(codeCacheUse()));',
    ].join('\n');
    const out = execFileSync(
      process.execPath,
      ['--import', pathToFileURL(codeCachePreloadFile()).href, '--input-type=module', '-e', script],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(out)).toEqual(files.map((file) => ({ file, rejected: false })));
  }, 30_000);

  it('are given only to the text they were recorded from: same name and length is not enough', () => {
    const file = require.resolve('typescript');
    const text = readFileSync(file, 'utf8');
    expect(cacheEntryFor(MANIFEST, file, text)).toBeDefined();
    const altered = `${text.slice(0, 100)}X${text.slice(101)}`;
    expect(altered.length).toBe(text.length);
    expect(cacheEntryFor(MANIFEST, file, altered)).toBeUndefined();
    expect(cacheEntryFor(MANIFEST, '/elsewhere/other.js', text)).toBeUndefined();
  });
});
