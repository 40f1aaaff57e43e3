import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type AsyncRepoShape, type AsyncRepoSummary, toAsyncRepoShape } from './async-shape.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const svc = (k: number) => `svc_${pad(k, 2)}`;
const feat = (j: number) => `feat_${pad(j, 3)}`;
const rep = (r: number) => `rep_${pad(r, 2)}`;

/** How service `k` reaches `read_record`: the four ways a module can be imported. */
function serviceModule(k: number, withClass: boolean): string {
  const imports = [
    ['from app.storage import read_record', 'read_record'],
    ['from app import storage', 'storage.read_record'],
    ['from app.storage import read_record as fetch_record', 'fetch_record'],
    ['import app.storage as store', 'store.read_record'],
  ][k % 4] as [string, string];
  const lines = [
    `"""Service ${k}: records, trimmed."""`,
    imports[0],
    '',
    '',
    `def load_${k}(path):`,
    `    return ${imports[1]}(path).strip()`,
  ];
  if (withClass) {
    lines.push(
      '',
      '',
      `class RecordCache${k}:`,
      '    def __init__(self):',
      '        self.hits = 0',
      '',
      `    def fetch_${k}(self, path):`,
      '        self.hits += 1',
      `        return load_${k}(path)`,
      '',
      `    def get_${k}(self, path):`,
      `        return self.fetch_${k}(path).upper()`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Feature `j` calls service `k`: through the module, the function itself, or a cached method. */
function featureModule(j: number, k: number, withClass: boolean): string {
  if (withClass) {
    return `from app.services.${svc(k)} import RecordCache${k}\n\n\ndef feature_${j}(path):\n    cache = RecordCache${k}()\n    return len(cache.get_${k}(path)) + ${j}\n`;
  }
  if (j % 2 === 0) {
    return `from app.services import ${svc(k)}\n\n\ndef feature_${j}(path):\n    text = ${svc(k)}.load_${k}(path)\n    return len(text) + ${j}\n`;
  }
  return `from app.services.${svc(k)} import load_${k}\n\n\ndef feature_${j}(path):\n    return len(load_${k}(path).split()) + ${j}\n`;
}

function reportModule(r: number, features: readonly number[]): string {
  const imports = features.map((j) => `from app.features.${feat(j)} import feature_${j}`);
  const sums = features.map((j) => `    total += feature_${j}(path)`);
  return `${imports.join('\n')}\n\n\ndef report_${r}(path):\n    total = 0\n${sums.join('\n')}\n    return total\n`;
}

function fillerModule(i: number): string {
  return `def helper_${i}(xs):\n    total = 0\n    for x in xs:\n        total += x * ${i}\n    return total\n`;
}

/**
 * Writes a Python package whose `app.storage.read_record` blocks (`time.sleep`, `open().read()`)
 * and is called, through chains of services (four import styles, cached methods), features and
 * reports, by `app.__main__` and a unittest suite; the rest of the `files` are unrelated filler.
 */
export function writeAsyncPythonRepo(dir: string, files: number): AsyncRepoSummary {
  const shape: AsyncRepoShape = toAsyncRepoShape(files);
  for (const sub of ['app/services', 'app/features', 'app/reports', 'app/filler', 'tests', 'data'])
    mkdirSync(path.join(dir, sub), { recursive: true });
  const write = (file: string, text: string) => writeFileSync(path.join(dir, file), text);
  for (const pkg of ['app', 'app/services', 'app/features', 'app/reports', 'app/filler', 'tests'])
    write(`${pkg}/__init__.py`, '');
  write('data/record.txt', 'alpha beta gamma\n');
  write(
    'app/storage.py',
    '"""Records on disk, behind a rate limit."""\nimport time\n\n\ndef read_record(path):\n    time.sleep(0)\n    return open(path, encoding="utf-8").read()\n',
  );
  for (let k = 0; k < shape.services; k += 1)
    write(`app/services/${svc(k)}.py`, serviceModule(k, shape.hasClass(k)));
  for (let j = 0; j < shape.features; j += 1) {
    const k = shape.serviceOf(j);
    write(`app/features/${feat(j)}.py`, featureModule(j, k, shape.hasClass(k) && j % 3 === 0));
  }
  for (let r = 0; r < shape.reports; r += 1)
    write(`app/reports/${rep(r)}.py`, reportModule(r, shape.featuresOf(r)));
  const reportImports = Array.from(
    { length: shape.reports },
    (_, r) => `from app.reports.${rep(r)} import report_${r}`,
  );
  const prints = Array.from({ length: shape.reports }, (_, r) => `    print(report_${r}(path))`);
  write(
    'app/__main__.py',
    `import sys\n\n${reportImports.join('\n')}\n\n\ndef main(argv=None):\n    args = sys.argv[1:] if argv is None else argv\n    path = args[0] if args else "data/record.txt"\n${prints.join('\n')}\n    return 0\n\n\nif __name__ == "__main__":\n    main()\n`,
  );
  write(
    'tests/test_app.py',
    `import unittest\nfrom pathlib import Path\n\nfrom app.__main__ import main\nfrom app.reports.${rep(0)} import report_0\nfrom app.services.${svc(0)} import load_0\n\nDATA = str(Path(__file__).resolve().parent.parent / "data" / "record.txt")\n\n\nclass AppTest(unittest.TestCase):\n    def test_load_trims(self):\n        self.assertEqual(load_0(DATA), "alpha beta gamma")\n\n    def test_report_sums_its_features(self):\n        self.assertGreater(report_0(DATA), 0)\n\n    def test_main_prints_every_report(self):\n        self.assertEqual(main([DATA]), 0)\n\n\nif __name__ == "__main__":\n    unittest.main()\n`,
  );
  const written = 8 + shape.services + shape.features + shape.reports + 2;
  for (let i = 0; written + i < files; i += 1)
    write(`app/filler/mod_${pad(i, 4)}.py`, fillerModule(i));
  return {
    root: 'read_record',
    definition: 'app/storage.py',
    expectedFunctions: shape.functions,
    expectedFiles: shape.files,
  };
}
