import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type CatalogueRepoSummary, type ModuleRole, toModuleRoles } from './catalogue-shape.js';

const pad = (n: number) => String(n).padStart(4, '0');

function module(i: number, role: ModuleRole): string {
  if (role === 'user')
    return `from pkg.core import compute_total, format_total\n\n\ndef run_${i}(xs):\n    return format_total(compute_total(xs, False) + ${i})\n`;
  if (role === 'unused-import')
    return `import math\nimport os\n\n\ndef helper_${i}(xs):\n    return math.floor(sum(xs) * ${i} / 3)\n`;
  return `def helper_${i}(xs):\n    total = 0\n    for x in xs:\n        total += x * ${i}\n    return total\n`;
}

/**
 * Writes a Python package of `files` files for the catalogue bench: `pkg/core.py` declares
 * `compute_total(values, verbose=False)` (its `verbose` unused: a parameter to remove, and one to
 * add beside it) and `format_total` (a helper to move); `pkg/totals.py` declares the compatible
 * `sum_values` (what calls of `compute_total` can become). `users` modules import and call both
 * core functions, `unusedImports` others import `os` without using it; a unittest suite calls
 * them; the rest is filler.
 */
export function writeCataloguePythonRepo(
  dir: string,
  files: number,
  users: number,
  unusedImports: number,
): CatalogueRepoSummary {
  for (const sub of ['pkg', 'tests']) mkdirSync(path.join(dir, sub), { recursive: true });
  const write = (file: string, text: string) => writeFileSync(path.join(dir, file), text);
  write('pkg/__init__.py', '');
  write('tests/__init__.py', '');
  write(
    'pkg/core.py',
    'def compute_total(values, verbose=False):\n    """Sums values."""\n    return sum(values)\n\n\ndef format_total(total):\n    """A total for people: two decimals."""\n    return f"{total:.2f}"\n',
  );
  write(
    'pkg/totals.py',
    'def sum_values(values, verbose=False):\n    """Sums values, the new way."""\n    return sum(values)\n',
  );
  write(
    'tests/test_core.py',
    'import unittest\n\nfrom pkg.core import compute_total, format_total\nfrom pkg.mod_0000 import run_0\n\n\nclass CoreTest(unittest.TestCase):\n    def test_total(self):\n        self.assertEqual(compute_total([1, 2], False), 3)\n        self.assertEqual(format_total(3), "3.00")\n        self.assertEqual(run_0([1]), "1.00")\n\n\nif __name__ == "__main__":\n    unittest.main()\n',
  );
  const modules = files - 5;
  const roleOf = toModuleRoles(modules, users, unusedImports);
  for (let i = 0; i < modules; i += 1) write(`pkg/mod_${pad(i)}.py`, module(i, roleOf(i)));
  return { users, unusedImports, promiseChains: 0 };
}
