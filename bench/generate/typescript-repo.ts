import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a TypeScript project of `files` modules; `users` of them import and call
 * `computeTotal`. Its tests compile with tsc and run with node --test; `node_modules` links to
 * `nodeModules` (untracked, as in a real checkout).
 */
export function writeTypeScriptRepo(
  dir: string,
  files: number,
  users: number,
  nodeModules: string,
): { symbol: string; definition: string } {
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  mkdirSync(path.join(dir, 'test'), { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'bench-ts', private: true, type: 'module', scripts: { test: 'tsc -p tsconfig.json && node --test build/test/' } }, null, 2)}\n`,
  );
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'build', rootDir: '.', skipLibCheck: true, types: ['node'] }, include: ['src', 'test'] }, null, 2)}\n`,
  );
  writeFileSync(path.join(dir, '.gitignore'), 'build/\nnode_modules\n');
  writeFileSync(
    path.join(dir, 'src', 'core.ts'),
    'export function computeTotal(values: number[]): number {\n  return values.reduce((a, b) => a + b, 0);\n}\n',
  );
  const step = Math.floor(files / users);
  for (let i = 0; i < files; i += 1) {
    const name = `mod${String(i).padStart(4, '0')}`;
    const uses = i % step === 0 && i / step < users;
    const body = uses
      ? `import { computeTotal } from './core.js';\n\nexport function run${i}(xs: number[]): number {\n  return computeTotal(xs) + ${i};\n}\n`
      : `export function helper${i}(xs: number[]): number {\n  let total = 0;\n  for (const x of xs) total += x * ${i};\n  return total;\n}\n`;
    writeFileSync(path.join(dir, 'src', `${name}.ts`), body);
  }
  writeFileSync(
    path.join(dir, 'test', 'core.test.ts'),
    "import assert from 'node:assert/strict';\nimport { test } from 'node:test';\nimport { computeTotal } from '../src/core.js';\nimport { run0 } from '../src/mod0000.js';\n\ntest('computeTotal sums', () => {\n  assert.equal(computeTotal([1, 2]), 3);\n  assert.equal(run0([1]), 1);\n});\n",
  );
  symlinkSync(nodeModules, path.join(dir, 'node_modules'), 'dir');
  return { symbol: 'computeTotal', definition: 'src/core.ts' };
}
