import { describe, expect, it } from 'vitest';
import {
  rankSimilarNames,
  toEditDistance,
  toNameParts,
  toSimilarNamesPattern,
} from '../../../src/core/similar-names.js';

describe('similar names', () => {
  it('splits identifiers into words of three letters or more', () => {
    expect(toNameParts('getUserName')).toEqual(['get', 'user', 'name']);
    expect(toNameParts('post_entri')).toEqual(['post', 'entri']);
    expect(toNameParts('ab')).toEqual([]);
  });

  it('measures edit distance case-blind', () => {
    expect(toEditDistance('post_entri', 'post_entry')).toBe(1);
    expect(toEditDistance('GetUser', 'getuser')).toBe(0);
    expect(toEditDistance('', 'abc')).toBe(3);
  });

  it('writes a pattern that finds the identifiers sharing a word, in both syntaxes', () => {
    const rust = toSimilarNamesPattern('post_entri', 'rust');
    const posix = toSimilarNamesPattern('post_entri', 'posix-extended');
    expect(posix).toBe(
      '[A-Za-z_$][A-Za-z0-9_$]*(post|entri)[A-Za-z0-9_$]*|(post|entri)[A-Za-z0-9_$]*',
    );
    // Both read the same in JavaScript's syntax (what ripgrep and POSIX ERE share here).
    for (const pattern of [rust, posix]) {
      const found = 'x = repost_entries(post_entry) + unrelated'.match(new RegExp(pattern, 'gi'));
      expect(found).toEqual(['repost_entries', 'post_entry']);
    }
    // A name with no word of three letters is searched for whole, its characters escaped.
    expect(toSimilarNamesPattern('$a', 'posix-extended')).toContain('(\\$a)');
  });

  it('ranks the closest names first, within a third of the length, never the name itself', () => {
    const candidates = ['post_entry', 'post_entries', 'post_entri', 'post', 'Post_Entry', 'xyz'];
    expect(rankSimilarNames('post_entri', candidates)).toEqual([
      'Post_Entry',
      'post_entry',
      'post_entries',
    ]);
    expect(rankSimilarNames('post_entri', candidates, 1)).toEqual(['Post_Entry']);
    expect(rankSimilarNames('abcdefghijkl', ['zzzzzzzzzzzz'])).toEqual([]);
  });
});
