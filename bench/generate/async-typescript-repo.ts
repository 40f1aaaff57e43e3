import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type AsyncRepoSummary, toAsyncRepoShape } from './async-shape.js';
import { writeTypeScriptProject } from './typescript-project.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const svc = (k: number) => `svc${pad(k, 2)}`;
const feat = (j: number) => `feat${pad(j, 3)}`;
const rep = (r: number) => `rep${pad(r, 2)}`;

/** How service `k` reaches `readRecord`: named, namespace and aliased imports; a function or an arrow. */
function serviceModule(k: number, withClass: boolean): string {
  const [imports, call] = [
    ["import { readRecord } from '../storage.js';", 'readRecord'],
    ["import * as storage from '../storage.js';", 'storage.readRecord'],
    ["import { readRecord as fetchRecord } from '../storage.js';", 'fetchRecord'],
    ["import { readRecord } from '../storage.js';", 'readRecord'],
  ][k % 4] as [string, string];
  const load =
    k % 4 === 3
      ? `export const load${k} = (file: string): string => ${call}(file).trim();`
      : `export function load${k}(file: string): string {\n  return ${call}(file).trim();\n}`;
  const lines = [imports, '', load];
  if (withClass) {
    lines.push(
      '',
      `export class RecordCache${k} {`,
      '  hits = 0;',
      '',
      `  fetch${k}(file: string): string {`,
      '    this.hits += 1;',
      `    return load${k}(file);`,
      '  }',
      '',
      `  get${k}(file: string): string {`,
      `    return this.fetch${k}(file).toUpperCase();`,
      '  }',
      '}',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Feature `j` calls service `k`: through a namespace import, the re-exporting index, or a cached method. */
function featureModule(j: number, k: number, withClass: boolean): string {
  if (withClass) {
    return `import { RecordCache${k} } from '../services/${svc(k)}.js';\n\nexport function feature${j}(file: string): number {\n  const cache = new RecordCache${k}();\n  return cache.get${k}(file).length + ${j};\n}\n`;
  }
  if (j % 2 === 0) {
    return `import * as ${svc(k)} from '../services/${svc(k)}.js';\n\nexport function feature${j}(file: string): number {\n  const text = ${svc(k)}.load${k}(file);\n  return text.length + ${j};\n}\n`;
  }
  return `import { load${k} } from '../services/index.js';\n\nexport function feature${j}(file: string): number {\n  return load${k}(file).split(' ').length + ${j};\n}\n`;
}

function reportModule(r: number, features: readonly number[]): string {
  const imports = features.map((j) => `import { feature${j} } from '../features/${feat(j)}.js';`);
  const sums = features.map((j) => `  total += feature${j}(file);`);
  return `${imports.join('\n')}\n\nexport function report${r}(file: string): number {\n  let total = 0;\n${sums.join('\n')}\n  return total;\n}\n`;
}

function fillerModule(i: number): string {
  return `export function helper${i}(xs: number[]): number {\n  let total = 0;\n  for (const x of xs) total += x * ${i};\n  return total;\n}\n`;
}

/**
 * Writes an ESM TypeScript project whose `readRecord` (src/storage.ts) blocks on
 * `fs.readFileSync` and is called, through services (named, namespace, aliased and re-exported
 * imports, arrows, methods through `this.`), features and reports, by `main`, the `cli.ts`
 * entry (top level) and `node:test` tests; the rest of the `files` are unrelated filler. Tests
 * compile with tsc and run with node --test; `node_modules` links to `nodeModules` (untracked).
 */
export function writeAsyncTypeScriptRepo(
  dir: string,
  files: number,
  nodeModules: string,
): AsyncRepoSummary {
  const shape = toAsyncRepoShape(files);
  for (const sub of ['src/services', 'src/features', 'src/reports', 'src/filler', 'test', 'data'])
    mkdirSync(path.join(dir, sub), { recursive: true });
  const write = (file: string, text: string) => writeFileSync(path.join(dir, file), text);
  writeTypeScriptProject(dir, 'bench-async-ts', nodeModules);
  write('data/record.txt', 'alpha beta gamma\n');
  write(
    'src/storage.ts',
    "import * as fs from 'node:fs';\n\n/** One record from disk. */\nexport function readRecord(file: string): string {\n  return fs.readFileSync(file, 'utf8');\n}\n",
  );
  const services = Array.from({ length: shape.services }, (_, k) => k);
  write(
    'src/services/index.ts',
    services
      .map((k) => `export { load${k} } from './${svc(k)}.js';`)
      .join('\n')
      .concat('\n'),
  );
  for (const k of services) write(`src/services/${svc(k)}.ts`, serviceModule(k, shape.hasClass(k)));
  for (let j = 0; j < shape.features; j += 1) {
    const k = shape.serviceOf(j);
    write(`src/features/${feat(j)}.ts`, featureModule(j, k, shape.hasClass(k) && j % 3 === 0));
  }
  for (let r = 0; r < shape.reports; r += 1)
    write(`src/reports/${rep(r)}.ts`, reportModule(r, shape.featuresOf(r)));
  const reports = Array.from({ length: shape.reports }, (_, r) => r);
  write(
    'src/main.ts',
    `${reports.map((r) => `import { report${r} } from './reports/${rep(r)}.js';`).join('\n')}\n\nexport function main(file: string): number {\n${reports.map((r) => `  console.log(report${r}(file));`).join('\n')}\n  return 0;\n}\n`,
  );
  write(
    'src/cli.ts',
    "import { main } from './main.js';\n\nprocess.exitCode = main(process.argv[2] ?? 'data/record.txt');\n",
  );
  write(
    'test/app.test.ts',
    `import assert from 'node:assert/strict';\nimport { test } from 'node:test';\nimport { fileURLToPath } from 'node:url';\nimport { main } from '../src/main.js';\nimport { report0 } from '../src/reports/${rep(0)}.js';\nimport { load0 } from '../src/services/${svc(0)}.js';\n\nconst DATA = fileURLToPath(new URL('../../data/record.txt', import.meta.url));\n\ntest('a service trims its record', () => {\n  assert.equal(load0(DATA), 'alpha beta gamma');\n});\n\ntest('a report sums its features', () => {\n  assert.ok(report0(DATA) > 0);\n});\n\ntest('main prints every report', () => {\n  assert.equal(main(DATA), 0);\n});\n`,
  );
  const written = 9 + shape.services + shape.features + shape.reports + 2;
  for (let i = 0; written + i < files; i += 1)
    write(`src/filler/mod${pad(i, 4)}.ts`, fillerModule(i));
  return {
    root: 'readRecord',
    definition: 'src/storage.ts',
    expectedFunctions: shape.functions,
    expectedFiles: shape.files,
  };
}
