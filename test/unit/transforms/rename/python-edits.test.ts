import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TextEdit } from '../../../../src/core/source-types.js';
import { createPythonAdapter, type PythonAdapter } from '../../../../src/lang/python/index.js';
import {
  applyEdits,
  type PythonFixture,
} from '../../../fixtures/lang-python/create-python-fixture.js';
import {
  createLedgerFixture,
  LEDGER_FILES,
  POST_ENTRY_DEFINITION,
} from '../../../fixtures/lang-python/ledger-fixture.js';
import { renameEdits } from '../../../fixtures/transforms/rename-via-halves.js';

describe('Python adapter rename edits (post_entry → record_entry)', () => {
  let fixture: PythonFixture;
  let adapter: PythonAdapter;
  let edits: TextEdit[];
  let renamed: Record<string, string>;

  beforeAll(async () => {
    fixture = await createLedgerFixture();
    adapter = createPythonAdapter({ root: fixture.root });
    edits = await renameEdits(adapter, POST_ENTRY_DEFINITION, 'record_entry');
    renamed = await applyEdits(fixture.root, edits);
  });

  afterAll(async () => {
    await adapter?.close();
    await fixture?.cleanup();
  });

  const fileAfter = (file: string): string => renamed[file] ?? LEDGER_FILES[file] ?? '';

  it('renames the definition and a global use inside another function', () => {
    const core = fileAfter('ledger/core.py');
    expect(core).toContain('\ndef record_entry(amount):');
    expect(core).toContain('return record_entry(len(message))');
  });

  it('renames module-qualified uses through `import ... as` and the full dotted path', () => {
    expect(fileAfter('ledger/qualified.py')).toContain(
      'return c.record_entry(1) + ledger.core.record_entry(2)',
    );
  });

  it('renames only the imported name in `from m import x as y`, not the alias or its uses', () => {
    expect(fileAfter('ledger/aliased.py')).toBe(
      'from ledger.core import record_entry as pe\n\n\ndef run():\n    return pe(3)\n',
    );
  });

  it('renames both the import and the uses of `from m import x`', () => {
    expect(fileAfter('ledger/direct.py')).toBe(
      'from ledger.core import record_entry\n\n\ndef run():\n    return record_entry(5)\n',
    );
  });

  it('renames uses that arrive through a star import', () => {
    expect(fileAfter('ledger/star.py')).toContain('return record_entry(4)');
    expect(fileAfter('ledger/star.py')).toContain('from ledger.core import *');
  });

  it('renames the name inside __all__ lists but leaves other strings alone', () => {
    expect(fileAfter('ledger/core.py')).toContain(
      '__all__ = ["record_entry", "Book", "post_entry_total"]',
    );
    expect(fileAfter('ledger/__init__.py')).toContain("__all__ = ['record_entry', 'Book']");
    expect(fileAfter('ledger/core.py')).toContain('message = "post_entry"');
  });

  it('renames the package re-export in __init__.py and the modules importing through it', () => {
    expect(fileAfter('ledger/__init__.py')).toContain('from .core import record_entry, Book');
    expect(fileAfter('ledger/reexport.py')).toBe(
      'from ledger import record_entry\n\n\ndef run():\n    return record_entry(6)\n',
    );
  });

  it('renames uses in tests but not a same-named method called on another class', () => {
    const test = fileAfter('tests/test_core.py');
    expect(test).toContain('from ledger.core import Book, record_entry');
    expect(test).toContain('self.assertEqual(record_entry(1), 1)');
    expect(test).toContain('self.assertEqual(Book().post_entry(1), 2)');
    expect(fileAfter('ledger/relative.py')).toContain(
      'return core.record_entry(7) + Book().post_entry(8)',
    );
  });

  it('leaves a shadowing parameter, a shadowing local and the same-named method untouched', () => {
    const core = fileAfter('ledger/core.py');
    expect(core).toContain('def shadow_param(post_entry):\n    return post_entry + 1');
    expect(core).toContain('    post_entry = 5\n    return post_entry\n');
    expect(core).toContain('    def post_entry(self, amount):');
  });

  it('leaves comments, docstrings and identifiers that contain the name untouched', () => {
    const core = fileAfter('ledger/core.py');
    expect(core).toContain('"""Ledger core: post_entry posts an entry."""');
    expect(core).toContain('# post_entry is documented here');
    expect(core).toContain('\npost_entry_total = 0\n');
  });

  it('counts columns in UTF-16 code units after non-ASCII text', () => {
    const edit = edits.find((e) => e.file === 'ledger/unicode.py' && e.line === 3);
    expect(edit).toMatchObject({ column: 24, length: 10, oldText: 'post_entry' });
    expect(fileAfter('ledger/unicode.py')).toContain('label = "😀é"; total = record_entry(9)');
  });

  it('returns exactly the expected edit set, sorted by file, line and column', () => {
    const keys = edits.map((e) => `${e.file}:${e.line}:${e.column}`);
    expect(keys).toEqual([
      'ledger/__init__.py:1:19',
      'ledger/__init__.py:2:13',
      'ledger/aliased.py:1:25',
      'ledger/core.py:2:13',
      'ledger/core.py:7:5',
      'ledger/core.py:28:12',
      'ledger/direct.py:1:25',
      'ledger/direct.py:5:12',
      'ledger/qualified.py:6:14',
      'ledger/qualified.py:6:42',
      'ledger/reexport.py:1:20',
      'ledger/reexport.py:5:12',
      'ledger/relative.py:6:17',
      'ledger/star.py:5:12',
      'ledger/unicode.py:1:25',
      'ledger/unicode.py:3:24',
      'tests/test_core.py:3:31',
      'tests/test_core.py:8:26',
    ]);
    expect(edits.every((e) => e.oldText === 'post_entry' && e.newText === 'record_entry')).toBe(
      true,
    );
  });

  it('produces a repository whose tests still pass after the rename', async () => {
    const copy = await mkdtemp(path.join(tmpdir(), 'lang-python-renamed-'));
    try {
      await cp(fixture.root, copy, { recursive: true });
      for (const [file, text] of Object.entries(renamed))
        await writeFile(path.join(copy, file), text);
      const run = promisify(execFile);
      const { stderr } = await run(
        'python3',
        ['-m', 'unittest', 'discover', '-s', 'tests', '-t', '.'],
        {
          cwd: copy,
        },
      );
      expect(stderr).toMatch(/Ran 1 test[\s\S]*OK/);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it('gives the same edits when asked again and from a freshly started pyright', async () => {
    const again = await renameEdits(adapter, POST_ENTRY_DEFINITION, 'record_entry');
    const fresh = createPythonAdapter({ root: fixture.root });
    try {
      const fromFresh = await renameEdits(
        fresh,
        { file: 'tests/test_core.py', line: 8, column: 26 },
        'record_entry',
      );
      expect(JSON.stringify(again)).toBe(JSON.stringify(edits));
      expect(JSON.stringify(fromFresh)).toBe(JSON.stringify(edits));
    } finally {
      await fresh.close();
    }
  });
});
