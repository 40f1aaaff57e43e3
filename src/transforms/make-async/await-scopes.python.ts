import type { ScopeFacts, Site } from './site-types.python.js';

/**
 * Callees that consume a whole iterable at once, so a generator expression passed to them
 * first may become a list comprehension (and hold `await`) without changing what they do.
 * `any` and `all` stop early, so a list would call more: they are not here.
 */
export const LIST_CONSUMERS: ReadonlySet<string> = new Set([
  'sum',
  'list',
  'sorted',
  'tuple',
  'set',
  'frozenset',
  'min',
  'max',
  'dict',
  '.join',
]);

/** Whether `await` may go at a call site inside an async def, and what must change for it. */
export type AwaitScopes =
  | { ok: true; listify: ScopeFacts[] }
  | { ok: false; kind: 'callback' | 'other'; detail: string };

/**
 * Checks the scopes between a call site and its function: list, set and dict comprehensions
 * may hold `await` in an async def (PEP 530); a generator expression would become an async
 * generator, so it becomes a list comprehension when it is the first argument of a
 * {@link LIST_CONSUMERS} call, else the site is refused; a lambda or class body cannot hold it.
 */
export function checkAwaitScopes(site: Site): AwaitScopes {
  const listify: ScopeFacts[] = [];
  const where = site.lineText.trim();
  for (const scope of site.scopes) {
    switch (scope.kind) {
      case 'lambda':
        return { ok: false, kind: 'callback', detail: `called inside a lambda: ${where}` };
      case 'class':
        return {
          ok: false,
          kind: 'other',
          detail: `called in a class body inside a function: ${where}`,
        };
      case 'genexp':
        if (
          scope.consumer !== undefined &&
          LIST_CONSUMERS.has(scope.consumer) &&
          scope.argIndex === 0
        ) {
          listify.push(scope);
          break;
        }
        return {
          ok: false,
          kind: 'other',
          detail: `in a generator expression ${scope.consumer === undefined ? 'not passed to a call' : `passed to ${scope.consumer}()`}, which would become an async generator: ${where}`,
        };
      default:
        break;
    }
  }
  return { ok: true, listify };
}
