import type { BlockingRewrite } from './blocking-table.python.js';
import type { Point } from './site-types.python.js';

/** What changes in one file, by position; the edits script turns it into text edits. */
export interface FileEditPlan {
  /** `def` → `async def`, by the function's name position. */
  defs: Array<Point & { reason: string }>;
  /** Calls to await, by the callee name's position. */
  awaits: Point[];
  /** Calls to wrap in `asyncio.run(...)`, by the callee name's position. */
  wraps: Array<Point & { reason: string }>;
  /** Generator expressions to make list comprehensions, by their start. */
  listify: Point[];
  /** Blocking calls to rewrite, by the call's start. */
  blocking: Array<
    Point & { end: Point; rewrite: Exclude<BlockingRewrite, 'none'>; operation: string }
  >;
  /** `TestCase` bases to move to `IsolatedAsyncioTestCase`, by the base's name position. */
  bases: Point[];
  /** Markers to put on tests, by the test's name position. */
  markers: Array<Point & { marker: string }>;
}

/** Every file's plan, added to point by point (duplicates dropped). */
export interface EditPlan {
  add<K extends keyof FileEditPlan>(file: string, kind: K, item: FileEditPlan[K][number]): void;
  /** The plans, files sorted, items sorted by position. */
  files(): Array<{ file: string; plan: FileEditPlan }>;
}

/** Creates an empty {@link EditPlan}. */
export function createEditPlan(): EditPlan {
  const plans = new Map<string, FileEditPlan>();
  const seen = new Set<string>();
  return {
    add(file, kind, item) {
      // Nested calls start at one point (`open(p).read()`, `open(p)`): blocking calls add their end.
      const end = 'end' in item ? `:${item.end.line}:${item.end.column}` : '';
      const key = `${file}:${kind}:${item.line}:${item.column}${end}`;
      if (seen.has(key)) return;
      seen.add(key);
      let plan = plans.get(file);
      if (plan === undefined) {
        plan = {
          defs: [],
          awaits: [],
          wraps: [],
          listify: [],
          blocking: [],
          bases: [],
          markers: [],
        };
        plans.set(file, plan);
      }
      (plan[kind] as Array<FileEditPlan[typeof kind][number]>).push(item);
    },
    files() {
      const byPosition = (a: Point, b: Point) => a.line - b.line || a.column - b.column;
      return [...plans.keys()].sort().map((file) => {
        const plan = plans.get(file) as FileEditPlan;
        for (const list of Object.values(plan) as Point[][]) list.sort(byPosition);
        return { file, plan };
      });
    },
  };
}
