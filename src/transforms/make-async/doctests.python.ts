import type { ClosureState, Member } from './closure-state.python.js';
import type { SiteIndex } from './site-index.python.js';
import { type Site, toKey } from './site-types.python.js';

/**
 * Refuses doctest examples that call a converted function: in the function's own module or in
 * a module that imports it (a doctest runs with its module's globals), an example calling the
 * name would print a coroutine instead of its result.
 */
export async function refuseDoctests(
  state: ClosureState,
  index: SiteIndex,
  member: Member,
  uses: readonly Site[],
): Promise<void> {
  const files = [
    ...new Set([member.fn.file, ...uses.filter((u) => u.role === 'import').map((u) => u.file)]),
  ].sort();
  await index.load(files);
  for (const file of files) {
    for (const example of index.facts(file).doctests) {
      if (!example.names.includes(member.fn.name)) continue;
      state.addBoundary(
        toKey(member.fn),
        { file, ...example },
        {
          kind: 'doctest',
          detail: `a doctest calls ${member.fn.name}(); it would print a coroutine — rewrite the example or convert by hand`,
          handling: 'refused',
          tail: 'doctest',
        },
      );
    }
  }
}
