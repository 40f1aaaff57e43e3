import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type CatalogueRepoSummary, type ModuleRole, toModuleRoles } from './catalogue-shape.js';
import { writeTypeScriptProject } from './typescript-project.js';

const pad = (n: number, width = 4) => String(n).padStart(width, '0');

function module(i: number, role: ModuleRole): string {
  if (role === 'user')
    return `import { computeTotal, formatTotal } from './core.js';\n\nexport function run${i}(xs: number[]): string {\n  return formatTotal(computeTotal(xs, false) + ${i});\n}\n`;
  if (role === 'unused-import')
    return `import { EOL } from 'node:os';\nimport { basename } from 'node:path';\n\nexport function helper${i}(xs: number[]): string {\n  return xs.map((x) => x * ${i}).join(',') + EOL;\n}\n`;
  return `export function helper${i}(xs: number[]): number {\n  let total = 0;\n  for (const x of xs) total += x * ${i};\n  return total;\n}\n`;
}

const job = (j: number) =>
  `import { readFile } from 'node:fs/promises';\n\n/** The length of a file, plus ${j}; ${j} when it cannot be read. */\nexport function loadJob${j}(file: string): Promise<number> {\n  return readFile(file, 'utf8')\n    .then((text) => text.length + ${j})\n    .catch(() => ${j});\n}\n`;

/**
 * Writes a TypeScript project of `files` files for the catalogue bench: `src/core.ts` declares
 * `computeTotal(values, verbose = false)` (its `verbose` unused: a parameter to remove, and one
 * to add beside it) and `formatTotal` (a helper to move); `src/totals.ts` declares the compatible
 * `sumValues`. `users` modules import and call both core functions, `unusedImports` others
 * import `basename` without using it, `promiseChains` files under `src/jobs/` return
 * `.then().catch()` chains; node:test tests call them; the rest is filler.
 */
export function writeCatalogueTypeScriptRepo(
  dir: string,
  files: number,
  users: number,
  unusedImports: number,
  promiseChains: number,
  nodeModules: string,
): CatalogueRepoSummary {
  writeTypeScriptProject(dir, 'bench-catalogue-ts', nodeModules);
  mkdirSync(path.join(dir, 'src', 'jobs'), { recursive: true });
  const write = (file: string, text: string) => writeFileSync(path.join(dir, file), text);
  write(
    'src/core.ts',
    '/** Sums values. */\nexport function computeTotal(values: number[], verbose = false): number {\n  return values.reduce((a, b) => a + b, 0);\n}\n\n/** A total for people: two decimals. */\nexport function formatTotal(total: number): string {\n  return total.toFixed(2);\n}\n',
  );
  write(
    'src/totals.ts',
    '/** Sums values, the new way. */\nexport function sumValues(values: number[], verbose = false): number {\n  return values.reduce((a, b) => a + b, 0);\n}\n',
  );
  write(
    'test/core.test.ts',
    "import assert from 'node:assert/strict';\nimport { test } from 'node:test';\nimport { fileURLToPath } from 'node:url';\nimport { computeTotal, formatTotal } from '../src/core.js';\nimport { loadJob0 } from '../src/jobs/job000.js';\nimport { run0 } from '../src/mod0000.js';\n\ntest('computeTotal sums', () => {\n  assert.equal(computeTotal([1, 2], false), 3);\n  assert.equal(formatTotal(3), '3.00');\n  assert.equal(run0([1]), '1.00');\n});\n\ntest('a job reads its file', async () => {\n  assert.ok((await loadJob0(fileURLToPath(import.meta.url))) > 0);\n});\n",
  );
  for (let j = 0; j < promiseChains; j += 1) write(`src/jobs/job${pad(j, 3)}.ts`, job(j));
  const modules = files - 6 - promiseChains;
  const roleOf = toModuleRoles(modules, users, unusedImports);
  for (let i = 0; i < modules; i += 1) write(`src/mod${pad(i)}.ts`, module(i, roleOf(i)));
  return { users, unusedImports, promiseChains };
}
