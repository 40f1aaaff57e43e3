import { describe, expect, it } from 'vitest';
import { INVENTORY_PY } from '../fixtures/transforms/remove-unused-imports-repos.js';
import {
  expectCommittedOnBranch,
  expectRefusedUntouched,
  useCommittedRun,
} from '../helpers/transform-e2e.js';

describe('run "remove unused imports" on a Python inventory', () => {
  const run = useCommittedRun({ files: INVENTORY_PY }, 'remove unused imports', {
    refuseFirst: 'remove unused imports in inventory/__init__.py',
    timeoutMs: 300_000,
  });
  const show = (file: string) => run.repo.show(run.json.branch, file);

  it("says there is nothing to remove where the only unused import is the package's re-export, leaving the repository byte-identical", () => {
    expectRefusedUntouched(run.refusal, 'NOTHING_TO_DO', 'inventory/__init__.py:1 restock:');
  });

  it('commits a test-green change and leaves the checkout as it was', async () => {
    await expectCommittedOnBranch(run, 'mcp-orchestrator/remove-unused-imports');
  });

  it('removes a name out of `import a, b`, a line of a multi-line list, and a test’s unused import', async () => {
    const stock = await show('inventory/stock.py');
    expect(
      stock.startsWith('import json\nimport sys\nfrom typing import (\n    Dict,\n    List,\n)\n'),
    ).toBe(true);
    expect(await show('tests/test_stock.py')).toBe(
      (INVENTORY_PY['tests/test_stock.py'] as string).replace('from unittest import mock\n', ''),
    );
  });

  it('keeps the `# noqa` import and the __init__.py re-export', async () => {
    expect(await show('inventory/stock.py')).toContain('import logging  # noqa: F401');
    expect(await show('inventory/__init__.py')).toBe(INVENTORY_PY['inventory/__init__.py']);
  });
});
