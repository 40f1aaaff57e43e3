import type { FileChange } from '../../core/change/change-types.js';
import type { MoveIntent } from './intent.js';
import { moveLanguageOf } from './validate-intent.js';

/** Words a move's import edits may write besides their old text's, the name and the paths' words. */
const KEYWORDS = new Set(
  'import from as export type typeof const let var require module exports default pass'.split(' '),
);

/**
 * Extensions a JS/TS import specifier may end with whatever the target's own is: under NodeNext
 * `src/formatting.ts` is imported as `./formatting.js`.
 */
const SCRIPT_EXTENSIONS = new Set('js jsx mjs cjs ts tsx mts cts'.split(' '));

const WORDS = /[A-Za-z_$][\w$]*/g;

function wordsOf(text: string): Set<string> {
  return new Set(text.match(WORDS) ?? []);
}

/** Words of module paths: `money/format.py` → money, format, py. */
function pathWords(path: string | undefined): string[] {
  return path === undefined ? [] : path.split(/[/.\\-]+/).filter((w) => w !== '');
}

function isTsConfig(file: string): boolean {
  return /(^|\/)(?:tsconfig|jsconfig)[^/]*\.json$/.test(file);
}

/**
 * What a move may write, whoever made the plan: the target module (created, or edited with the
 * moved code), `__init__.py` markers of its new folders, and in other files of the move's
 * language edits that write no word but the words their file's edits replace, the moved name, import keywords and
 * the words of the modules' paths (`posting`, `posting_module`, `format_1`) and, in JS/TS, a
 * specifier's extension (`./formatting.js` for `src/formatting.ts`). No deletes, no file moves.
 */
export function checkMoveChange(intent: MoveIntent, change: FileChange): string | undefined {
  if (change.op === 'delete' || change.op === 'move') {
    return `a move does not ${change.op} files, but the plan would ${change.op} ${change.file}`;
  }
  if (change.op === 'create') {
    const folder = change.file.slice(0, -'/__init__.py'.length);
    const marker = change.file.endsWith('/__init__.py') && intent.to.startsWith(`${folder}/`);
    return change.file === intent.to || marker
      ? undefined
      : `${change.file} is neither the target module ${intent.to} nor a package marker of its folders, so a move does not create it`;
  }
  const language = moveLanguageOf(intent.to);
  if (
    moveLanguageOf(change.file) !== language &&
    !(language === 'typescript' && isTsConfig(change.file))
  ) {
    return `a move to ${intent.to} edits ${language} modules, not ${change.file}`;
  }
  if (change.file === intent.to) return undefined;
  const stems = [...pathWords(intent.to), ...pathWords(intent.from)];
  const allowed = (word: string): boolean =>
    KEYWORDS.has(word) ||
    (language === 'typescript' && SCRIPT_EXTENSIONS.has(word)) ||
    word === intent.symbol ||
    stems.some((stem) => word === stem || new RegExp(`^${stem}(?:_module)?_?\\d*$`).test(word));
  // The refactor may take an alias out of one import and write it into another: compare per file.
  const old = wordsOf(change.edits.map((edit) => edit.oldText).join('\n'));
  for (const edit of change.edits) {
    for (const word of wordsOf(edit.newText)) {
      if (!old.has(word) && !allowed(word)) {
        return `${change.file}:${edit.start[0]}:${edit.start[1]} would write "${word}", which moving ${intent.symbol} to ${intent.to} does not write (new text ${JSON.stringify(edit.newText.slice(0, 120))})`;
      }
    }
  }
  return undefined;
}
