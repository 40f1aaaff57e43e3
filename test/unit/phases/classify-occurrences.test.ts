import { describe, expect, it } from 'vitest';
import { classifyOccurrences } from '../../../src/phases/logic/classify-occurrences.js';
import { toWordPattern } from '../../../src/phases/review/scan-stale-references.js';

describe('classifyOccurrences', () => {
  it('keeps occurrences the rename does not edit, and counts names kept inside new text', () => {
    const occurrences = [
      { file: 'a.ts', line: 1, column: 10, length: 7, lineText: 'function getUser() {}' },
      { file: 'a.ts', line: 2, column: 4, length: 7, lineText: '// getUser' },
      { file: 'b.ts', line: 1, column: 3, length: 7, lineText: '{ getUser }' },
    ];
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
    const { excluded, remainingByFile } = classifyOccurrences('getUser', occurrences, edits, []);
    expect(excluded.map((e) => `${e.file}:${e.line}`)).toEqual(['a.ts:2']);
    expect(remainingByFile).toEqual({ 'a.ts': 1, 'b.ts': 1 });
  });
});

describe('toWordPattern', () => {
  it('matches whole words only', () => {
    expect(
      'getUser getUserName xgetUser getUser_ (getUser)'.match(toWordPattern('getUser')),
    ).toHaveLength(2);
  });
});
