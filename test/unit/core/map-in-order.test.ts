import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { mapInOrder } from '../../../src/core/map-in-order.js';

describe('mapInOrder', () => {
  it('returns results in item order whatever order they finish in', async () => {
    const results = await mapInOrder([30, 0, 10, 5], 3, async (ms, index) => {
      await sleep(ms);
      return index;
    });
    expect(results).toEqual([0, 1, 2, 3]);
  });

  it('never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    await mapInOrder(Array.from({ length: 10 }), 3, async () => {
      running += 1;
      most = Math.max(most, running);
      await sleep(1);
      running -= 1;
    });
    expect(most).toBe(3);
  });

  it('throws the failure of the lowest index, not the first to happen, and starts nothing after it', async () => {
    const started: number[] = [];
    const run = mapInOrder([20, 0, 0, 0, 0, 0], 2, async (ms, index) => {
      started.push(index);
      await sleep(ms);
      throw new Error(`item ${index}`);
    });
    await expect(run).rejects.toThrow('item 0');
    expect(started).toEqual([0, 1]);
  });
});
