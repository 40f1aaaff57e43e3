import { describe, expect, it } from 'vitest';
import { LruMap } from '../../../src/cache/lru-map.js';
import { createRandom } from './cache-fixtures.js';

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

  it('returns the value it pushes out, and the new value itself when its capacity is 0', () => {
    const lru = new LruMap<string, number>(2);
    expect(lru.set('a', 1)).toBeUndefined();
    expect(lru.set('b', 2)).toBeUndefined();
    expect(lru.set('a', 10)).toBeUndefined();
    expect(lru.set('c', 3)).toBe(2);
    expect(new LruMap<string, number>(0).set('a', 1)).toBe(1);
  });

  it('peeks without marking the entry used', () => {
    const lru = new LruMap<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.peek('a')).toBe(1);
    expect(lru.has('a')).toBe(true);
    lru.set('c', 3);
    expect([...lru.keys()]).toEqual(['b', 'c']);
    expect([...lru.values()]).toEqual([2, 3]);
  });

  it('keeps the order of a delete-and-reinsert Map through any mix of gets, sets and deletes', () => {
    const random = createRandom(7);
    const lru = new LruMap<number, number>(16);
    const model = new Map<number, number>();
    for (let step = 0; step < 3000; step++) {
      const key = Math.floor(random() * 24);
      const action = random();
      if (action < 0.4) {
        const value = model.get(key);
        if (value !== undefined) {
          model.delete(key);
          model.set(key, value);
        }
        expect(lru.get(key)).toBe(value);
      } else if (action < 0.85) {
        if (!model.delete(key) && model.size >= 16) model.delete(model.keys().next().value ?? -1);
        model.set(key, step);
        lru.set(key, step);
      } else {
        expect(lru.delete(key)).toBe(model.delete(key));
      }
      if (step % 1000 === 999) {
        lru.clear();
        model.clear();
      }
      expect([...lru.keys()]).toEqual([...model.keys()]);
      expect(lru.size).toBe(model.size);
    }
  });
});
