/** Answers shared by key, the oldest dropped past a limit. */
export interface MemoStore {
  /**
   * `compute()`'s result, shared by calls with the same `key`. Failures are not kept, and a
   * caller that shared another's failed computation (cancelled by that caller's signal, say)
   * runs its own `compute` once.
   */
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
  clear(): void;
}

/** A {@link MemoStore} keeping at most `limit` answers. */
export function createMemoStore(limit: number): MemoStore {
  const memos = new Map<string, Promise<unknown>>();
  return {
    get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const remember = (): Promise<T> => {
        const fresh = compute();
        memos.set(key, fresh);
        if (memos.size > limit) memos.delete(memos.keys().next().value as string);
        fresh.catch(() => {
          if (memos.get(key) === fresh) memos.delete(key);
        });
        return fresh;
      };
      const known = memos.get(key) as Promise<T> | undefined;
      return known === undefined ? remember() : known.catch(() => remember());
    },
    clear: () => memos.clear(),
  };
}
