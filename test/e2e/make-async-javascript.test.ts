import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/fixture-repo.js';
import {
  expectCommittedOnBranch,
  expectRefusedUntouched,
  useCommittedRun,
  useRefusedRun,
} from '../helpers/transform-e2e.js';

const SEARCH = readFileSync(
  path.join(REPO_ROOT, 'examples', 'catalog-ts', 'src', 'search.js'),
  'utf8',
);

const LOAD_ALL = [
  '',
  '/**',
  " * Every catalog's items.",
  ' * @param {string[]} files',
  ' */',
  'export function loadAll(files) {',
  '  return files.map(loadCatalog);',
  '}',
  '',
].join('\n');

describe('run "make loadCatalog async" on the catalog-ts example (ESM, node:test)', () => {
  const run = useCommittedRun(
    { example: 'catalog-ts', files: { 'src/search.js': `${SEARCH}${LOAD_ALL}` } },
    'make loadCatalog async',
  );

  it("succeeds through all seven phases, the repo's tests green, on a new branch; the checkout untouched", async () => {
    await expectCommittedOnBranch(run, 'mcp-orchestrator/make-loadcatalog-async');
  });

  it('reads the file through fs.promises, awaits every caller, the JSDoc return type and the tests', async () => {
    const catalog = await run.repo.show(run.json.branch, 'src/catalog.js');
    expect(catalog).toContain(' * @returns {Promise<Item[]>}');
    expect(catalog).toContain('export async function loadCatalog(file) {');
    expect(catalog).toContain("return JSON.parse(await fs.promises.readFile(file, 'utf8'));");
    expect(catalog).toContain('return (await loadCatalog(file)).find((item) => item.sku === sku);');
    const search = await run.repo.show(run.json.branch, 'src/search.js');
    expect(search).toContain('export async function priceOf(file, sku) {');
    expect(search).toContain('const item = await findItem(file, sku);');
    expect(search).toContain('return await Promise.all(files.map(loadCatalog));');
    const tests = await run.repo.show(run.json.branch, 'test/catalog.test.js');
    expect(tests).toContain("test('loads every item', async () => {");
    expect(tests).toContain("assert.equal(await priceOf(CATALOG, 'Z-999'), null);");
  });
});

describe('a conversion that reaches a getter', () => {
  const shelf = [
    '',
    '/** A catalog file, read on each access. */',
    'export class Shelf {',
    '  /** @param {string} file */',
    '  constructor(file) {',
    '    this.file = file;',
    '  }',
    '',
    '  get items() {',
    '    return loadCatalog(this.file);',
    '  }',
    '}',
    '',
  ].join('\n');
  const refused = useRefusedRun(
    { example: 'catalog-ts', files: { 'src/search.js': `${SEARCH}${shelf}` } },
    'make loadCatalog async',
  );

  it('is refused in LOGIC with exit 2, naming the getter and its line, and leaves the repo byte-identical', () => {
    expectRefusedUntouched(
      refused,
      'error [TRANSFORM_REFUSED]',
      'loadCatalog ← Shelf.items (getter) (accessor, src/search.js:33: the getter Shelf.items cannot await loadCatalog()',
    );
  });
});
