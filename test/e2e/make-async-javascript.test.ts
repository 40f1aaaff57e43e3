import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RepoSnapshot } from '../fixtures/git/snapshot-repo.js';
import {
  type CliResult,
  createExampleRepo,
  type ExampleRepo,
  REPO_ROOT,
  runCli,
} from '../helpers/fixture-repo.js';

const SEARCH = readFileSync(
  path.join(REPO_ROOT, 'examples', 'catalog-ts', 'src', 'search.js'),
  'utf8',
);

interface RunJson {
  success: boolean;
  branch: string;
  commit: string;
  phases: Array<{ phase: string; success: boolean }>;
}

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
  let repo: ExampleRepo;
  let checkoutBefore: Record<string, string>;
  let result: CliResult;
  let json: RunJson;

  beforeAll(async () => {
    repo = await createExampleRepo({
      example: 'catalog-ts',
      files: { 'src/search.js': `${SEARCH}${LOAD_ALL}` },
    });
    checkoutBefore = await repo.checkoutSnapshot();
    result = await runCli(['run', 'make loadCatalog async', '--workspace', repo.dir, '--json']);
    json = JSON.parse(result.stdout) as RunJson;
  }, 240_000);

  afterAll(() => repo?.cleanup());

  it("succeeds through all seven phases, the repo's tests green, on a new branch; the checkout untouched", async () => {
    expect(result.code, result.stderr).toBe(0);
    expect(json.success).toBe(true);
    expect(json.phases.map((p) => p.phase)).toEqual([
      'map',
      'logic',
      'monte_carlo',
      'plan',
      'optimize',
      'execute',
      'review',
    ]);
    expect(json.branch).toBe('mcp-orchestrator/make-loadcatalog-async');
    expect((await repo.git(['rev-parse', json.branch])).trim()).toBe(json.commit);
    expect(await repo.checkoutSnapshot()).toEqual(checkoutBefore);
  });

  it('reads the file through fs.promises, awaits every caller, the JSDoc return type and the tests', async () => {
    const catalog = await repo.show(json.branch, 'src/catalog.js');
    expect(catalog).toContain(' * @returns {Promise<Item[]>}');
    expect(catalog).toContain('export async function loadCatalog(file) {');
    expect(catalog).toContain("return JSON.parse(await fs.promises.readFile(file, 'utf8'));");
    expect(catalog).toContain('return (await loadCatalog(file)).find((item) => item.sku === sku);');
    const search = await repo.show(json.branch, 'src/search.js');
    expect(search).toContain('export async function priceOf(file, sku) {');
    expect(search).toContain('const item = await findItem(file, sku);');
    expect(search).toContain('return await Promise.all(files.map(loadCatalog));');
    const tests = await repo.show(json.branch, 'test/catalog.test.js');
    expect(tests).toContain("test('loads every item', async () => {");
    expect(tests).toContain("assert.equal(await priceOf(CATALOG, 'Z-999'), null);");
  });
});

describe('a conversion that reaches a getter', () => {
  let repo: ExampleRepo;
  let before: RepoSnapshot;
  let result: CliResult;

  beforeAll(async () => {
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
    repo = await createExampleRepo({
      example: 'catalog-ts',
      files: { 'src/search.js': `${SEARCH}${shelf}` },
    });
    before = await repo.snapshot();
    result = await runCli(['run', 'make loadCatalog async', '--workspace', repo.dir]);
  }, 240_000);

  afterAll(() => repo?.cleanup());

  it('is refused in LOGIC with exit 2, naming the getter and its line, and leaves the repo byte-identical', async () => {
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('error [TRANSFORM_REFUSED]');
    expect(result.stderr).toContain(
      'loadCatalog ← Shelf.items (getter) (accessor, src/search.js:33: the getter Shelf.items cannot await loadCatalog()',
    );
    expect(await repo.snapshot()).toEqual(before);
  });
});
