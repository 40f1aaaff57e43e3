import { describe, expect, it } from 'vitest';
import type { ImportEdge } from '../../../../src/core/source-types.js';
import { findImporters } from '../../../../src/servers/dependency-graph/find-importers.js';

const edge = (from: string, to: string): ImportEdge => ({ from, to, names: [] });

describe('findImporters', () => {
  // a <- b <- c, a <- d, e <- c; f imports nothing; g <- a (a cycle back through a)
  const edges = [
    edge('b', 'a'),
    edge('c', 'b'),
    edge('d', 'a'),
    edge('c', 'e'),
    edge('a', 'g'),
    edge('g', 'a'),
  ];

  it('finds the direct importers of one file, sorted, never the file itself', () => {
    expect(findImporters(edges, ['a'], false)).toEqual(['b', 'd', 'g']);
  });

  it('follows chains of imports when transitive, through a cycle, without the start', () => {
    expect(findImporters(edges, ['a'], true)).toEqual(['b', 'c', 'd', 'g']);
  });

  it('walks from several files at once and leaves every start out', () => {
    expect(findImporters(edges, ['b', 'e'], true)).toEqual(['c']);
    expect(findImporters(edges, ['a', 'b'], true)).toEqual(['c', 'd', 'g']);
    expect(findImporters(edges, ['f'], true)).toEqual([]);
  });

  it('walks from 20,001 starts over one index: a change where thousands of files use one', () => {
    const many: ImportEdge[] = [];
    const users: string[] = [];
    for (let i = 0; i < 20_000; i += 1) {
      many.push(edge(`u${i}`, 'core'));
      users.push(`u${i}`);
    }
    many.push(edge('top', 'u7'));
    expect(findImporters(many, ['core', ...users], true)).toEqual(['top']);
  });
});
