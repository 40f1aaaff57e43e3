import type { FileChange } from '../../core/change/change-types.js';

/**
 * Identifiers a make_async edit may bring in: the async keywords, the runners and the async
 * equivalents of the table's blocking calls, the test bases — nothing else. The rest of an
 * edit's new text must come from its old text (an edit wraps or prefixes code; it never writes
 * code of its own).
 */
const ALLOWED_WORDS = new Set([
  'async',
  'await',
  'asyncio',
  'run',
  'sleep',
  'to_thread',
  'gather',
  'create_task',
  'wait_for',
  'import',
  'from',
  'as',
  'unittest',
  'IsolatedAsyncioTestCase',
  'pytest',
  'mark',
  'anyio',
  'Promise',
  'all',
  'void',
  'fs',
  'promises',
  'node',
  'require',
  'const',
  'catch',
  'error',
  'console',
  'process',
  'exit',
  'readFile',
  'writeFile',
  'appendFile',
  'readdir',
  'stat',
  'lstat',
  'mkdir',
  'rm',
  'rmdir',
  'unlink',
  'rename',
  'copyFile',
  'access',
  'realpath',
  'readlink',
  'symlink',
  'chmod',
  'utimes',
  'opendir',
  'truncate',
  'cp',
  'mkdtemp',
  'then',
  'function',
]);

const WORDS = /[A-Za-z_$][\w$]*/g;
const STRINGS = /(['"`])(?:\\.|(?!\1).)*\1/g;

/** Words (with their counts) of `text`, strings left out. */
function countWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of text.replace(STRINGS, '').matchAll(WORDS)) {
    counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
  }
  return counts;
}

/** The string literals of `text`. */
function stringsOf(text: string): string[] {
  return [...text.matchAll(STRINGS)].map((match) => match[0]);
}

/**
 * What a make_async may write, whoever made the plan: edits whose new text only adds words
 * from {@link ALLOWED_WORDS} (or the old text's own words) and no string literal but a module
 * name of the async equivalents (`'fs/promises'`, `'node:fs/promises'`) — and no new, deleted
 * or moved files.
 */
export function checkMakeAsyncChange(change: FileChange): string | undefined {
  if (change.op !== 'edit') {
    return `make_async does not ${change.op} files, but the plan would ${change.op} ${change.file}`;
  }
  for (const edit of change.edits) {
    const old = countWords(edit.oldText);
    for (const [word, count] of countWords(edit.newText)) {
      if (count > (old.get(word) ?? 0) && !ALLOWED_WORDS.has(word)) {
        return `${change.file}:${edit.start[0]}:${edit.start[1]} would write "${word}", which a conversion to async does not write (new text ${JSON.stringify(edit.newText.slice(0, 120))})`;
      }
    }
    const oldStrings = new Set(stringsOf(edit.oldText));
    for (const literal of stringsOf(edit.newText)) {
      if (!oldStrings.has(literal) && !/^['"](?:node:)?fs(?:\/promises)?['"]$/.test(literal)) {
        return `${change.file}:${edit.start[0]}:${edit.start[1]} would write the string ${literal}, which a conversion to async does not write`;
      }
    }
  }
  return undefined;
}
