import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeTypeScriptProject } from './typescript-project.js';

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
  writeTypeScriptProject(dir, 'bench-ts', nodeModules);
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
  return { symbol: 'computeTotal', definition: 'src/core.ts' };
}
