import type { ClosureState, Member } from './closure-state.python.js';
import type { SiteIndex } from './site-index.python.js';
import { type Site, toKey } from './site-types.python.js';

/**
 * The files whose doctests may call a member: its own module and the modules that import it
 * (a doctest runs with its module's globals).
 */
export function doctestFiles(member: Member, uses: readonly Site[]): string[] {
  const importers = uses.filter((u) => u.role === 'import').map((u) => u.file);
  return [...new Set([member.fn.file, ...importers])].sort();
}

/**
 * Refuses doctest examples in `files` (loaded) that call the member by name: the example would
 * print a coroutine instead of its result.
 */
export function refuseDoctests(
  state: ClosureState,
  index: SiteIndex,
  member: Member,
  files: readonly string[],
): void {
  for (const file of files) {
    for (const example of index.facts(file).doctests) {
      if (!example.names.includes(member.fn.name)) continue;
      state.addBoundary(
        toKey(member.fn),
        { file, line: example.line, column: example.column },
        {
          kind: 'doctest',
          detail:
            member.fn.container === undefined
              ? `a doctest calls ${member.fn.name}(); it would print a coroutine. Rewrite the example or convert by hand`
              : `a doctest calls a method named ${member.fn.name} (doctest code is not type-checked, so any .${member.fn.name}() counts); it would print a coroutine. Rewrite the example or convert by hand`,
          handling: 'refused',
          tail: 'doctest',
        },
      );
    }
  }
}
