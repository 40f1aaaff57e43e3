import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PROBE = fileURLToPath(
  new URL('../../fixtures/pressure/package-entry-probe.mjs', import.meta.url),
);
const ENTRY = `${ROOT}dist/index.js`;

interface ProbeRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

/** Runs the probe (a file inside the package root) and kills it if it has not exited after `limitMs`. */
async function runProbe(env: Record<string, string> = {}, limitMs = 20_000): Promise<ProbeRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [PROBE], {
    cwd: ROOT,
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
  const killer = setTimeout(() => child.kill('SIGKILL'), limitMs);
  try {
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    return { code, signal, stdout, stderr, elapsedMs: Date.now() - started };
  } finally {
    clearTimeout(killer);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

describe.runIf(process.platform === 'linux')('the built package entry point', () => {
  beforeAll(() => {
    // Other folders may be mid-work and fail to typecheck; tsc still emits, so the exit code is
    // not the test. What matters is that the entry point exports the monitor.
    const build = spawnSync(
      process.execPath,
      [`${ROOT}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 240_000,
      },
    );
    if (!existsSync(ENTRY) || !readFileSync(ENTRY, 'utf8').includes('MemoryPressureMonitor')) {
      throw new Error(
        `the build did not emit an entry point exporting MemoryPressureMonitor:\n${build.stdout}${build.stderr}`,
      );
    }
  }, 300_000);

  it('is importable by the package name from a file inside the package root, and samples', async () => {
    const run = await runProbe();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      samples: number;
      state: string;
      stats: { thresholdRatio: number; treeRssMb: number };
    };
    expect(report.state).toBe('sampling');
    expect(report.samples).toBeGreaterThanOrEqual(5);
    expect(report.stats.thresholdRatio).toBe(0.7);
    expect(report.stats.treeRssMb).toBeGreaterThan(10);
  });

  it('lets the process exit while the sampling timer is still running', async () => {
    const run = await runProbe({ ORCHESTRATOR_MEMORY_THRESHOLD: '0.9' });
    expect(run.signal).toBeNull(); // not killed by the 20 s limit
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      state: 'sampling',
      stats: { thresholdRatio: 0.9 },
    });
    expect(run.elapsedMs).toBeLessThan(10_000);
  });

  it.each(['abc', '0', '1.5'])(
    'fails at construction with a message naming ORCHESTRATOR_MEMORY_THRESHOLD=%s',
    async (value) => {
      const run = await runProbe({ ORCHESTRATOR_MEMORY_THRESHOLD: value });
      expect(run.code).not.toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`ORCHESTRATOR_MEMORY_THRESHOLD="${value}" is not valid`);
      expect(run.stderr).toContain('INVALID_SETTING');
    },
  );
});
