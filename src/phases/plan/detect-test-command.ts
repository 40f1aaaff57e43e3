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

/**
 * The argv that runs the workspace's tests: `override` (from `--test-command`), else
 * `scripts.test` in package.json (`npm test`), else pytest when the interpreter has it, else
 * `python -m unittest discover`.
 */
export async function detectTestCommand(options: {
  files: Pick<WorkspaceFiles, 'root' | 'readText'>;
  commands: CommandRunner;
  python: string;
  override?: string[];
  signal: AbortSignal;
}): Promise<string[]> {
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
