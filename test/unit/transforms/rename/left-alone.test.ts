import { describe, expect, it } from 'vitest';
import type { EditFileChange } from '../../../../src/core/change/change-types.js';
import type { PositionClass } from '../../../../src/core/services.js';
import type { SymbolDefinition } from '../../../../src/core/source-types.js';
import { checkRenameChange } from '../../../../src/transforms/rename/check-change.js';
import {
  classifyLeftAlone,
  isCoveredByEdits,
} from '../../../../src/transforms/rename/classify-left-alone.js';
import { toWordPositionsCheck } from '../../../../src/transforms/rename/word-positions.js';

const target: SymbolDefinition = {
  file: 'ledger/core.py',
  line: 15,
  column: 5,
  name: 'post_entry',
  kind: 'function',
  language: 'python',
};
const method: SymbolDefinition = {
  ...target,
  line: 10,
  column: 9,
  kind: 'method',
  container: 'Ledger',
};
const at = (line: number, column: number, file = 'ledger/core.py') => ({
  file,
  line,
  column,
  lineText: 'x',
});

describe('classifyLeftAlone', () => {
  it('leaves comments, strings, text files and other symbols alone, with the reason', () => {
    const occurrences = [at(1, 1), at(2, 1), at(3, 1, 'README.md'), at(4, 1)];
    const classes: PositionClass[] = [
      { ...at(1, 1), kind: 'comment' },
      { ...at(2, 1), kind: 'string' },
      { ...at(3, 1, 'README.md'), kind: 'text' },
      { ...at(4, 1), kind: 'code', declaration: method },
    ];
    const { leftAlone, unresolved } = classifyLeftAlone('post_entry', target, occurrences, classes);
    expect(leftAlone.map((o) => o.reason)).toEqual(['comment', 'string', 'text', 'other-symbol']);
    expect(leftAlone[3]?.detail).toBe('method Ledger.post_entry at ledger/core.py:10');
    expect(unresolved).toEqual([]);
  });

  it('calls unresolved code unresolved, and code resolving to the target but not renamed too', () => {
    const occurrences = [at(5, 1), at(6, 1)];
    const classes: PositionClass[] = [
      { ...at(5, 1), kind: 'code' },
      { ...at(6, 1), kind: 'code', declaration: target },
    ];
    const { leftAlone, unresolved } = classifyLeftAlone('post_entry', target, occurrences, classes);
    expect(leftAlone).toEqual([]);
    expect(unresolved.map((o) => o.why)).toEqual([
      'the language server cannot resolve what this name refers to',
      'it refers to the renamed function, but the language server did not rename it',
    ]);
  });

  it('leaves a member of a value alone when the target is module-level, but not of a module', () => {
    const occurrences = [at(7, 1), at(8, 1)];
    const classes: PositionClass[] = [
      { ...at(7, 1), kind: 'code', member: { object: 'ledger', objectIsModule: false } },
      { ...at(8, 1), kind: 'code', member: { object: 'pkg.core', objectIsModule: true } },
    ];
    const result = classifyLeftAlone('post_entry', target, occurrences, classes, [target, method]);
    expect(result.leftAlone.map((o) => o.detail)).toEqual([
      'a member of the value `ledger`, not the module-level function; probably method Ledger.post_entry at ledger/core.py:10',
    ]);
    expect(result.unresolved.map((o) => o.line)).toEqual([8]);
    const forMethod = classifyLeftAlone(
      'post_entry',
      method,
      [at(7, 1)],
      [classes[0] as PositionClass],
    );
    expect(forMethod.unresolved).toHaveLength(1);
  });
});

describe('isCoveredByEdits', () => {
  it('is true only when an edit range holds the whole occurrence', () => {
    const edits = [{ start: [3, 5] as const, end: [3, 15] as const }];
    expect(isCoveredByEdits({ line: 3, column: 5 }, 10, edits)).toBe(true);
    expect(isCoveredByEdits({ line: 3, column: 6 }, 10, edits)).toBe(false);
    expect(isCoveredByEdits({ line: 4, column: 5 }, 10, edits)).toBe(false);
  });
});

describe('toWordPositionsCheck', () => {
  it('expects the left-alone occurrences where they sit after the edits, and the kept shorthand key', () => {
    const change: EditFileChange = {
      op: 'edit',
      file: 'a.ts',
      edits: [
        {
          start: [1, 10],
          end: [1, 17],
          oldText: 'getUser',
          newText: 'fetchUser',
          reason: 'declaration',
        },
        {
          start: [2, 3],
          end: [2, 10],
          oldText: 'getUser',
          newText: 'getUser: fetchUser',
          reason: 'shorthand property',
        },
      ],
    };
    const leftAlone = [
      { file: 'a.ts', line: 1, column: 25, length: 7, reason: 'comment' as const, detail: '' },
      { file: 'b.ts', line: 4, column: 1, length: 7, reason: 'string' as const, detail: '' },
    ];
    expect(toWordPositionsCheck('getUser', [change], leftAlone).expected).toEqual([
      ['a.ts', 1, 27],
      ['a.ts', 2, 3],
      ['b.ts', 4, 1],
    ]);
  });
});

describe('checkRenameChange', () => {
  const intent = { kind: 'rename' as const, from: 'getUser', to: 'fetchUser' };
  const editOf = (oldText: string, newText: string): EditFileChange => ({
    op: 'edit',
    file: 'a.ts',
    edits: [{ start: [1, 1], end: [1, 1 + oldText.length], oldText, newText, reason: 'x' }],
  });

  it('allows the rename, its private-name and shorthand forms', () => {
    for (const [oldText, newText] of [
      ['getUser', 'fetchUser'],
      ['#getUser', '#fetchUser'],
      ['getUser', 'getUser: fetchUser'],
      ['getUser', 'fetchUser: getUser'],
    ] as const) {
      expect(checkRenameChange(intent, editOf(oldText, newText))).toBeUndefined();
    }
  });

  it('refuses any other text and whole-file changes, naming the place', () => {
    expect(checkRenameChange(intent, editOf('getUser', 'fetchUser(); rm()'))).toMatch(
      /a\.ts:1:1 would replace "getUser" with "fetchUser\(\); rm\(\)"/,
    );
    expect(checkRenameChange(intent, { op: 'delete', file: 'a.ts', reason: 'x' })).toMatch(
      /does not delete files/,
    );
  });
});
