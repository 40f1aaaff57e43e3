import { describe, expect, it } from 'vitest';
import { compareText, countWholeWord } from '../../../src/core/whole-word.js';

describe('countWholeWord', () => {
  it('counts whole words, with letters, digits, _ and $ as word characters', () => {
    expect(
      countWholeWord('getUser getUserName xgetUser getUser_ (getUser) $getUser', 'getUser'),
    ).toBe(2);
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
