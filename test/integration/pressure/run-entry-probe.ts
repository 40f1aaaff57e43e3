import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from './ensure-built-entry.js';

const PROBE = fileURLToPath(
  new URL('../../fixtures/pressure/package-entry-probe.mjs', import.meta.url),
);

/** How a probe run ended. */
export interface ProbeRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

// What a half-written dist/ looks like while someone else's build rewrites it.
const BUILD_RACE = /ERR_MODULE_NOT_FOUND|SyntaxError|does not provide an export named/;

async function runOnce(env: Record<string, string>, limitMs: number): Promise<ProbeRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [PROBE], {
    cwd: PACKAGE_ROOT,
    env: { ...process.env, ORCHESTRATOR_MEMORY_THRESHOLD: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const killer = setTimeout(() => child.kill('SIGKILL'), limitMs);
  try {
    const [code, signal] = await exited;
    return { code, signal, stdout, stderr, elapsedMs: Date.now() - started };
  } finally {
    clearTimeout(killer);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  }
}

/**
 * Runs the probe (a file inside the package root that imports 'mcp-orchestrator') and kills it
 * when it has not exited after `limitMs`. Runs it again, up to twice, when it failed to load a
 * module that a concurrent build was rewriting.
 */
export async function runEntryProbe(
  env: Record<string, string> = {},
  limitMs = 20_000,
): Promise<ProbeRun> {
  let run = await runOnce(env, limitMs);
  for (let retry = 0; retry < 2 && run.code !== 0 && BUILD_RACE.test(run.stderr); retry += 1) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    run = await runOnce(env, limitMs);
  }
  return run;
}
