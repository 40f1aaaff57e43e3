/**
 * What a transform writes, in every layer: ranges that may span lines, and whole-file
 * create / delete / move. Positions are 1-based `[line, column]`; columns count UTF-16 code
 * units of the decoded text (as LSP and TypeScript do); lines end at `\n`, `\r\n` or `\r`.
 * `end` is exclusive. Files are workspace-relative POSIX paths.
 */
export type Position = readonly [line: number, column: number];

/** One replacement; the range must hold `oldText` before it is applied. */
export interface RangeEdit {
  start: Position;
  end: Position;
  oldText: string;
  newText: string;
  /** Why the edit exists, for people: `declaration`, `call site`, `import added`, … */
  reason: string;
}

/** Replace ranges of an existing file. */
export interface EditFileChange {
  op: 'edit';
  file: string;
  edits: RangeEdit[];
}

/** Create a file that does not exist at the base commit. */
export interface CreateFileChange {
  op: 'create';
  file: string;
  text: string;
  reason: string;
}

/** Delete a file tracked at the base commit. */
export interface DeleteFileChange {
  op: 'delete';
  file: string;
  reason: string;
}

/** Move (rename) a file tracked at the base commit; edits of `file` apply before the move. */
export interface MoveFileChange {
  op: 'move';
  file: string;
  to: string;
  reason: string;
}

export type FileChange = EditFileChange | CreateFileChange | DeleteFileChange | MoveFileChange;
