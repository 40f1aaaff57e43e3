/** A FIFO concurrency limiter. */
export interface Limiter {
  /** Runs `task` once fewer than `max` tasks run; a waiting task leaves the queue on abort. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Tasks running now. */
  active(): number;
  /** Tasks waiting for a slot. */
  waiting(): number;
}

interface Waiter {
  start: () => void;
}

/** Creates a limiter letting at most `max` (≥ 1) tasks run at once, started in arrival order. */
export function createLimiter(max: number): Limiter {
  if (!Number.isInteger(max) || max < 1) {
    throw new RangeError(`Limiter size must be a whole number ≥ 1, got ${max}.`);
  }
  let running = 0;
  const queue: Waiter[] = [];

  const release = (): void => {
    running--;
    const next = queue.shift();
    if (next !== undefined) next.start();
  };

  const acquire = (signal: AbortSignal | undefined): Promise<void> => {
    signal?.throwIfAborted();
    if (running < max) {
      running++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const index = queue.indexOf(waiter);
        if (index !== -1) queue.splice(index, 1);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          running++;
          resolve();
        },
      };
      queue.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  };

  return {
    async run(task, signal) {
      await acquire(signal);
      try {
        return await task();
      } finally {
        release();
      }
    },
    active: () => running,
    waiting: () => queue.length,
  };
}
