import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourcePosition } from '../../../../src/core/source-types.js';
import { createPythonAdapter, type PythonAdapter } from '../../../../src/lang/python/index.js';
import {
  findRopeInterpreter,
  ropeCandidates,
  ropeMissingMessage,
  SYSTEM_PYTHON,
} from '../../../../src/transforms/move/rope-interpreter.python.js';
import {
  createPythonFixture,
  type PythonFixture,
} from '../../../fixtures/lang-python/create-python-fixture.js';
import { MOVE_LEDGER_FILES } from '../../../fixtures/transforms/move-python-fixture.js';
import { type MoveOutcome, moveVia } from '../../../fixtures/transforms/move-via-halves.js';

const run = promisify(execFile);

/** The position of the `occurrence`-th `def <name>`/`class <name>`/`<name> =` in `file`. */
function declarationOf(files: Record<string, string>, file: string, name: string): SourcePosition {
  const lines = (files[file] ?? '').split('\n');
  const line = lines.findIndex((text) =>
    new RegExp(`^\\s*(?:def|class)\\s+${name}\\b|^${name}\\s*=`).test(text),
  );
  if (line < 0) throw new Error(`${name} is not declared in ${file}`);
  const text = lines[line] as string;
  return { file, line: line + 1, column: text.search(new RegExp(`\\b${name}\\b`)) + 1 };
}

/** Runs the fixture's own unittest tests on `files` with `after` written over them. */
async function runFixtureTests(
  files: Record<string, string>,
  after: Record<string, string>,
): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'move-py-tests-'));
  try {
    const fixture = await createPythonFixture({ ...files, ...after });
    await cp(fixture.root, dir, { recursive: true });
    await fixture.cleanup();
    const { stderr } = await run(
      'python3',
      ['-m', 'unittest', 'discover', '-s', 'tests', '-t', '.'],
      { cwd: dir },
    );
    return stderr;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('move (Python): rope, and every importer following', () => {
  let fixture: PythonFixture | undefined;
  let adapter: PythonAdapter | undefined;
  afterEach(async () => {
    await adapter?.close();
    await fixture?.cleanup();
    adapter = undefined;
    fixture = undefined;
  });

  const move = async (
    files: Record<string, string>,
    file: string,
    name: string,
    to: string,
  ): Promise<MoveOutcome> => {
    fixture = await createPythonFixture(files);
    adapter = createPythonAdapter({ root: fixture.root });
    return moveVia(adapter, fixture.root, declarationOf(files, file, name), to);
  };

  it("passes the fixture's own tests before any move", async () => {
    expect(await runFixtureTests(MOVE_LEDGER_FILES, {})).toMatch(/OK\s*$/);
  });

  // The main move, computed once: its outcome is data, read by the tests below.
  let main: Promise<MoveOutcome> | undefined;
  const mainMove = (): Promise<MoveOutcome> => {
    main ??= move(MOVE_LEDGER_FILES, 'ledger/core.py', 'post_entry', 'ledger/journal/posting.py');
    return main;
  };

  it('moves a function into a new module in a new package with the private helpers only it uses', async () => {
    const { changes, facts, after } = await mainMove();
    expect(facts.refusal).toBeUndefined();
    expect(facts.engine).toMatch(/^rope \d+\.\d+/);
    expect(facts.moved.map((m) => `${m.role} ${m.kind} ${m.name}:${m.line}`)).toEqual([
      'symbol function post_entry:30',
      'helper function _check:17',
      'helper function _positive:22',
    ]);
    expect(facts.importedFromSource).toEqual(['to_cents']);
    expect(facts.newCycles).toEqual([]);
    expect(changes.filter((c) => c.op === 'create').map((c) => c.file)).toEqual([
      'ledger/journal/__init__.py',
      'ledger/journal/posting.py',
    ]);
    const moved = after['ledger/journal/posting.py'] ?? '';
    expect(moved).toContain('from ledger.core import to_cents\n');
    expect(moved).toContain('def _check(amount):');
    expect(moved).toContain('def _positive(amount):');
    expect(moved).toContain(
      'def post_entry(book, debit, credit, amount):\n    """Post amount from debit to credit."""',
    );
    const core = after['ledger/core.py'] ?? '';
    expect(core).not.toMatch(/def (post_entry|_check|_positive)/);
    expect(core).toContain('__all__ = ["Ledger", "balance"]');
    expect(core).toContain('import math\n');
    expect(core).toContain('def to_cents(amount):');
  });

  it('updates the re-export, aliased, relative, star, module and dotted imports and the tests, and they pass', async () => {
    const { after } = await mainMove();
    expect(after['ledger/__init__.py']).toBe(
      '"""A tiny double-entry ledger."""\nfrom ledger.core import Ledger\nfrom ledger.journal.posting import post_entry\n\n__all__ = ["Ledger", "post_entry"]\n',
    );
    // `from ledger import core` served only `core.post_entry`, so it goes.
    expect(after['ledger/reports.py']).toBe(`from ledger.journal import posting
from ledger.journal.posting import post_entry as post
import ledger.journal.posting


def opening(book, account, amount):
    return posting.post_entry(book, "equity", account, amount)


def replay(book, entries):
    for debit, credit, amount in entries:
        post(book, debit, credit, amount)
    return ledger.journal.posting.post_entry(book, "cash", "equity", 1)
`);
    expect(after['ledger/relative.py']).toBe(`from .journal.posting import post_entry
from .journal import posting


def twice(book):
    post_entry(book, "a", "b", 1)
    return posting.post_entry(book, "a", "b", 2)
`);
    expect(after['ledger/dotted.py']).toBe(
      'import ledger\nimport ledger.journal.posting\n\n\ndef via_package(book):\n    return ledger.journal.posting.post_entry(book, "d", "e", 1)\n',
    );
    expect(after['ledger/star.py']).toContain(
      'from ledger.core import *\nfrom ledger.journal.posting import post_entry\n',
    );
    expect(after['tests/test_ledger.py']).toContain(
      'from ledger.core import balance\nfrom ledger.journal.posting import post_entry as pe\n',
    );
    expect(await runFixtureTests(MOVE_LEDGER_FILES, after)).toMatch(/Ran 4 tests[\s\S]*OK\s*$/);
  });

  it('says why each edit exists', async () => {
    const { changes } = await mainMove();
    const reasons = new Set(
      changes.flatMap((c) =>
        c.op === 'edit' ? c.edits.map((e) => `${c.file}: ${e.reason}`) : [`${c.file}: ${c.reason}`],
      ),
    );
    expect([...reasons]).toEqual(
      expect.arrayContaining([
        'ledger/__init__.py: import updated',
        'ledger/core.py: __all__ entry',
        'ledger/core.py: declaration moved to ledger/journal/posting.py',
        'ledger/journal/__init__.py: package marker for the new folder of ledger/journal/posting.py',
        'ledger/journal/posting.py: new module for post_entry, moved from ledger/core.py',
        'ledger/reports.py: qualified use (now through ledger/journal/posting.py)',
        'ledger/star.py: import added',
      ]),
    );
  });

  it('moves into an existing module, joining its __all__', async () => {
    const { changes, after } = await move(
      MOVE_LEDGER_FILES,
      'ledger/core.py',
      'post_entry',
      'ledger/posting.py',
    );
    expect(changes.every((c) => c.op === 'edit')).toBe(true);
    const posting = after['ledger/posting.py'] ?? '';
    expect(posting).toContain('__all__ = ["reverse", "post_entry"]');
    expect(posting).toContain('def reverse(amount):');
    expect(posting).toContain('def post_entry(book, debit, credit, amount):');
    expect(await runFixtureTests(MOVE_LEDGER_FILES, after)).toMatch(/OK\s*$/);
  });

  it('moves a class, and the package re-export follows', async () => {
    const { facts, after } = await move(
      MOVE_LEDGER_FILES,
      'ledger/core.py',
      'Ledger',
      'ledger/books.py',
    );
    expect(facts.moved).toEqual([{ name: 'Ledger', kind: 'class', role: 'symbol', line: 9 }]);
    expect(after['ledger/books.py']).toContain('class Ledger:\n    def __init__(self):');
    expect(after['ledger/__init__.py']).toContain(
      'from ledger.core import post_entry\nfrom ledger.books import Ledger\n',
    );
    expect(await runFixtureTests(MOVE_LEDGER_FILES, after)).toMatch(/OK\s*$/);
  });

  it('reports the import cycle when the old module still uses what moves and the moved code uses what stays', async () => {
    const files = {
      ...MOVE_LEDGER_FILES,
      'ledger/core.py': `${MOVE_LEDGER_FILES['ledger/core.py']}\n\ndef transfer(book, amount):\n    return post_entry(book, "a", "b", amount)\n`,
    };
    const { facts } = await move(files, 'ledger/core.py', 'post_entry', 'ledger/posting.py');
    expect(facts.newCycles).toEqual([['ledger/core.py', 'ledger/posting.py', 'ledger/core.py']]);
    expect(facts.importedFromSource).toEqual(['to_cents']);
  });

  it('refuses a name the target already declares, and a method', async () => {
    const files = {
      ...MOVE_LEDGER_FILES,
      'ledger/posting.py': `${MOVE_LEDGER_FILES['ledger/posting.py']}\n\ndef balance(entries):\n    return sum(entries)\n`,
    };
    const clash = await move(files, 'ledger/core.py', 'balance', 'ledger/posting.py');
    expect(clash.facts.refusal).toEqual({
      reason: 'name-exists',
      message:
        'ledger/posting.py already has a module-level balance (line 10): moving balance there would replace it. Rename one of them first.',
    });
    expect(clash.changes).toEqual([]);
    await adapter?.close();
    await fixture?.cleanup();
    const method = await move(files, 'ledger/core.py', 'post', 'ledger/posting.py');
    expect(method.facts.refusal?.reason).toBe('not-module-level');
    expect(method.facts.refusal?.message).toContain(
      'post at ledger/core.py:13 is declared inside Ledger, not at module level',
    );
  });

  it("passes rope's own refusal on, with rope's message", async () => {
    const files = {
      'pkg/__init__.py': '',
      'pkg/a.py': 'from pkg.broken import thing\n\n\ndef f():\n    return thing\n',
      'pkg/broken.py': 'def thing(:\n',
    };
    const { facts, changes } = await move(files, 'pkg/a.py', 'f', 'pkg/b.py');
    expect(changes).toEqual([]);
    expect(facts.refusal).toEqual({
      reason: 'tool-refused',
      message:
        'rope refused to move f from pkg/a.py to pkg/b.py: Syntax error in file <pkg/broken.py> line <1>: invalid syntax',
    });
  });

  it("finds rope for the workspace interpreter or Debian's, and names the package when neither has it", async () => {
    expect(ropeCandidates('python3')).toEqual(['python3', SYSTEM_PYTHON]);
    expect(ropeCandidates(SYSTEM_PYTHON)).toEqual([SYSTEM_PYTHON]);
    const found = await findRopeInterpreter(ropeCandidates('/nowhere/python3'));
    expect(found).toEqual({
      pythonPath: SYSTEM_PYTHON,
      version: expect.stringMatching(/^\d+\.\d+/),
    });
    expect(await findRopeInterpreter(['/nowhere/python3', '/nowhere/python'])).toBeUndefined();
    expect(ropeMissingMessage(['/nowhere/python3', SYSTEM_PYTHON])).toBe(
      'rope is not installed for /nowhere/python3 or /usr/bin/python3: install python3-rope (Debian) or pip install rope. Moving Python code needs rope, the Python refactoring library.',
    );
  });
});
