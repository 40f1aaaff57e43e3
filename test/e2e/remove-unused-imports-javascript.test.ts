import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RepoSnapshot } from '../fixtures/git/snapshot-repo.js';
import { CALC_JS } from '../fixtures/transforms/remove-unused-imports-repos.js';
import {
  type CliResult,
  createExampleRepo,
  type ExampleRepo,
  runCli,
} from '../helpers/fixture-repo.js';

interface RunJson {
  branch: string;
  phases: Array<{ phase: string; data: { test?: { passed: boolean } } }>;
}

describe('run "clean up unused imports in src" and "remove unused imports" on a JavaScript calculator', () => {
  let repo: ExampleRepo;
  let beforeRefusal: RepoSnapshot;
  let refusal: CliResult;
  let afterRefusal: RepoSnapshot;
  let checkoutBefore: Record<string, string>;
  let result: CliResult;
  let json: RunJson;

  beforeAll(async () => {
    repo = await createExampleRepo({ files: CALC_JS });
    beforeRefusal = await repo.snapshot();
    refusal = await runCli([
      'run',
      'clean up unused imports in src/math.js',
      '--workspace',
      repo.dir,
    ]);
    afterRefusal = await repo.snapshot();
    checkoutBefore = await repo.checkoutSnapshot();
    result = await runCli(['run', 'remove unused imports', '--workspace', repo.dir, '--json']);
    json = JSON.parse(result.stdout) as RunJson;
  }, 300_000);

  afterAll(() => repo?.cleanup());

  it('says there is nothing to remove in a file without unused imports, leaving the repository byte-identical', () => {
    expect(refusal.code, refusal.stderr).toBe(2);
    expect(refusal.stderr).toContain('NOTHING_TO_DO');
    expect(refusal.stderr).toContain('No unused imports to remove in src/math.js');
    expect(afterRefusal).toEqual(beforeRefusal);
  });

  it('commits a test-green change and leaves the checkout as it was', async () => {
    expect(result.code, result.stderr).toBe(0);
    expect(json.branch).toBe('mcp-orchestrator/remove-unused-imports');
    expect(json.phases.find((p) => p.phase === 'execute')?.data.test?.passed).toBe(true);
    expect(await repo.checkoutSnapshot()).toEqual(checkoutBefore);
  });

  it('removes unused names, a namespace import and a test’s unused import, keeping the side-effect import', async () => {
    expect(await repo.show(json.branch, 'src/calc.js')).toBe(
      "import { add } from './math.js';\nimport './polyfill.js';\n\nexport function sum(values) {\n  return values.reduce(add, 0);\n}\n",
    );
    expect(await repo.show(json.branch, 'test/calc.test.js')).toBe(
      (CALC_JS['test/calc.test.js'] as string).replace(
        "import { sub } from '../src/math.js';\n",
        '',
      ),
    );
  });
});
