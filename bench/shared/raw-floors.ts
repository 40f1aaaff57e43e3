import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { rgPath } from '@vscode/ripgrep';
import { runTimed, type TimedRun } from './run-timed.js';

const require = createRequire(import.meta.url);
const RAW = path.resolve(import.meta.dirname, '..', 'raw');

/** A raw tool's time; `note` says what was measured or why nothing was. */
export interface Floor {
  ms: number | undefined;
  note: string;
}

/** `rg --json --word-regexp --fixed-strings <word>` over the repository, after one warm-up pass. */
export function timeRipgrep(dir: string, word: string): Floor {
  const args = ['--json', '--word-regexp', '--fixed-strings', word, dir];
  spawnSync(rgPath, args, { maxBuffer: 1 << 28 });
  const started = performance.now();
  const out = spawnSync(rgPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - started;
  const matches = out.stdout.split('\n').filter((l) => l.includes('"type":"match"')).length;
  return { ms, note: `${matches} matching lines` };
}

function parseLastLine<T>(run: TimedRun, what: string): T {
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new Error(`${what} failed (exit ${run.exitCode}): ${run.stderr.slice(-600)}`);
  }
}

/** The language server's own rename, in a fresh process: cold (start included) and warm. */
export async function timeLanguageServerRename(
  dir: string,
  language: 'typescript' | 'python',
  at: { file: string; line: number; column: number },
  newName: string,
): Promise<{ cold: Floor; warm: Floor }> {
  const script = path.join(RAW, `${language === 'python' ? 'pyright' : 'typescript'}-rename.js`);
  const run = await runTimed(
    [process.execPath, script, dir, at.file, String(at.line), String(at.column), newName],
    { cwd: dir },
  );
  const out = parseLastLine<{ coldMs: number; warmMs: number; locations: number; files?: number }>(
    run,
    `The raw ${language} rename`,
  );
  const server = language === 'python' ? 'pyright langserver' : 'TypeScript LanguageService';
  return {
    // From the process start to the full answer: Node start and the compiler's load included.
    cold: { ms: out.coldMs, note: `${server}, ${out.locations} locations` },
    warm: { ms: out.warmMs, note: 'same process, after one file changed' },
  };
}

/** The declaration search alone (candidate files from ripgrep, parse only those), cold. */
export async function timeDeclarationSearch(
  dir: string,
  language: 'typescript' | 'python',
  name: string,
): Promise<Floor> {
  const run = await runTimed(
    [process.execPath, path.join(RAW, 'declaration-search.js'), dir, name, language],
    { cwd: dir },
  );
  const out = parseLastLine<{ ms: number; definitions: number }>(run, 'The declaration search');
  return { ms: out.ms, note: `${out.definitions} declarations, process start included` };
}

/** The tests alone: the run's test command on a clean checkout of the base commit. */
export async function timeTests(
  dir: string,
  argv: readonly string[],
): Promise<Floor & { passed: boolean }> {
  const run = await runTimed(argv, { cwd: dir });
  return { ms: run.ms, note: argv.join(' '), passed: run.exitCode === 0 };
}

/** `tsc --noEmit` on the repository's tsconfig: cold, and incremental after the change. */
export async function timeTypeScriptCompile(
  dir: string,
  applyChange: () => void,
  revertChange: () => void,
): Promise<{ cold: Floor; incremental: Floor }> {
  const tsc = require.resolve('typescript/bin/tsc');
  const project = path.join(dir, 'tsconfig.json');
  const cold = await runTimed([process.execPath, tsc, '--noEmit', '-p', project], { cwd: dir });
  const buildInfo = path.join(dir, '..', 'bench.tsbuildinfo');
  const incremental = [
    process.execPath,
    tsc,
    '--noEmit',
    '--incremental',
    '--tsBuildInfoFile',
    buildInfo,
    '-p',
    project,
  ];
  await runTimed(incremental, { cwd: dir });
  applyChange();
  try {
    const again = await runTimed(incremental, { cwd: dir });
    return {
      cold: { ms: cold.ms, note: `tsc --noEmit (exit ${cold.exitCode})` },
      incremental: {
        ms: again.ms,
        note: `tsc --incremental after the change (exit ${again.exitCode})`,
      },
    };
  } finally {
    revertChange();
  }
}

/** pyright's CLI on the changed files, cold (it has no incremental mode). */
export async function timePyrightCompile(
  dir: string,
  files: readonly string[],
): Promise<{ cold: Floor; incremental: Floor }> {
  const cli = require.resolve('pyright/index.js');
  const run = await runTimed([process.execPath, cli, ...files], { cwd: dir });
  return {
    cold: { ms: run.ms, note: `pyright on ${files.length} changed file(s) (exit ${run.exitCode})` },
    incremental: { ms: undefined, note: "pyright's CLI has no incremental mode" },
  };
}
