import { describe, expect, it } from 'vitest';
import { compareText, countWholeWord } from '../../../src/core/whole-word.js';
import {
  toExcludedOccurrences,
  toRemainingByFile,
} from '../../../src/phases/logic/classify-occurrences.js';

const edits = [
  { file: 'a.ts', line: 1, column: 10, length: 7, oldText: 'getUser', newText: 'fetchUser' },
  {
    file: 'b.ts',
    line: 1,
    column: 3,
    length: 7,
    oldText: 'getUser',
    newText: 'getUser: fetchUser',
  },
];

describe('toExcludedOccurrences', () => {
  it('lists the text hits the rename does not edit', () => {
    const occurrences = [
      { file: 'a.ts', line: 1, column: 10, length: 7, lineText: 'function getUser() {}' },
      { file: 'a.ts', line: 2, column: 4, length: 7, lineText: '// getUser' },
      { file: 'b.ts', line: 1, column: 3, length: 7, lineText: '{ getUser }' },
    ];
    expect(toExcludedOccurrences(occurrences, edits, []).map((e) => `${e.file}:${e.line}`)).toEqual(
      ['a.ts:2'],
    );
  });
});

describe('toRemainingByFile', () => {
  it('subtracts what the edits replace and adds names their new text keeps', () => {
    expect(toRemainingByFile('getUser', { 'a.ts': 2, 'b.ts': 1, 'c.ts': 3 }, edits)).toEqual({
      'a.ts': 1,
      'b.ts': 1,
      'c.ts': 3,
    });
  });
});

describe('countWholeWord', () => {
  it('counts whole words with git word characters only', () => {
    expect(
      countWholeWord('getUser getUserName xgetUser getUser_ (getUser) $getUser', 'getUser'),
    ).toBe(3);
  });
});

describe('compareText', () => {
  it('orders by code unit, whatever the locale', () => {
    expect(['b.py', 'ä.py', 'a.py', 'B.py'].sort(compareText)).toEqual([
      'B.py',
      'a.py',
      'b.py',
      'ä.py',
    ]);
  });
});
