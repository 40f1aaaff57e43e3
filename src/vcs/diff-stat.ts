/** Lines added and deleted in one file. Binary files count 0 and 0. */
export interface DiffStatFile {
  /** Path relative to the repository root, `/`-separated. */
  file: string;
  additions: number;
  deletions: number;
  /** True for a binary file (git reports no line counts for it). */
  binary: boolean;
}

/** Per-file and total line counts of a diff. */
export interface DiffStat {
  /** Files in path order. */
  files: DiffStatFile[];
  additions: number;
  deletions: number;
}

/** Parses `git diff --numstat -z --no-renames` output into a {@link DiffStat}. */
export function toDiffStat(numstat: string): DiffStat {
  const files: DiffStatFile[] = [];
  for (const record of numstat.split('\0')) {
    if (record === '') continue;
    const match = /^(-|\d+)\t(-|\d+)\t(.*)$/s.exec(record);
    if (match === null) continue;
    const [, added = '-', deleted = '-', file = ''] = match;
    const binary = added === '-' || deleted === '-';
    files.push({
      file,
      additions: binary ? 0 : Number(added),
      deletions: binary ? 0 : Number(deleted),
      binary,
    });
  }
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    files,
    additions: files.reduce((sum, f) => sum + f.additions, 0),
    deletions: files.reduce((sum, f) => sum + f.deletions, 0),
  };
}
