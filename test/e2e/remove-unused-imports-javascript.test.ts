import { describe, expect, it } from 'vitest';
import { CALC_JS } from '../fixtures/transforms/remove-unused-imports-repos.js';
import {
  expectCommittedOnBranch,
  expectRefusedUntouched,
  useCommittedRun,
} from '../helpers/transform-e2e.js';

describe('run "clean up unused imports in src" and "remove unused imports" on a JavaScript calculator', () => {
  const run = useCommittedRun({ files: CALC_JS }, 'remove unused imports', {
    refuseFirst: 'clean up unused imports in src/math.js',
    timeoutMs: 300_000,
  });

  it('says there is nothing to remove in a file without unused imports, leaving the repository byte-identical', () => {
    expectRefusedUntouched(
      run.refusal,
      'NOTHING_TO_DO',
      'No unused imports to remove in src/math.js',
    );
  });

  it('commits a test-green change and leaves the checkout as it was', async () => {
    await expectCommittedOnBranch(run, 'mcp-orchestrator/remove-unused-imports');
  });

  it('removes unused names, a namespace import and a test’s unused import, keeping the side-effect import', async () => {
    expect(await run.repo.show(run.json.branch, 'src/calc.js')).toBe(
      "import { add } from './math.js';\nimport './polyfill.js';\n\nexport function sum(values) {\n  return values.reduce(add, 0);\n}\n",
    );
    expect(await run.repo.show(run.json.branch, 'test/calc.test.js')).toBe(
      (CALC_JS['test/calc.test.js'] as string).replace(
        "import { sub } from '../src/math.js';\n",
        '',
      ),
    );
  });
});
