import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runProcess } from '../../process/index.js';

/** Finds pytest without importing it (an import costs ~0.4 s). */
const FIND_PYTEST =
  'import importlib.util, sys; sys.exit(importlib.util.find_spec("pytest") is None)';

/** True when the interpreter can import pytest. */
async function hasPytest(python: string, cwd: string, signal: AbortSignal): Promise<boolean> {
  const result = await runProcess([python, '-c', FIND_PYTEST], {
    cwd,
    signal,
    timeoutMs: 20_000,
    tailBytes: 0,
  });
  return result.exitCode === 0 && !result.timedOut && !result.cancelled;
}

async function readTestScript(workspace: string): Promise<string | undefined> {
  try {
    const manifest = JSON.parse(await readFile(path.join(workspace, 'package.json'), 'utf8')) as {
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
 * The argv that runs the workspace's tests: `--test-command` (through `sh -c`), else
 * `scripts.test` in package.json (`npm test`), else pytest when the interpreter has it, else
 * `python -m unittest discover`.
 */
export async function detectTestCommand(options: {
  workspace: string;
  python: string;
  override?: string[];
  signal: AbortSignal;
}): Promise<string[]> {
  if (options.override) return options.override;
  if (await readTestScript(options.workspace)) return ['npm', 'test', '--silent'];
  if (await hasPytest(options.python, options.workspace, options.signal)) {
    return [options.python, '-m', 'pytest', '-q', '-p', 'no:cacheprovider'];
  }
  return [options.python, '-m', 'unittest', 'discover'];
}
