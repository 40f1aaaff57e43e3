import type { Location, LocationLink } from 'vscode-languageserver-protocol';
import type { SourcePosition } from '../../../core/source-types.js';
import type { PythonWorkspace } from '../engine/python-workspace.js';
import { toWorkspaceSource } from './find-reference-locations.js';
import { listPythonClasses, type PythonClass } from './find-signature-shapes.js';

/** The workspace's classes and how they derive from each other (bases resolved by pyright). */
export interface PythonClassGraph {
  readonly classes: readonly PythonClass[];
  /** The class whose name is at `at`. */
  classAt(at: SourcePosition): PythonClass | undefined;
  /** The workspace classes `cls` names as its bases, in order. */
  basesOf(cls: PythonClass, signal?: AbortSignal): Promise<PythonClass[]>;
  /** The workspace classes that name `cls` as a base. */
  subclassesOf(cls: PythonClass, signal?: AbortSignal): Promise<PythonClass[]>;
}

const key = (at: { file: string; line: number; column: number }): string =>
  `${at.file}:${at.line}:${at.column}`;

/** The last dotted name of a base's text, without subscripts: `abc.ABC` → `ABC`, `Base[int]` → `Base`. */
function lastName(text: string): string {
  return (text.split('[')[0] ?? '').split('.').at(-1)?.trim() ?? '';
}

/**
 * The class graph of the workspace's Python files. Bases are resolved by pyright's
 * go-to-definition, lazily and once each, and only for bases whose last name is a class's.
 */
export async function createPythonClassGraph(
  workspace: PythonWorkspace,
  signal?: AbortSignal,
): Promise<PythonClassGraph> {
  const files = await workspace.listFiles(signal);
  const classes = files.length === 0 ? [] : await listPythonClasses(workspace, files, signal);
  const byPosition = new Map(classes.map((c) => [key(c), c]));
  const resolved = new Map<string, Promise<PythonClass | undefined>>();
  const resolveBase = (
    cls: PythonClass,
    base: PythonClass['bases'][number],
    s?: AbortSignal,
  ): Promise<PythonClass | undefined> => {
    const at = { file: cls.file, line: base.line, column: base.column };
    let found = resolved.get(key(at));
    if (found === undefined) {
      found = definitionOf(workspace, at, s).then((target) =>
        target === undefined ? undefined : byPosition.get(key(target)),
      );
      resolved.set(key(at), found);
    }
    return found;
  };
  return {
    classes,
    classAt: (at) => byPosition.get(key(at)),
    async basesOf(cls, s) {
      const bases: PythonClass[] = [];
      for (const base of cls.bases) {
        const found = await resolveBase(cls, base, s);
        if (found !== undefined) bases.push(found);
      }
      return bases;
    },
    async subclassesOf(cls, s) {
      const found: PythonClass[] = [];
      for (const candidate of classes) {
        for (const base of candidate.bases) {
          if (lastName(base.text) !== cls.name) continue;
          if ((await resolveBase(candidate, base, s)) === cls) {
            found.push(candidate);
            break;
          }
        }
      }
      return found;
    },
  };
}

/** Where pyright says the name at `at` is declared (the first workspace location). */
async function definitionOf(
  workspace: PythonWorkspace,
  at: SourcePosition,
  signal?: AbortSignal,
): Promise<SourcePosition | undefined> {
  const params = await workspace.openPosition(at, signal);
  const answer = await workspace.session.request<Location | Location[] | LocationLink[] | null>(
    'textDocument/definition',
    params,
    signal,
  );
  const list = answer === null ? [] : Array.isArray(answer) ? answer : [answer];
  for (const item of list) {
    const uri = 'targetUri' in item ? item.targetUri : item.uri;
    const range = 'targetUri' in item ? item.targetSelectionRange : item.range;
    const file = toWorkspaceSource(workspace.root, uri);
    if (file !== undefined) {
      return { file, line: range.start.line + 1, column: range.start.character + 1 };
    }
  }
  return undefined;
}
