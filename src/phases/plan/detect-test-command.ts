import type { PhaseContext } from '../../core/phase.js';
import type { CommandRunner, WorkspaceFiles } from '../../core/services.js';

/** Finds pytest without importing it (an import costs ~0.4 s). */
const FIND_PYTEST =
  'import importlib.util, sys; sys.exit(importlib.util.find_spec("pytest") is None)';

const PROBE_TIMEOUT_MS = 20_000;

async function readTestScript(
  files: Pick<WorkspaceFiles, 'readText'>,
): Promise<string | undefined> {
  try {
    const manifest = JSON.parse(await files.readText('package.json')) as {
      scripts?: Record<string, unknown>;
    };
    const script = manifest.scripts?.test;
    if (typeof script !== 'string' || /no test specified/.test(script)) return undefined;
    return script;
  } catch {
    return undefined;
  }
}

/** What {@link detectTestCommand} looks at. */
export interface DetectTestCommandOptions {
  files: Pick<WorkspaceFiles, 'root' | 'readText'>;
  commands: CommandRunner;
  python: string;
  override?: string[];
  signal: AbortSignal;
}

/** The question PLAN asks of a run's context (asked early by the run too: see run-phases.ts). */
export function testCommandOf(context: PhaseContext): Promise<string[]> {
  return detectTestCommand({
    files: context.files,
    commands: context.commands,
    python: context.git.pythonInterpreter(),
    ...(context.options.testCommand ? { override: context.options.testCommand } : {}),
    signal: context.signal,
  });
}

/** One answer per runner (one per run) and question, so a run can ask early and PLAN reuse it. */
const answers = new WeakMap<CommandRunner, Map<string, Promise<string[]>>>();

/**
 * The argv that runs the workspace's tests: `override` (from `--test-command`), else
 * `scripts.test` in package.json (`npm test`), else pytest when the interpreter has it, else
 * `python -m unittest discover`. Asked twice with the same runner, the second call gets the
 * first one's answer: the run asks while LOGIC waits for its language server, PLAN then finds it.
 */
export function detectTestCommand(options: DetectTestCommandOptions): Promise<string[]> {
  const key = JSON.stringify([options.files.root, options.python, options.override ?? null]);
  let byKey = answers.get(options.commands);
  if (byKey === undefined) {
    byKey = new Map();
    answers.set(options.commands, byKey);
  }
  let answer = byKey.get(key);
  if (answer === undefined) {
    answer = detect(options);
    byKey.set(key, answer);
  }
  return answer;
}

async function detect(options: DetectTestCommandOptions): Promise<string[]> {
  if (options.override) return options.override;
  if (await readTestScript(options.files)) return ['npm', 'test', '--silent'];
  const probe = await options.commands.run([options.python, '-c', FIND_PYTEST], {
    cwd: options.files.root,
    timeoutMs: PROBE_TIMEOUT_MS,
    signal: options.signal,
    label: 'detect-tests',
  });
  if (probe.exitCode === 0) return [options.python, '-m', 'pytest', '-q', '-p', 'no:cacheprovider'];
  return [options.python, '-m', 'unittest', 'discover'];
}
