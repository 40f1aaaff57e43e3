import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CompileReport } from '../../core/phase-outputs.js';
import { runCommand, toLastLines } from '../shared/run-command.js';

const COMPILE_TIMEOUT_MS = 5 * 60_000;

async function findTsc(worktree: string): Promise<string> {
  const local = path.join(worktree, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    await access(local);
    return local;
  } catch {
    return createRequire(import.meta.url).resolve('typescript/bin/tsc');
  }
}

/**
 * Compiles the changed tree: `tsc --noEmit` (the workspace's TypeScript, else ours) where the
 * plan says tsc, `python -m py_compile` on the changed Python files for py_compile.
 */
export async function runCompileCheck(options: {
  kind: CompileReport['kind'];
  worktree: string;
  changedFiles: readonly string[];
  python: string;
  signal: AbortSignal;
}): Promise<CompileReport> {
  if (options.kind === 'none') return { kind: 'none', passed: true, durationMs: 0, outputTail: '' };
  let argv: string[];
  if (options.kind === 'tsc') {
    argv = [process.execPath, await findTsc(options.worktree), '--noEmit', '-p', 'tsconfig.json'];
  } else {
    const files = options.changedFiles.filter((file) => file.endsWith('.py'));
    if (files.length === 0)
      return { kind: 'py_compile', passed: true, durationMs: 0, outputTail: '' };
    argv = [options.python, '-m', 'py_compile', ...files];
  }
  const result = await runCommand(argv, {
    cwd: options.worktree,
    timeoutMs: COMPILE_TIMEOUT_MS,
    signal: options.signal,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  return {
    kind: options.kind,
    passed: result.exitCode === 0 && !result.timedOut,
    durationMs: result.durationMs,
    outputTail: toLastLines(result.outputTail, 30),
  };
}
