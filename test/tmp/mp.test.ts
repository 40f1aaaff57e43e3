import { describe, expect, it } from 'vitest';
import { mapPositionThroughEdits } from '../../src/core/change/map-positions.js';
const e = (s: [number, number], en: [number, number], newText: string) => ({ start: s, end: en, newText });
describe('map', () => {
  it('works', () => {
    // "abc foo abc foo" line 1; replace first foo (1:5-1:8) with "barbaz"
    expect(mapPositionThroughEdits([e([1, 5], [1, 8], 'barbaz')], [1, 13])).toEqual([1, 16]);
    expect(mapPositionThroughEdits([e([1, 5], [1, 8], 'barbaz')], [2, 3])).toEqual([2, 3]);
    expect(mapPositionThroughEdits([e([1, 5], [1, 8], 'x\ny')], [1, 13])).toEqual([2, 7]);
    expect(mapPositionThroughEdits([e([1, 5], [2, 3], 'Z')], [2, 5])).toEqual([1, 8]);
    expect(mapPositionThroughEdits([e([1, 1], [1, 2], 'AA'), e([1, 3], [1, 4], 'BB')], [1, 5])).toEqual([1, 7]);
    expect(mapPositionThroughEdits([e([1, 5], [1, 8], 'q')], [1, 6])).toBeUndefined();
  });
});
describe('map2', () => {
  it('shifts a multi-line edit that starts after another edit on its line', () => {
    // line1: "ab cd" ; edit1 1:1-1:2 'XYZ' (a->XYZ), edit2 1:4-2:1 'Q' (joins lines)
    expect(mapPositionThroughEdits([e([1, 1], [1, 2], 'XYZ'), e([1, 4], [2, 1], 'Q')], [2, 3])).toEqual([1, 9]);
  });
});
