import { ALWAYS_EXCLUDED_DIRS } from '../core/searched-dirs.js';
import { runGitRaw, toGitError } from './run-git.js';

/** The folders the ripgrep server never searches, as git pathspecs: at any depth, case-blind. */
const EXCLUDED_PATHSPECS = ALWAYS_EXCLUDED_DIRS.map((dir) => `:(exclude,icase,glob)**/${dir}/**`);

/**
 * Whether some file tracked at `revision` holds `word` as a whole word, by git's test (not
 * preceded or followed by an ASCII letter, digit or `_`). Every file counts, binary ones and
 * those a search skips included, so `false` means no declaration can exist at `revision`.
 */
export async function commitMentionsWord(
  cwd: string,
  revision: string,
  word: string,
  options: { signal?: AbortSignal } = {},
): Promise<boolean> {
  const args = ['grep', '-q', '-w', '-F', '--no-textconv', '-e', word, revision, '--'];
  const output = await runGitRaw(args, { cwd, signal: options.signal });
  // git grep exits 1 when nothing matched.
  if (output.exitCode === 0) return true;
  if (output.exitCode === 1 && output.stderr === '') return false;
  throw toGitError(args, cwd, output);
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
