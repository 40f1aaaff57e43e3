import { ALWAYS_EXCLUDED_DIRS } from '../core/searched-dirs.js';
import { runGitRaw, toGitError } from './run-git.js';

/** The folders the ripgrep server never searches, as git pathspecs: at any depth, case-blind. */
const EXCLUDED_PATHSPECS = ALWAYS_EXCLUDED_DIRS.map((dir) => `:(exclude,icase,glob)**/${dir}/**`);

/** A full object name: what it names never changes, nor does what a grep of it finds. */
const OBJECT_NAME = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** Answers for full commit names, kept while few: the CLI's early refusal and the run ask alike. */
const answered = new Map<string, boolean>();
const MAX_ANSWERS = 256;

/**
 * Whether some file tracked at `revision` holds `word` as a whole word, by git's test (not
 * preceded or followed by an ASCII letter, digit or `_`). Every file counts, binary ones and
 * those a search skips included, so `false` means no declaration can exist at `revision`.
 * Asked again for the same full commit name in the same folder, answers from memory (a `git
 * grep` of 5,000 files costs ~0.15 s).
 */
export async function commitMentionsWord(
  cwd: string,
  revision: string,
  word: string,
  options: { signal?: AbortSignal } = {},
): Promise<boolean> {
  const key = OBJECT_NAME.test(revision) ? `${cwd}\u0000${revision}\u0000${word}` : undefined;
  const known = key === undefined ? undefined : answered.get(key);
  if (known !== undefined) return known;
  const args = ['grep', '-q', '-w', '-F', '--no-textconv', '-e', word, revision, '--'];
  const output = await runGitRaw(args, { cwd, signal: options.signal });
  // git grep exits 1 when nothing matched.
  if (output.exitCode !== 0 && (output.exitCode !== 1 || output.stderr !== '')) {
    throw toGitError(args, cwd, output);
  }
  const mentioned = output.exitCode === 0;
  if (key !== undefined) {
    if (answered.size >= MAX_ANSWERS) answered.clear();
    answered.set(key, mentioned);
  }
  return mentioned;
}

/**
 * The texts a POSIX extended `pattern` matches (`git grep -o`) in the text files tracked at
 * `revision`, outside `.git`, `.mcp-orchestrator` and `node_modules`, in file order: from at
 * most `maxLinesPerFile` matching lines of each file (default 200, as the ripgrep search).
 */
export async function matchedTextsAt(
  cwd: string,
  revision: string,
  pattern: string,
  options: { ignoreCase?: boolean; maxLinesPerFile?: number; signal?: AbortSignal } = {},
): Promise<string[]> {
  const args = [
    'grep',
    `--max-count=${options.maxLinesPerFile ?? 200}`,
    '-o',
    '-h',
    '-I',
    '-E',
    '--no-textconv',
    '--no-color',
    ...(options.ignoreCase ? ['-i'] : []),
    '-e',
    pattern,
    revision,
    '--',
    '.',
    ...EXCLUDED_PATHSPECS,
  ];
  const output = await runGitRaw(args, { cwd, signal: options.signal });
  if (output.exitCode === 1 && output.stdout === '') return [];
  if (output.exitCode !== 0) throw toGitError(args, cwd, output);
  return output.stdout.split('\n').filter((text) => text !== '');
}
