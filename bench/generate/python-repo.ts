import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes a Python package of `files` modules; `users` of them import and call `compute_total`. */
export function writePythonRepo(
  dir: string,
  files: number,
  users: number,
): { symbol: string; definition: string } {
  mkdirSync(path.join(dir, 'pkg'), { recursive: true });
  mkdirSync(path.join(dir, 'tests'), { recursive: true });
  writeFileSync(path.join(dir, 'pkg', '__init__.py'), '');
  writeFileSync(path.join(dir, 'tests', '__init__.py'), '');
  writeFileSync(
    path.join(dir, 'pkg', 'core.py'),
    'def compute_total(values):\n    """Sums values."""\n    return sum(values)\n',
  );
  const step = Math.floor(files / users);
  for (let i = 0; i < files; i += 1) {
    const name = `mod_${String(i).padStart(4, '0')}`;
    const uses = i % step === 0 && i / step < users;
    const body = uses
      ? `from pkg.core import compute_total\n\n\ndef run_${i}(xs):\n    return compute_total(xs) + ${i}\n`
      : `def helper_${i}(xs):\n    total = 0\n    for x in xs:\n        total += x * ${i}\n    return total\n`;
    writeFileSync(path.join(dir, 'pkg', `${name}.py`), body);
  }
  writeFileSync(
    path.join(dir, 'tests', 'test_core.py'),
    'import unittest\n\nfrom pkg.core import compute_total\nfrom pkg.mod_0000 import run_0\n\n\nclass CoreTest(unittest.TestCase):\n    def test_total(self):\n        self.assertEqual(compute_total([1, 2]), 3)\n        self.assertEqual(run_0([1]), 1)\n\n\nif __name__ == "__main__":\n    unittest.main()\n',
  );
  return { symbol: 'compute_total', definition: 'pkg/core.py' };
}
