import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPythonAdapter, type PythonAdapter } from '../../../../src/lang/python/index.js';
import type { RemoveUnusedImportsFacts } from '../../../../src/transforms/remove-unused-imports/contract.js';
import {
  createPythonFixture,
  type PythonFixture,
} from '../../../fixtures/lang-python/create-python-fixture.js';
import { removeUnusedImports } from '../../../fixtures/transforms/remove-unused-imports-via-halves.js';

const FILES: Record<string, string> = {
  'pkg/__init__.py': 'from .core import helper, unused_helper\nimport os\n',
  'pkg/core.py': [
    '"""Core."""',
    'import os, sys',
    'from typing import (',
    '    List,',
    '    Dict,  # mappings',
    '    Optional,',
    ')',
    'import json  # noqa',
    'import csv  # noqa: F401',
    'import re  # noqa: E501',
    'import pathlib as pathlib',
    'from collections import OrderedDict',
    'import sys as system; import abc',
    '__all__ = ["helper", "OrderedDict"]',
    'try:',
    '    import yaml',
    'except ImportError:',
    '    yaml = None',
    '',
    '',
    'def helper(items: Dict[str, int]) -> int:',
    '    return len(sys.argv) + len(items)',
    '',
    '',
    'def unused_helper():',
    '    if True:',
    '        import collections',
    '    return abc',
    '',
  ].join('\n'),
  'pkg/crlf.py': 'import os\r\nimport sys\r\n\r\nprint(sys.argv)\r\n',
  'pkg/shared.py': 'import logging\n',
  'app.py': 'from pkg.shared import logging\n\nlogging.getLogger().info("x")\n',
  'clean.py': 'import sys\n\nprint(sys.argv)\n',
};

describe('remove_unused_imports, Python half (pyright reportUnusedImport)', () => {
  let fixture: PythonFixture;
  let adapter: PythonAdapter;
  let after: Record<string, string>;
  let facts: RemoveUnusedImportsFacts;

  beforeAll(async () => {
    fixture = await createPythonFixture(FILES);
    adapter = createPythonAdapter({ root: fixture.root });
    ({ after, facts } = await removeUnusedImports(
      adapter,
      fixture.root,
      Object.keys(FILES).sort(),
    ));
  }, 120_000);

  afterAll(async () => {
    await adapter?.close();
    await fixture?.cleanup();
  });

  const core = () => after['pkg/core.py'] ?? '';

  it('removes a name out of `import a, b` and out of a multi-line parenthesised list', () => {
    expect(core()).toContain('\nimport sys\n');
    expect(core()).toContain('from typing import (\n    Dict,  # mappings\n)\n');
    expect(core()).not.toContain('List');
  });

  it('removes whole statements with their lines, and a `;`-joined one without its neighbour', () => {
    expect(core()).toContain('import csv  # noqa: F401\nimport pathlib as pathlib\n');
    expect(core()).toContain('\nimport abc\n__all__');
    expect(core()).not.toContain('system');
  });

  it('writes pass where removing the import would leave a block empty', () => {
    expect(core()).toContain('    if True:\n        pass\n    return abc');
  });

  it('keeps `# noqa` (bare and F401) imports, but not a noqa for another code', () => {
    expect(core()).toContain('import json  # noqa\n');
    expect(core()).toContain('import csv  # noqa: F401\n');
    expect(core()).not.toContain('import re');
    expect(facts.kept).toContainEqual(
      expect.objectContaining({ file: 'pkg/core.py', name: 'json', reason: 'side-effect' }),
    );
  });

  it('keeps names in __all__, `import a as a`, and optional imports in try', () => {
    expect(core()).toContain('from collections import OrderedDict\n');
    expect(core()).toContain('import pathlib as pathlib\n');
    expect(core()).toContain('    import yaml\n');
    const reasons = facts.kept
      .filter((k) => k.file === 'pkg/core.py')
      .map((k) => [k.name, k.reason]);
    expect(reasons).toContainEqual(['yaml', 'side-effect']);
  });

  it("keeps __init__.py's imports from its own package but removes its unused stdlib import", () => {
    expect(after['pkg/__init__.py']).toBe('from .core import helper, unused_helper\n');
  });

  it('keeps an import other modules import from this one', () => {
    expect(after['pkg/shared.py']).toBeUndefined();
    expect(facts.kept).toContainEqual(
      expect.objectContaining({ file: 'pkg/shared.py', name: 'logging', reason: 're-export' }),
    );
  });

  it("removes whole lines in the file's own line endings and leaves clean files alone", () => {
    expect(after['pkg/crlf.py']).toBe('import sys\r\n\r\nprint(sys.argv)\r\n');
    expect(after['clean.py']).toBeUndefined();
  });

  it('reports every removed binding, sorted', () => {
    expect(facts.removed.map((b) => `${b.file}:${b.line}:${b.name}`)).toEqual([
      'pkg/__init__.py:2:os',
      'pkg/core.py:2:os',
      'pkg/core.py:4:List',
      'pkg/core.py:6:Optional',
      'pkg/core.py:10:re',
      'pkg/core.py:13:system',
      'pkg/core.py:27:collections',
      'pkg/crlf.py:1:os',
    ]);
  });
});
