import { describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../../src/core/errors.js';
import type { SymbolDefinition } from '../../../../src/core/source-types.js';
import { parseIntent } from '../../../../src/intent/parse-intent.js';
import { applyRangeEdits } from '../../../../src/transforms/move/apply-edits.js';
import { checkMoveChange } from '../../../../src/transforms/move/check-change.js';
import type { MoveFacts } from '../../../../src/transforms/move/contract.js';
import { findNewCycles } from '../../../../src/transforms/move/import-cycles.js';
import { refuseWhatCannotMove } from '../../../../src/transforms/move/refusals.js';
import { toDiffEdits } from '../../../../src/transforms/move/text-diff.js';
import { toDeclarationPattern } from '../../../../src/transforms/move/verify.js';

const thrown = (body: () => unknown): unknown => {
  try {
    body();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('move commands', () => {
  it.each([
    ['move post_entry to ledger/posting.py', { symbol: 'post_entry', to: 'ledger/posting.py' }],
    ['move class X to src/x.ts', { symbol: 'X', to: 'src/x.ts' }],
    [
      'move `format_money` from utils.py to money/format.py',
      { symbol: 'format_money', from: 'utils.py', to: 'money/format.py' },
    ],
    [
      "Move function 'formatMoney' into ./src/money.ts.",
      { symbol: 'formatMoney', to: 'src/money.ts' },
    ],
    [
      'move "Ledger" to the new module ledger/books.py',
      { symbol: 'Ledger', to: 'ledger/books.py' },
    ],
  ])('reads "%s"', (command, expected) => {
    expect(parseIntent(command)).toEqual({ kind: 'move', ...expected });
  });

  it('is reached through the common parser, which checks it', () => {
    expect(parseIntent('move post_entry to ledger/posting.py')).toEqual({
      kind: 'move',
      symbol: 'post_entry',
      to: 'ledger/posting.py',
    });
    const outside = thrown(() => parseIntent('move post_entry to ../elsewhere/posting.py'));
    expect(isOrchestratorError(outside, 'PATH_OUTSIDE_WORKSPACE')).toBe(true);
    const notCode = thrown(() => parseIntent('move post_entry to ledger/posting.txt'));
    expect((notCode as Error).message).toBe(
      'ledger/posting.txt is not a module a move can write: name a .py file or a .ts/.tsx/.js/.jsx/.mjs/.cjs file.',
    );
    const across = thrown(() => parseIntent('move format_money from utils.py to money/format.ts'));
    expect((across as Error).message).toContain('a move stays within one language');
    const same = thrown(() => parseIntent('move format_money from utils.py to utils.py'));
    expect(isOrchestratorError(same, 'TRANSFORM_REFUSED')).toBe(true);
    expect((same as Error).message).toContain('format_money is already in utils.py');
    const badModule = thrown(() => parseIntent('move f to my-package/mod.py'));
    expect((badModule as Error).message).toContain('cannot be imported as a Python module');
  });
});

describe('import cycles', () => {
  const edge = (from: string, to: string) => ({ from, to, names: [] });

  it('names each cycle that a new edge closes, once, from its smallest file', () => {
    const before = [edge('a.py', 'b.py'), edge('c.py', 'a.py')];
    const after = [...before, edge('b.py', 'a.py'), edge('b.py', 'c.py')];
    expect(findNewCycles(before, after)).toEqual([
      ['a.py', 'b.py', 'a.py'],
      ['a.py', 'b.py', 'c.py', 'a.py'],
    ]);
  });

  it('ignores cycles that were there before', () => {
    const both = [edge('a.py', 'b.py'), edge('b.py', 'a.py')];
    expect(findNewCycles(both, [...both, edge('c.py', 'a.py')])).toEqual([]);
  });
});

describe('line diffs', () => {
  it('turns two texts into edits that each hold their old text and rebuild the new one', () => {
    const before = 'import a\nimport b\n\nX = 1\n\n\ndef f():\n    return 1\n';
    const after = 'import a\nfrom c import f\n\nX = 1\n';
    const edits = toDiffEdits(before, after, (_old, added) =>
      added === '' ? 'removed' : 'changed',
    );
    expect(edits.map((e) => [e.start, e.end, e.oldText, e.newText, e.reason])).toEqual([
      [[2, 1], [3, 1], 'import b\n', 'from c import f\n', 'changed'],
      [[5, 1], [9, 1], '\n\ndef f():\n    return 1\n', '', 'removed'],
    ]);
    expect(applyRangeEdits(before, edits)).toBe(after);
  });

  it('keeps \\r\\n line breaks and a last line without one', () => {
    const before = 'a\r\nb\r\nc';
    const after = 'a\r\nc\r\nd';
    expect(
      applyRangeEdits(
        before,
        toDiffEdits(before, after, () => 'x'),
      ),
    ).toBe(after);
  });
});

describe('what a move may write', () => {
  const intent = { kind: 'move' as const, symbol: 'post_entry', to: 'ledger/journal/posting.py' };

  it('creates the target module and the package markers of its folders, nothing else', () => {
    expect(
      checkMoveChange(intent, {
        op: 'create',
        file: 'ledger/journal/posting.py',
        text: '',
        reason: '',
      }),
    ).toBeUndefined();
    expect(
      checkMoveChange(intent, {
        op: 'create',
        file: 'ledger/journal/__init__.py',
        text: '',
        reason: '',
      }),
    ).toBeUndefined();
    expect(
      checkMoveChange(intent, { op: 'create', file: 'ledger/other.py', text: '', reason: '' }),
    ).toContain('neither the target module');
    expect(checkMoveChange(intent, { op: 'delete', file: 'ledger/core.py', reason: '' })).toContain(
      'a move does not delete files',
    );
  });

  it('lets importers name the new module, but not write other code', () => {
    const edit = (oldText: string, newText: string) => ({
      op: 'edit' as const,
      file: 'ledger/reports.py',
      edits: [
        {
          start: [1, 1] as const,
          end: [1, 1] as const,
          oldText,
          newText,
          reason: 'import updated',
        },
      ],
    });
    expect(
      checkMoveChange(
        intent,
        edit(
          'from ledger.core import post_entry as post',
          'from ledger.journal.posting import post_entry as post',
        ),
      ),
    ).toBeUndefined();
    expect(
      checkMoveChange(intent, edit('c.post_entry', 'posting_module.post_entry')),
    ).toBeUndefined();
    expect(checkMoveChange(intent, edit('', 'import os'))).toContain('would write "os"');
    expect(checkMoveChange(intent, { ...edit('', ''), file: 'src/a.ts' })).toContain(
      'edits python modules, not src/a.ts',
    );
  });

  it("lets a TypeScript importer name the new module by its emitted extension (NodeNext's ./formatting.js)", () => {
    const toTs = { kind: 'move' as const, symbol: 'formatTotal', to: 'src/formatting.ts' };
    const insert = (newText: string) => ({
      op: 'edit' as const,
      file: 'src/report.ts',
      edits: [{ start: [2, 1] as const, end: [2, 1] as const, oldText: '', newText, reason: '' }],
    });
    expect(
      checkMoveChange(toTs, insert("import { formatTotal } from './formatting.js';\n")),
    ).toBeUndefined();
    expect(checkMoveChange(toTs, insert("import { x } from './formatting.js';\n"))).toContain(
      'would write "x"',
    );
    expect(
      checkMoveChange(intent, { ...insert('import js'), file: 'ledger/reports.py' }),
    ).toContain('would write "js"');
  });
});

describe('refusals from the language half', () => {
  const intent = { kind: 'move' as const, symbol: 'post_entry', to: 'ledger/posting.py' };
  const target: SymbolDefinition = {
    file: 'ledger/core.py',
    line: 30,
    column: 5,
    name: 'post_entry',
    kind: 'function',
    language: 'python',
  };
  const facts: MoveFacts = {
    moved: [],
    importedFromSource: [],
    newCycles: [],
    engine: 'rope 1.7.0',
  };

  it('refuses an import cycle, naming it and what the modules would import from each other', () => {
    const error = thrown(() =>
      refuseWhatCannotMove(intent, target, {
        ...facts,
        importedFromSource: ['to_cents'],
        newCycles: [['ledger/core.py', 'ledger/posting.py', 'ledger/core.py']],
      }),
    );
    expect(isOrchestratorError(error, 'TRANSFORM_REFUSED')).toBe(true);
    expect((error as Error).message).toBe(
      'Moving post_entry from ledger/core.py to ledger/posting.py would create an import cycle: ledger/core.py → ledger/posting.py → ledger/core.py. ledger/posting.py would import to_cents from ledger/core.py, which would import post_entry from ledger/posting.py. Nothing was changed. Move what they share too (or to a third module), or move post_entry elsewhere.',
    );
  });

  it.each([
    ['name-exists', 'NAME_COLLISION'],
    ['tool-missing', 'BAD_INPUT'],
    ['tool-refused', 'TRANSFORM_REFUSED'],
    ['not-module-level', 'TRANSFORM_REFUSED'],
  ] as const)('turns a %s refusal into %s, saying nothing was changed', (reason, code) => {
    const error = thrown(() =>
      refuseWhatCannotMove(intent, target, { ...facts, refusal: { reason, message: 'Why.' } }),
    );
    expect(isOrchestratorError(error, code)).toBe(true);
    expect((error as Error).message).toBe('Why. Nothing was changed.');
  });

  it('lets a move without a refusal or a cycle through', () => {
    expect(refuseWhatCannotMove(intent, target, facts)).toBeUndefined();
  });
});

describe('the moved-declarations check', () => {
  it('finds top-level declarations only', () => {
    const py = toDeclarationPattern('python', 'post_entry');
    expect(py.test('x = 1\ndef post_entry(a):\n')).toBe(true);
    expect(py.test('post_entry = make()\n')).toBe(true);
    expect(py.test('class A:\n    def post_entry(self):\n')).toBe(false);
    expect(py.test('from ledger.posting import post_entry\n')).toBe(false);
    const ts = toDeclarationPattern('typescript', 'formatMoney');
    expect(ts.test('export function formatMoney(a: number) {}\n')).toBe(true);
    expect(ts.test("import { formatMoney } from './money';\n")).toBe(false);
  });
});
