import { indexImporters, indexImports } from '../../../core/import-index.js';
import type { ImportEdge } from '../../../core/source-types.js';
import { compareText } from '../../../core/whole-word.js';

/**
 * What a change did to one module's surface: the names it added or took away (a declaration
 * renamed), or `'all'` when a name kept on both sides may have another type — then any code
 * using it, in the module or elsewhere, may have changed with it.
 */
export type SurfaceChange = ReadonlySet<string> | 'all';

/** The files a change's compile check reads, and the importers it could leave out. */
export interface CheckedImporters {
  /** The changed files and the importers to check with them, sorted. */
  checked: string[];
  /** Importers of a changed file left out: nothing they can see of it changed. Sorted. */
  leftOut: string[];
}

const STAR_IMPORT = /\bimport\s*\*/;

/**
 * The files to type-check after a change, by what each module's importers can see of it (as
 * `tsc --incremental` picks them, finer for module-level names): each changed file; from a module
 * whose surface is `'all'`, and from an unchanged importer that mentions an added or removed name
 * (any part of `Class.member`) or imports with `*`, every importer in turn, transitively; the
 * other direct importers of a module that added or removed a class member (a protocol may no
 * longer match). An importer that never names what a module renamed at its top level is left
 * out, and so is every importer of a module whose surface kept every name and type (a rename
 * inside a function body, say). `textOf` reads an unchanged importer (undefined: unreadable, so
 * taken to mention everything).
 */
export function selectCheckedImporters(
  surfaces: ReadonlyMap<string, SurfaceChange>,
  edges: readonly ImportEdge[],
  textOf: (file: string) => string | undefined,
): CheckedImporters {
  const importersOf = indexImporters(edges);
  const checked = new Set(surfaces.keys());
  const everything = new Set<string>();
  const pending: string[] = [];
  for (const [file, surface] of surfaces) {
    if (surface === 'all') {
      everything.add(file);
      pending.push(file);
      continue;
    }
    if (surface.size === 0) continue;
    const mentions = toMentionPattern(surface);
    // A class that gained or lost a member may stop matching a protocol where it is passed,
    // naming neither; a module-level name is reached only by its name (or `*`).
    const membersChanged = [...surface].some((name) => name.includes('.'));
    for (const importer of importersOf.get(file) ?? []) {
      if (surfaces.has(importer)) continue;
      if (mentionsAny(textOf(importer), mentions)) {
        checked.add(importer);
        if (!everything.has(importer)) {
          everything.add(importer);
          pending.push(importer);
        }
      } else if (membersChanged) checked.add(importer);
    }
  }
  // From a module whose every name may have changed: its importers, transitively.
  while (pending.length > 0) {
    const file = pending.pop() as string;
    for (const importer of importersOf.get(file) ?? []) {
      checked.add(importer);
      // A changed importer too: its unchanged code may use what changed here.
      if (everything.has(importer)) continue;
      everything.add(importer);
      pending.push(importer);
    }
  }
  const leftOut = new Set<string>();
  for (const file of surfaces.keys()) {
    for (const importer of importersOf.get(file) ?? []) {
      if (!checked.has(importer)) leftOut.add(importer);
    }
  }
  return { checked: [...checked].sort(compareText), leftOut: [...leftOut].sort(compareText) };
}

/** One pattern for every part of every name (`Class.member`: `Class`, `member`), as whole words. */
function toMentionPattern(names: ReadonlySet<string>): RegExp {
  const words = new Set<string>();
  for (const name of names) for (const part of name.split('.')) if (part !== '') words.add(part);
  const escaped = [...words].map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_])`, 'u');
}

/** True when `text` holds one of the names (`mentions`) or a star import; unreadable: true. */
function mentionsAny(text: string | undefined, mentions: RegExp): boolean {
  return text === undefined || STAR_IMPORT.test(text) || mentions.test(text);
}

/**
 * The changed files some unchanged file imports, directly or through other files: only their
 * surfaces can decide what is left out (from the others, every importer is a changed file,
 * checked anyway). A 4,001-file rename whose files nothing else imports needs none.
 */
export function changedFilesSeenFromOutside(
  changed: ReadonlySet<string>,
  edges: readonly ImportEdge[],
): Set<string> {
  const importsOf = indexImports(edges);
  const seen = new Set<string>();
  const pending = [...importsOf.keys()].filter((file) => !changed.has(file));
  while (pending.length > 0) {
    const file = pending.pop() as string;
    for (const imported of importsOf.get(file) ?? []) {
      if (seen.has(imported)) continue;
      seen.add(imported);
      pending.push(imported);
    }
  }
  return new Set([...changed].filter((file) => seen.has(file)));
}
