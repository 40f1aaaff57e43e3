import type { CompileReport } from '../../core/phase-outputs.js';
import type { CompileSetting } from '../../core/plan/plan-schema.js';
import type { CommandRunner } from '../../core/services.js';
import { toLastLines } from '../shared/output-lines.js';

/** Longest a compile check may run. */
export const COMPILE_TIMEOUT_MS = 5 * 60_000;

/** Where the compile tools are, resolved by the composition root. */
export interface CompileTools {
  /** argv prefix that runs tsc for a worktree (its own TypeScript, else ours). */
  tsc(worktree: string): Promise<string[]>;
}

/**
 * Compiles the changed tree as the plan says: `tsc --noEmit -p <config>`, or
 * `python -m py_compile` on the changed Python files, or nothing (with the reason).
 */
export async function runCompileCheck(options: {
  setting: CompileSetting;
  worktree: string;
  changedFiles: readonly string[];
  commands: CommandRunner;
  tools: CompileTools;
  /** The checkout's Python interpreter. */
  python: string;
  signal: AbortSignal;
}): Promise<CompileReport> {
  const { setting } = options;
  const skipped = (description: string): CompileReport => ({
    setting,
    passed: true,
    durationMs: 0,
    description,
    outputTail: '',
  });
  let argv: string[];
  let description: string;
  if (setting.kind === 'none') return skipped(`no compile check: ${setting.reason}`);
  if (setting.kind === 'tsc') {
    argv = [...(await options.tools.tsc(options.worktree)), '--noEmit', '-p', setting.config];
    description = `tsc --noEmit -p ${setting.config}`;
  } else {
    const files = options.changedFiles.filter((file) => file.endsWith('.py'));
    if (files.length === 0) return skipped('no changed Python file to compile');
    argv = [options.python, '-m', 'py_compile', ...files];
    description = `py_compile of ${files.length} changed file(s)`;
  }
  const result = await options.commands.run(argv, {
    cwd: options.worktree,
    timeoutMs: COMPILE_TIMEOUT_MS,
    signal: options.signal,
    env: { PYTHONDONTWRITEBYTECODE: '1' },
  });
  return {
    setting,
    passed: result.exitCode === 0 && !result.timedOut && !result.cancelled,
    durationMs: result.durationMs,
    description,
    outputTail: toLastLines(result.outputTail, 30),
  };
}
