import { spawn } from 'node:child_process';
import { samplePeakRss } from './process-tree.js';

/** What a timed command did. */
export interface TimedRun {
  ms: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  peakRssMb: number;
  /** Peak RSS of the processes not working in `options.rssOutside` (all when not given). */
  peakRssOutsideMb: number;
}

/** Runs `argv` in `cwd` to the end, timing it and sampling its process tree's peak RSS. */
export function runTimed(
  argv: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; rssOutside?: string },
): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const [command, ...args] = argv as [string, ...string[]];
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sampler = samplePeakRss(
      child.pid ?? 0,
      options.rssOutside === undefined ? {} : { folder: options.rssOutside },
    );
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20 * 60_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      sampler.stop();
      reject(error);
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      const { peakMb, outsideMb } = sampler.stop();
      resolve({
        ms: performance.now() - started,
        exitCode,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        peakRssMb: peakMb,
        peakRssOutsideMb: outsideMb,
      });
    });
  });
}

/** Runs a shell command line the way the orchestrator runs a test command (`sh -c`). */
export function runShellTimed(command: string, cwd: string): Promise<TimedRun> {
  return runTimed(['sh', '-c', command], { cwd });
}
