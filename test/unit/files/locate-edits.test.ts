import { describe, expect, it } from 'vitest';
import type { RangeEdit } from '../../../src/core/change/change-types.js';
import { isOrchestratorError } from '../../../src/core/errors.js';
import { locateEdits } from '../../../src/files/locate-edits.js';

const edit = (
  start: [number, number],
  end: [number, number],
  oldText: string,
  newText = 'X',
): RangeEdit => ({ start, end, oldText, newText, reason: 'test' });

function refusal(
  text: string,
  edits: RangeEdit[],
): { code: string; message: string; data: unknown } {
  try {
    locateEdits('ledger/core.py', text, edits);
  } catch (error) {
    if (isOrchestratorError(error))
      return { code: error.code, message: error.message, data: error.data };
    throw error;
  }
  throw new Error('the edits were accepted');
}

const TEXT = 'def post_entry():\r\n    pass\nx = post_entry()\r';

describe('locateEdits', () => {
  it('finds ranges across \\r\\n, \\n and \\r line ends, in text order', () => {
    const located = locateEdits('ledger/core.py', TEXT, [
      edit([3, 5], [3, 15], 'post_entry'),
      edit([1, 5], [1, 15], 'post_entry'),
      edit([1, 17], [3, 1], ':\r\n    pass\n'),
    ]);
    expect(located.map(({ start, end }) => [start, end])).toEqual([
      [4, 14],
      [16, 28],
      [32, 42],
    ]);
  });

  it('accepts a position just past the last line end, and keeps inserts at one point in plan order', () => {
    const located = locateEdits('ledger/core.py', TEXT, [
      edit([4, 1], [4, 1], '', 'first'),
      edit([4, 1], [4, 1], '', 'second'),
      edit([3, 17], [4, 1], '\r', '\n'),
    ]);
    expect(located.map(({ edit }) => edit.newText)).toEqual(['\n', 'first', 'second']);
  });

  it('refuses a range that does not hold the expected text, naming file, position and both texts', () => {
    expect(refusal(TEXT, [edit([3, 5], [3, 15], 'record_ent')])).toEqual({
      code: 'PLAN_INVALID',
      message:
        'ledger/core.py:3:5 holds "post_entry", not "record_ent": the plan does not match the code. Make a new plan.',
      data: {
        file: 'ledger/core.py',
        line: 3,
        column: 5,
        expected: 'record_ent',
        actual: 'post_entry',
      },
    });
  });

  it.each([
    [
      'a line past the end',
      [9, 1],
      'ledger/core.py:9:1 is outside the file (the file has 4 lines)',
    ],
    [
      'a column past the end of its line',
      [2, 11],
      'ledger/core.py:2:11 is outside the file (line 2 ends at column 10)',
    ],
    ['column 0', [1, 0], 'ledger/core.py:1:0 is outside the file (line 1 ends at column 20)'],
    ['line 0', [0, 1], 'ledger/core.py:0:1 is outside the file (the file has 4 lines)'],
  ] as const)('refuses %s with file:line:col', (_, start, message) => {
    const refused = refusal(TEXT, [edit([start[0], start[1]], [start[0], start[1]], '')]);
    expect(refused.code).toBe('PLAN_INVALID');
    expect(refused.message).toBe(`${message}: the plan does not match the code. Make a new plan.`);
  });

  it('refuses a range that ends before it starts', () => {
    expect(refusal(TEXT, [edit([1, 9], [1, 5], '')]).message).toBe(
      'ledger/core.py:1:9: the edit ends at 1:5, before it starts: the plan does not match the code. Make a new plan.',
    );
  });

  it('refuses overlapping ranges, naming both positions', () => {
    const refused = refusal(TEXT, [
      edit([1, 5], [1, 15], 'post_entry'),
      edit([1, 10], [1, 10], ''),
    ]);
    expect(refused.message).toBe(
      'ledger/core.py: the edits at 1:5 and 1:10 overlap: the plan does not match the code. Make a new plan.',
    );
    expect(refused.data).toEqual({
      file: 'ledger/core.py',
      positions: [
        [1, 5],
        [1, 10],
      ],
    });
  });

  it('accepts ranges that touch without overlapping', () => {
    const located = locateEdits('a.py', 'abcd', [
      edit([1, 3], [1, 5], 'cd'),
      edit([1, 1], [1, 3], 'ab'),
    ]);
    expect(located.map(({ start }) => start)).toEqual([0, 2]);
  });

  it('refuses a position inside a surrogate pair', () => {
    expect(refusal('a😀b', [edit([1, 3], [1, 4], '\ude00')]).message).toBe(
      'ledger/core.py:1:3 splits a character in two: the plan does not match the code. Make a new plan.',
    );
  });
});
