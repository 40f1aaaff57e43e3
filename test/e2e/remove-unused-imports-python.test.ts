import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RepoSnapshot } from '../fixtures/git/snapshot-repo.js';
import { INVENTORY_PY } from '../fixtures/transforms/remove-unused-imports-repos.js';
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

describe('run "remove unused imports" on a Python inventory', () => {
  let repo: ExampleRepo;
  let beforeRefusal: RepoSnapshot;
  let refusal: CliResult;
  let afterRefusal: RepoSnapshot;
  let checkoutBefore: Record<string, string>;
  let result: CliResult;
  let json: RunJson;

  beforeAll(async () => {
    repo = await createExampleRepo({ files: INVENTORY_PY });
    beforeRefusal = await repo.snapshot();
    refusal = await runCli([
      'run',
      'remove unused imports in inventory/__init__.py',
      '--workspace',
      repo.dir,
    ]);
    afterRefusal = await repo.snapshot();
    checkoutBefore = await repo.checkoutSnapshot();
    result = await runCli(['run', 'remove unused imports', '--workspace', repo.dir, '--json']);
    json = JSON.parse(result.stdout) as RunJson;
  }, 300_000);

  afterAll(() => repo?.cleanup());

  it("says there is nothing to remove where the only unused import is the package's re-export, leaving the repository byte-identical", () => {
    expect(refusal.code, refusal.stderr).toBe(2);
    expect(refusal.stderr).toContain('NOTHING_TO_DO');
    expect(refusal.stderr).toContain('inventory/__init__.py:1 restock:');
    expect(afterRefusal).toEqual(beforeRefusal);
  });

  it('commits a test-green change and leaves the checkout as it was', async () => {
    expect(result.code, result.stderr).toBe(0);
    expect(json.branch).toBe('mcp-orchestrator/remove-unused-imports');
    expect(json.phases.find((p) => p.phase === 'execute')?.data.test?.passed).toBe(true);
    expect(await repo.checkoutSnapshot()).toEqual(checkoutBefore);
  });

  it('removes a name out of `import a, b`, a line of a multi-line list, and a test’s unused import', async () => {
    const stock = await repo.show(json.branch, 'inventory/stock.py');
    expect(
      stock.startsWith('import json\nimport sys\nfrom typing import (\n    Dict,\n    List,\n)\n'),
    ).toBe(true);
    expect(await repo.show(json.branch, 'tests/test_stock.py')).toBe(
      (INVENTORY_PY['tests/test_stock.py'] as string).replace('from unittest import mock\n', ''),
    );
  });

  it('keeps the `# noqa` import and the __init__.py re-export', async () => {
    expect(await repo.show(json.branch, 'inventory/stock.py')).toContain(
      'import logging  # noqa: F401',
    );
    expect(await repo.show(json.branch, 'inventory/__init__.py')).toBe(
      INVENTORY_PY['inventory/__init__.py'],
    );
  });
});
