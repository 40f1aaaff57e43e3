import { PYTEST_TESTS_FIRST, UNITTEST_TESTS_FIRST } from './python-test-order.js';

/** What OPTIMIZE can tell a test runner, as the runner allows it. */
export interface TestRunnerTraits {
  name: 'pytest' | 'unittest' | 'node-test' | 'vitest' | 'other';
  /** How the runner is told its worker count, or `null` when it takes none. */
  workersFlag: string | null;
  /** How it stops at the first failure, or `null` when it cannot. */
  failFastFlag: string | null;
  /** Whether the tests that reach the change can run first within the same run. */
  ordersTests: boolean;
}

/** The runner behind a test command, and how to run it tuned. */
export interface TestRunner extends TestRunnerTraits {
  /** The argv to run: `workers` (when the runner takes them), fail-fast, `first` files first. */
  toCommand(options: { workers: number; first: readonly string[] }): string[];
}

/** A script made of plain words (no quotes, variables, redirections or chained commands). */
const PLAIN_WORDS = /^[\w@%+=:,./-]+( +[\w@%+=:,./-]+)*$/;

/**
 * Recognises the runner of `command` (the test node's argv; `scripts` are package.json's
 * scripts when the command is `npm test`). What each allows, on the versions here:
 * - pytest: `-x` stops at the first failure; the first files are sorted to the front by a
 *   plugin object (collection unchanged); no worker count (pytest-xdist is not installed).
 * - unittest: `-f` (failfast); discovered modules of the first files go first; no workers.
 * - `node --test` (Node 20): `--test-concurrency=N`; no fail-fast option on Node 20, and giving
 *   files would change what it collects, so no order. Run as node itself (options after a
 *   path would be taken for files), and only when package.json has no pretest/posttest.
 * - vitest: `--maxWorkers=N` and `--bail=1`; it orders files itself (no order).
 * - anything else (`--test-command`, other scripts): run as written.
 */
export function toTestRunner(
  command: readonly string[],
  scripts: Readonly<Record<string, string>> | null,
): TestRunner {
  const [program, flag, module, ...rest] = command;
  if (program !== undefined && flag === '-m' && module === 'pytest') {
    return {
      name: 'pytest',
      workersFlag: null,
      failFastFlag: '-x',
      ordersTests: true,
      toCommand: ({ first }) =>
        first.length === 0
          ? [...command, '-x']
          : [program, '-c', PYTEST_TESTS_FIRST, ...first, '--', ...rest, '-x'],
    };
  }
  if (program !== undefined && flag === '-m' && module === 'unittest') {
    const args = rest.length === 0 ? ['discover'] : rest;
    const discovers = args[0] === 'discover';
    return {
      name: 'unittest',
      workersFlag: null,
      failFastFlag: '-f',
      ordersTests: discovers,
      toCommand: ({ first }) =>
        first.length === 0 || !discovers
          ? [...command, ...(rest.length === 0 ? ['discover'] : []), '-f']
          : [program, '-c', UNITTEST_TESTS_FIRST, ...first, '--', ...args, '-f'],
    };
  }
  // Only `npm test --silent` as PLAN detects it: other npm arguments are the user's.
  const npmTest = command.length === 3 && command[0] === 'npm' && command[1] === 'test';
  const script = scripts?.test?.trim() ?? '';
  const words = npmTest && PLAIN_WORDS.test(script) ? script : '';
  // Run without npm only when npm would run nothing else around the script.
  const bare = scripts?.pretest === undefined && scripts?.posttest === undefined;
  const [tool, ...toolArgs] = words.split(/ +/);
  if (tool === 'node' && toolArgs[0] === '--test' && bare) {
    return {
      name: 'node-test',
      workersFlag: '--test-concurrency',
      failFastFlag: null,
      ordersTests: false,
      toCommand: ({ workers }) => [
        'node',
        '--test',
        `--test-concurrency=${workers}`,
        ...toolArgs.slice(1).filter((arg) => !arg.startsWith('--test-concurrency')),
      ],
    };
  }
  if (tool === 'vitest' && (toolArgs.length === 0 || toolArgs[0] === 'run')) {
    return {
      name: 'vitest',
      workersFlag: '--maxWorkers',
      failFastFlag: '--bail=1',
      ordersTests: false,
      toCommand: ({ workers }) => [...command, '--', `--maxWorkers=${workers}`, '--bail=1'],
    };
  }
  return {
    name: 'other',
    workersFlag: null,
    failFastFlag: null,
    ordersTests: false,
    toCommand: () => [...command],
  };
}
