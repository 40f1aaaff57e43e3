import type { Position } from '../../../core/change/change-types.js';
import type { SourcePosition } from '../../../core/source-types.js';
import type { PythonWorkspace } from '../engine/python-workspace.js';
import { SIGNATURE_SHAPES_SCRIPT } from './signature-shapes-script.js';

/** A 1-based line and UTF-16 column, as the script reports it. */
interface LineColumn {
  line: number;
  column: number;
}

/** One parameter of a `def`, or its `/` or `*` marker, in source order. */
export interface PythonParameterSlot {
  kind:
    | 'positional-only'
    | 'positional-marker'
    | 'regular'
    | 'var-positional'
    | 'keyword-marker'
    | 'keyword-only'
    | 'var-keyword';
  name?: string;
  /** Where the name is (for `*args`, after the star). */
  namePosition?: LineColumn;
  start: LineColumn;
  end: LineColumn;
  hasDefault: boolean;
}

/** A `def` as its signature changes need it. */
export interface PythonDeclaration {
  name: string;
  async: boolean;
  /** Just after `(`. */
  open: LineColumn;
  /** At `)`. */
  close: LineColumn;
  slots: PythonParameterSlot[];
  /** Decorator expressions as written, without call arguments (`staticmethod`, `functools.wraps`). */
  decorators: string[];
  bodyStart: LineColumn;
  bodyEnd: LineColumn;
  /** Where the body binds or uses the name asked about. */
  uses: Array<LineColumn & { what: string }>;
  className?: string;
  classPosition?: LineColumn;
}

/** One argument of a call, in source order. */
export interface PythonArgumentSlot {
  kind: 'positional' | 'keyword' | 'spread' | 'keyword-spread';
  name?: string;
  start: LineColumn;
  end: LineColumn;
}

/** What a name position is. */
export type PythonNameUse = { lineText: string } & (
  | {
      context: 'call';
      open: LineColumn;
      close: LineColumn;
      args: PythonArgumentSlot[];
      bareGenerator: boolean;
      callee: 'name' | 'attribute';
      /** The object of `object.name(...)`, as written (at most 80 characters). */
      object?: string;
      viaSuper?: boolean;
    }
  | { context: 'import-alias'; alias: LineColumn }
  | { context: 'attribute'; attribute: string }
  | {
      context:
        | 'definition'
        | 'import'
        | 'decorator'
        | 'assignment'
        | 'value'
        | 'string'
        | 'other'
        | 'unparsable'
        /** A call whose arguments cannot be edited: inside an f-string (before Python 3.12). */
        | 'opaque-call';
    }
);

/** A class with its bases and the methods it defines itself. */
export interface PythonClass {
  file: string;
  name: string;
  line: number;
  column: number;
  /** Each base's text and where its last name is (what go-to-definition resolves). */
  bases: Array<LineColumn & { text: string }>;
  /** Methods by name; `abstract`: `@abstractmethod`, or a body of only `...`/`pass`/`raise NotImplementedError`. */
  methods: Record<string, LineColumn & { abstract: boolean }>;
  protocol: boolean;
}

/** `[line, column]` of a script position. */
export function toPositionTuple(at: LineColumn): Position {
  return [at.line, at.column];
}

/**
 * The signature of each `def` whose name is at a target (`{error}` when none is there), with
 * the body's bindings and uses of `name` when given.
 */
export async function readPythonDeclarations(
  workspace: PythonWorkspace,
  targets: readonly SourcePosition[],
  name: string | undefined,
  signal?: AbortSignal,
): Promise<Array<PythonDeclaration | { error: string; message?: string }>> {
  const result = await workspace.runScript<{
    results: Array<PythonDeclaration | { error: string; message?: string }>;
  }>(
    SIGNATURE_SHAPES_SCRIPT,
    { root: workspace.root, mode: 'declarations', targets, ...(name ? { name } : {}) },
    signal,
  );
  return result.results;
}

/** What each name position is: a call with its arguments, an import, a value use, …; in order. */
export async function classifyPythonNameUses(
  workspace: PythonWorkspace,
  positions: readonly SourcePosition[],
  signal?: AbortSignal,
): Promise<PythonNameUse[]> {
  if (positions.length === 0) return [];
  const result = await workspace.runScript<{ results: PythonNameUse[] }>(
    SIGNATURE_SHAPES_SCRIPT,
    { root: workspace.root, mode: 'references', positions },
    signal,
  );
  return result.results;
}

/** Every class of `files`, with bases and methods (shared until a workspace file changes). */
export function listPythonClasses(
  workspace: PythonWorkspace,
  files: readonly string[],
  signal?: AbortSignal,
): Promise<PythonClass[]> {
  return workspace.memo(`signature-classes:${files.join('\n')}`, async () => {
    const result = await workspace.runScript<{ classes: PythonClass[] }>(
      SIGNATURE_SHAPES_SCRIPT,
      { root: workspace.root, mode: 'classes', files },
      signal,
    );
    return result.classes;
  });
}

/** Which of the texts (by index) are not one Python expression (or annotation), and why. */
export async function findUnparsableTexts(
  workspace: PythonWorkspace,
  items: ReadonlyArray<{ text: string; as: 'expression' | 'type' }>,
  signal?: AbortSignal,
): Promise<Array<{ index: number; message: string }>> {
  if (items.length === 0) return [];
  const result = await workspace.runScript<{ bad: Array<{ index: number; message: string }> }>(
    SIGNATURE_SHAPES_SCRIPT,
    { root: workspace.root, mode: 'expressions', items },
    signal,
  );
  return result.bad;
}
