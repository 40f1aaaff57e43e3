/** Runs async tasks one after another, in the order they were queued. */
export interface SerialQueue {
  /** Queues `task`; it starts when every earlier task has settled. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Settles (never rejects) when every task queued so far has settled. */
  idle(): Promise<void>;
}

/** Creates an empty {@link SerialQueue}. A failed task does not stop the ones after it. */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(task) {
      const next = tail.then(task, task);
      tail = next.catch(() => undefined);
      return next;
    },
    idle: () => tail.then(() => undefined),
  };
}
