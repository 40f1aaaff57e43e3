// The official filesystem server ships no types; the tests call its edit routine in-process.
declare module '@modelcontextprotocol/server-filesystem/dist/lib.js' {
  /** Applies `edits` to `filePath` as the server's edit_file does; returns the diff. */
  export function applyFileEdits(
    filePath: string,
    edits: ReadonlyArray<{ oldText: string; newText: string }>,
    dryRun?: boolean,
  ): Promise<string>;
}
