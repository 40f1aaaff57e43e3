import { describe, expect, it } from 'vitest';
import { LruMap } from '../../../src/cache/lru-map.js';

describe('LruMap', () => {
  it('evicts the least recently used entry, where a get counts as a use', () => {
    const lru = new LruMap<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect([...lru.keys()]).toEqual(['a', 'c']);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.evictions).toBe(1);
  });

  it('replaces an existing key without evicting anything', () => {
    const lru = new LruMap<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.set('a', 10);
    expect(lru.evictions).toBe(0);
    expect([...lru.keys()]).toEqual(['b', 'a']);
    expect(lru.get('a')).toBe(10);
  });

  it('counts one eviction per entry pushed out', () => {
    const lru = new LruMap<number, number>(3);
    for (let i = 0; i < 10; i++) lru.set(i, i);
    expect(lru.size).toBe(3);
    expect(lru.evictions).toBe(7);
    expect([...lru.keys()]).toEqual([7, 8, 9]);
  });

  it('keeps nothing when its capacity is 0', () => {
    const lru = new LruMap<string, number>(0);
    lru.set('a', 1);
    expect(lru.size).toBe(0);
    expect(lru.get('a')).toBeUndefined();
  });
});
