import { describe, expect, it } from 'vitest';
import type { Position } from '../../../../src/core/change/change-types.js';
import { findEditProblem } from '../../../../src/core/change/find-overlap.js';
import { mapPositionThroughEdits } from '../../../../src/core/change/map-positions.js';
import { toLineStarts, toOffset, toPosition } from '../../../../src/core/change/text-positions.js';

const edit = (start: Position, end: Position, newText: string) => ({ start, end, newText });

describe('mapPositionThroughEdits', () => {
  it('shifts a position on the line of an earlier, longer replacement', () => {
    expect(mapPositionThroughEdits([edit([1, 5], [1, 8], 'barbaz')], [1, 13])).toEqual([1, 16]);
  });

  it('leaves positions on other lines where they were', () => {
    expect(mapPositionThroughEdits([edit([1, 5], [1, 8], 'barbaz')], [2, 3])).toEqual([2, 3]);
  });

  it('moves a position down when the new text adds a line', () => {
    expect(mapPositionThroughEdits([edit([1, 5], [1, 8], 'x\ny')], [1, 13])).toEqual([2, 7]);
  });

  it('moves a position up when an edit joins lines', () => {
    expect(mapPositionThroughEdits([edit([1, 5], [2, 3], 'Z')], [2, 5])).toEqual([1, 8]);
  });

  it('adds up several edits on one line, and a multi-line edit that follows one', () => {
    const two = [edit([1, 1], [1, 2], 'AA'), edit([1, 3], [1, 4], 'BB')];
    expect(mapPositionThroughEdits(two, [1, 5])).toEqual([1, 7]);
    const joined = [edit([1, 1], [1, 2], 'XYZ'), edit([1, 4], [2, 1], 'Q')];
    expect(mapPositionThroughEdits(joined, [2, 3])).toEqual([1, 9]);
  });

  it('says a replaced position is gone', () => {
    expect(mapPositionThroughEdits([edit([1, 5], [1, 8], 'q')], [1, 6])).toBeUndefined();
  });
});

describe('text positions', () => {
  it('count \\n, \\r\\n and \\r as line ends and columns in UTF-16 units', () => {
    const text = 'a\r\nb\rc\n😀d';
    const starts = toLineStarts(text);
    expect(starts).toEqual([0, 3, 5, 7]);
    expect(toOffset(text, starts, [4, 3])).toBe(9);
    expect(toPosition(starts, 9)).toEqual([4, 3]);
    expect(toOffset(text, starts, [2, 9])).toBeUndefined();
    expect(toOffset(text, starts, [9, 1])).toBeUndefined();
  });
});

describe('findEditProblem', () => {
  it('accepts touching ranges and inserts at one point, refuses overlaps and reversed ranges', () => {
    expect(findEditProblem([edit([1, 1], [1, 3], ''), edit([1, 3], [1, 5], '')])).toBeUndefined();
    expect(findEditProblem([edit([1, 3], [1, 3], 'a'), edit([1, 3], [1, 3], 'b')])).toBeUndefined();
    expect(findEditProblem([edit([1, 1], [2, 2], ''), edit([2, 1], [2, 4], '')])).toMatch(
      /overlapping/,
    );
    expect(findEditProblem([edit([2, 1], [1, 1], '')])).toMatch(/ends .* before it starts/);
  });
});
