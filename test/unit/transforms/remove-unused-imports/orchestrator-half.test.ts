import { describe, expect, it } from 'vitest';
import type { FileChange } from '../../../../src/core/change/change-types.js';
import { isOrchestratorError } from '../../../../src/core/errors.js';
import { parseIntent, validateIntent } from '../../../../src/intent/parse-intent.js';
import { checkRemoveUnusedImportsChange } from '../../../../src/transforms/remove-unused-imports/check-change.js';
import { resolveScope } from '../../../../src/transforms/remove-unused-imports/resolve-scope.js';

const thrown = (body: () => unknown): unknown => {
  try {
    body();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('remove_unused_imports commands', () => {
  it.each([
    ['remove unused imports', undefined],
    ['Remove all unused imports.', undefined],
    ['remove unused imports in src/users', 'src/users'],
    ['clean up unused imports in `ledger/core.py`', 'ledger/core.py'],
    ['cleanup unused imports from ./pkg/', 'pkg'],
    ['delete the unused imports under tests', 'tests'],
  ])('reads "%s"', (command, scope) => {
    expect(parseIntent(command)).toEqual({
      kind: 'remove_unused_imports',
      ...(scope ? { scope } : {}),
    });
  });

  it('is reached through the common parser and refuses a scope outside the repository', () => {
    expect(parseIntent('clean up unused imports in src')).toEqual({
      kind: 'remove_unused_imports',
      scope: 'src',
    });
    const outside = thrown(() =>
      validateIntent({ kind: 'remove_unused_imports', scope: '../other' }),
    );
    expect(isOrchestratorError(outside, 'PATH_OUTSIDE_WORKSPACE')).toBe(true);
  });
});

describe('the files a scope names', () => {
  const tracked = [
    'README.md',
    'pkg/__init__.py',
    'pkg/core.py',
    'src/a.ts',
    'src/a.d.ts',
    'node_modules/x/i.js',
    'src/sub/b.js',
  ];

  it('are the Python and JS/TS sources of a folder or file, declarations and dependencies left out', () => {
    expect(resolveScope(undefined, tracked)).toEqual([
      'pkg/__init__.py',
      'pkg/core.py',
      'src/a.ts',
      'src/sub/b.js',
    ]);
    expect(resolveScope('src', tracked)).toEqual(['src/a.ts', 'src/sub/b.js']);
    expect(resolveScope('pkg/core.py', tracked)).toEqual(['pkg/core.py']);
  });

  it('is BAD_INPUT naming the closest paths when it holds none', () => {
    const error = thrown(() => resolveScope('pkg/cor', tracked));
    expect(isOrchestratorError(error, 'BAD_INPUT')).toBe(true);
    expect((error as Error).message).toBe(
      'pkg/cor is not a Python or JS/TS file or folder tracked in this repository. The closest: pkg, pkg/core.py, pkg/__init__.py.',
    );
  });
});

describe('what a remove_unused_imports plan may write', () => {
  const edit = (oldText: string, newText: string): FileChange => ({
    op: 'edit',
    file: 'a.py',
    edits: [{ start: [1, 1], end: [1, 2], oldText, newText, reason: 'unused import' }],
  });

  it('accepts whole import statements, names out of one, pass and side-effect imports', () => {
    for (const change of [
      edit('import os\n', ''),
      edit('from typing import (\n    List,\n    Dict,\n)\n', ''),
      edit('import sys; ', ''),
      edit('    List,  # lists\n', ''),
      edit(', Optional', ''),
      edit('import collections', 'pass'),
      edit("import { a, b } from './lib';\r\n", ''),
      edit(', { b }', ''),
      edit('import { a } from ', 'import '),
    ]) {
      expect(checkRemoveUnusedImportsChange(change)).toBeUndefined();
    }
  });

  it('refuses code that is not an import, new text and new files', () => {
    expect(checkRemoveUnusedImportsChange(edit('x = compute()\n', ''))).toContain(
      'not the removal of an import',
    );
    expect(checkRemoveUnusedImportsChange(edit('import os\n', 'import sys\n'))).toContain(
      'not the removal',
    );
    expect(
      checkRemoveUnusedImportsChange({ op: 'create', file: 'b.py', text: '', reason: 'x' }),
    ).toContain('does not create');
  });
});
