import type { FileChange, RangeEdit } from '../../core/change/change-types.js';

/** Words a conversion writes besides the old text's: the keywords of try/await code. */
const KEYWORDS = new Set([
  'async',
  'await',
  'try',
  'catch',
  'finally',
  'const',
  'let',
  'return',
  'throw',
  'undefined',
]);

const SOURCE = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const WORDS = /(?<![\w$])[A-Za-z_$][\w$]*/g;
const STRINGS = /(['"`])(?:\\[\s\S]|(?!\1)[^\\])*\1/g;
const COMMENTS = /\/\*[\s\S]*?\*\/|\/\/[^\r\n]*/g;

/** `text` without string literals and comments (what is left is code). */
function codeOf(text: string): string {
  return text.replace(STRINGS, '""').replace(COMMENTS, ' ');
}

/**
 * `text` without the type annotations of `let name: T;` declarations (what the fix writes to
 * declare a variable a `try` assigns): types, erased at run time, may name anything.
 */
function withoutLetTypes(code: string): string {
  let result = '';
  let at = 0;
  for (const match of code.matchAll(/\blet\s+[A-Za-z_$][\w$]*\s*:/g)) {
    const start = (match.index ?? 0) + match[0].length;
    if (start < at) continue;
    let depth = 0;
    let end = start;
    for (; end < code.length; end++) {
      const char = code[end] as string;
      if (char === '=' && code[end + 1] === '>') end++;
      else if ('([{<'.includes(char)) depth++;
      else if (')]}>'.includes(char)) depth--;
      else if (depth <= 0 && (char === ';' || char === '\n' || char === '=')) break;
    }
    result += code.slice(at, start);
    at = end;
  }
  return result + code.slice(at);
}

function wordsOf(code: string): Set<string> {
  return new Set(code.match(WORDS) ?? []);
}

/** Names `code` declares: `const x`, `let x`, `const { a, b: c }`, `const [a, b]`, `catch (e)`. */
function declaredIn(code: string): Set<string> {
  const declared = new Set<string>();
  for (const match of code.matchAll(
    /\b(?:const|let)\s+([A-Za-z_$][\w$]*)|\bcatch\s*\(\s*([A-Za-z_$][\w$]*)/g,
  )) {
    declared.add((match[1] ?? match[2]) as string);
  }
  for (const match of code.matchAll(/\b(?:const|let)\s*([{[])/g)) {
    let depth = 0;
    let end = (match.index ?? 0) + match[0].length - 1;
    for (; end < code.length; end++) {
      if ('{['.includes(code[end] as string)) depth++;
      else if ('}]'.includes(code[end] as string) && --depth === 0) break;
    }
    const pattern = code.slice((match.index ?? 0) + match[0].length, end);
    for (const word of wordsOf(pattern)) declared.add(word);
  }
  return declared;
}

/** Why one edit is not what convertToAsyncFunction writes; undefined when it is. */
function checkEdit(edit: RangeEdit): string | undefined {
  if (edit.oldText === '') {
    return /^async[ \t]+$/.test(edit.newText)
      ? undefined
      : `inserts ${JSON.stringify(edit.newText.slice(0, 80))}, but a conversion inserts only the async keyword`;
  }
  if (!/^return\b/.test(edit.oldText)) {
    return `replaces ${JSON.stringify(edit.oldText.slice(0, 80))}, but a conversion replaces only return statements (and inserts async)`;
  }
  const oldStrings = new Set(edit.oldText.match(STRINGS) ?? []);
  for (const literal of edit.newText.match(STRINGS) ?? []) {
    if (!oldStrings.has(literal))
      return `writes the string ${literal.slice(0, 80)}, which the old code does not have`;
  }
  const oldWords = wordsOf(codeOf(edit.oldText));
  const code = withoutLetTypes(codeOf(edit.newText));
  const declared = declaredIn(code);
  for (const word of wordsOf(code)) {
    if (oldWords.has(word) || KEYWORDS.has(word)) continue;
    if (!declared.has(word)) {
      return `writes "${word}", which is neither in the old code nor a name the new code declares`;
    }
    if (new RegExp(String.raw`\.\s*${word.replaceAll('$', '\\$')}(?![\w$])`).test(code)) {
      return `writes ".${word}", a member the old code does not use`;
    }
  }
  return undefined;
}

/**
 * What a conversion may write, whoever made the plan: edits of JS/TS files only, each either the
 * `async ` keyword inserted or a `return` statement replaced by code whose words are the old
 * code's, the keywords of try/await code (`async`, `await`, `try`, `catch`, `const`, `let`,
 * `return`, `throw`, …), or names it declares itself (`const text = await …`, the code fix's
 * `result`, `result_1`, renamed `x_1`, a handler's parameter name), never as a member (`.x`);
 * strings only the old code's; any type in a `let x: T;` declaration. No new, deleted or moved files.
 */
export function checkConvertPromisesChange(change: FileChange): string | undefined {
  if (change.op !== 'edit') {
    return `a promise-chain conversion does not ${change.op} files, but the plan would ${change.op} ${change.file}`;
  }
  if (!SOURCE.test(change.file)) {
    return `a promise-chain conversion edits JavaScript and TypeScript files, not ${change.file}`;
  }
  for (const edit of change.edits) {
    const problem = checkEdit(edit);
    if (problem !== undefined) return `${change.file}:${edit.start[0]}:${edit.start[1]} ${problem}`;
  }
  return undefined;
}
