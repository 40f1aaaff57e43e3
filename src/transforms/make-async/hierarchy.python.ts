import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Location, LocationLink } from 'vscode-languageserver-protocol';
import type { SourcePosition } from '../../core/source-types.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import { toWorkspaceSource } from '../../lang/python/queries/find-reference-locations.js';
import { toLibraryModule } from './declaring-class.python.js';
import type { SiteIndex } from './site-index.python.js';
import { type ClassFacts, toKey } from './site-types.python.js';
import { findReferencePositions } from './uses.python.js';

/** A class outside the workspace, where pyright's definition of it is. */
export interface LibraryClass {
  /** `threading.Thread`, `unittest.case.TestCase`. */
  name: string;
  location: Location;
}

/** A class a class derives from: one of the workspace, or a library one. */
export type Ancestor =
  | { kind: 'workspace'; cls: ClassFacts }
  | { kind: 'library'; cls: LibraryClass };

/** Class hierarchies through pyright: bases by `textDocument/definition`, subclasses by references. */
export interface Hierarchy {
  /** Every class `cls` derives from, nearest first. */
  ancestors(cls: ClassFacts): Promise<Ancestor[]>;
  /** Every workspace class deriving from `cls`, in a stable order. */
  descendants(cls: ClassFacts): Promise<ClassFacts[]>;
  /** Whether the library class's own body declares `method`. */
  declares(cls: LibraryClass, method: string): Promise<boolean>;
}

/** Creates the hierarchy queries of one computation (answers are cached). */
export function createHierarchy(
  workspace: PythonWorkspace,
  index: SiteIndex,
  signal?: AbortSignal,
): Hierarchy {
  const bases = new Map<string, Promise<Ancestor[]>>();
  const subclasses = new Map<string, Promise<ClassFacts[]>>();
  const texts = new Map<string, Promise<string[]>>();

  const libraryLines = (location: Location): Promise<string[]> => {
    const file = fileURLToPath(location.uri);
    let lines = texts.get(file);
    if (lines === undefined) {
      lines = readFile(file, 'utf8').then(
        (text) => text.split(/\r\n|\r|\n/),
        () => [],
      );
      texts.set(file, lines);
    }
    return lines;
  };

  const resolveBase = async (at: SourcePosition): Promise<Ancestor | undefined> => {
    const params = await workspace.openPosition(at, signal);
    const answer = await workspace.session.request<
      Array<Location | LocationLink> | Location | null
    >('textDocument/definition', params, signal);
    const first = (answer === null ? [] : Array.isArray(answer) ? answer : [answer])[0];
    if (first === undefined) return undefined;
    const location: Location =
      'targetUri' in first ? { uri: first.targetUri, range: first.targetSelectionRange } : first;
    const file = toWorkspaceSource(workspace.root, location.uri);
    if (file !== undefined) {
      await index.load([file]);
      const start = location.range.start;
      const cls = index.classAt({ file, line: start.line + 1, column: start.character + 1 });
      return cls === undefined ? undefined : { kind: 'workspace', cls };
    }
    if (!location.uri.startsWith('file:')) return undefined;
    const module = toLibraryModule(fileURLToPath(location.uri));
    const line = (await libraryLines(location))[location.range.start.line] ?? '';
    const name = /^\w+/.exec(line.slice(location.range.start.character))?.[0];
    if (module === undefined || name === undefined) return undefined;
    return { kind: 'library', cls: { name: `${module}.${name}`, location } };
  };

  const directBases = (cls: ClassFacts): Promise<Ancestor[]> => {
    let known = bases.get(toKey(cls));
    if (known === undefined) {
      known = (async () => {
        const found: Ancestor[] = [];
        for (const base of cls.bases) {
          const resolved = await resolveBase({
            file: cls.file,
            line: base.line,
            column: base.column,
          });
          if (resolved !== undefined) found.push(resolved);
        }
        return found;
      })();
      bases.set(toKey(cls), known);
    }
    return known;
  };

  const directSubclasses = (cls: ClassFacts): Promise<ClassFacts[]> => {
    let known = subclasses.get(toKey(cls));
    if (known === undefined) {
      known = (async () => {
        const references = await findReferencePositions(workspace, cls, signal);
        await index.load(references.map((r) => r.file));
        const at = new Set(references.map(toKey));
        return [...new Set(references.map((r) => r.file))]
          .sort()
          .flatMap((file) =>
            index
              .facts(file)
              .classes.filter((c) => c.bases.some((b) => at.has(toKey({ file, ...b })))),
          );
      })();
      subclasses.set(toKey(cls), known);
    }
    return known;
  };

  return {
    async ancestors(cls) {
      const found: Ancestor[] = [];
      const seen = new Set<string>([toKey(cls)]);
      let frontier = [cls];
      while (frontier.length > 0) {
        const next: ClassFacts[] = [];
        for (const current of frontier) {
          for (const ancestor of await directBases(current)) {
            const key = ancestor.kind === 'workspace' ? toKey(ancestor.cls) : ancestor.cls.name;
            if (seen.has(key)) continue;
            seen.add(key);
            found.push(ancestor);
            if (ancestor.kind === 'workspace') next.push(ancestor.cls);
          }
        }
        frontier = next;
      }
      return found;
    },
    async descendants(cls) {
      const found: ClassFacts[] = [];
      const seen = new Set<string>([toKey(cls)]);
      let frontier = [cls];
      while (frontier.length > 0) {
        const next: ClassFacts[] = [];
        for (const current of frontier) {
          for (const sub of await directSubclasses(current)) {
            if (seen.has(toKey(sub))) continue;
            seen.add(toKey(sub));
            found.push(sub);
            next.push(sub);
          }
        }
        frontier = next;
      }
      return found;
    },
    async declares(cls, method) {
      const lines = await libraryLines(cls.location);
      const start = cls.location.range.start.line;
      const indent = /^\s*/.exec(lines[start] ?? '')?.[0].length ?? 0;
      const def = new RegExp(`^\\s*(?:async\\s+)?def\\s+${method}\\s*\\(`);
      for (let index = start + 1; index < lines.length; index += 1) {
        const line = lines[index] ?? '';
        if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
        if ((/^\s*/.exec(line)?.[0].length ?? 0) <= indent) return false;
        if (def.test(line)) return true;
      }
      return false;
    },
  };
}
