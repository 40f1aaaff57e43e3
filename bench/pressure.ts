/**
 * `npm run bench:pressure`: the cost of one memory-pressure sample while the process tree holds
 * 10 child processes, set against the sampling interval (budget: 0.5 % of one core at 250 ms).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { MemoryPressureMonitor } from '../src/pressure/index.js';
import { readPageBytes } from '../src/pressure/page-size.js';
import { ProcessTreeReader } from '../src/pressure/process-tree.js';
import { readSmallFile } from '../src/pressure/read-small-file.js';
import { createSystemSampler } from '../src/pressure/system-sampler.js';

const CHILDREN = 10;
const SAMPLES = 3000;
const WARMUP = 200;
const INTERVAL_MS = 250;
const BUDGET_PERCENT = 0.5;
const LIVE_RUN_MS = 10_000;

async function spawnChildren(count: number): Promise<ChildProcess[]> {
  const children: ChildProcess[] = [];
  for (let index = 0; index < count; index += 1) {
    const child = spawn(
      process.execPath,
      ['-e', 'process.stdout.write("ready\\n"); setInterval(() => {}, 1 << 30);'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(child);
  }
  await Promise.all(children.map((child) => once(child.stdout as NodeJS.ReadableStream, 'data')));
  return children;
}

async function killAll(children: ChildProcess[]): Promise<void> {
  await Promise.allSettled(
    children.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }),
  );
}

interface Timing {
  /** Wall time per call, in microseconds. */
  median: number;
  p95: number;
  /** CPU time (user + system) per call over the whole batch, in microseconds. */
  cpu: number;
}

/** Wall-time median and p95 of `fn`, and its CPU time per call, in microseconds. */
function measure(fn: () => unknown): Timing {
  for (let index = 0; index < WARMUP; index += 1) fn();
  const times: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let index = 0; index < SAMPLES; index += 1) {
    const started = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - started) / 1000);
  }
  const cpu = process.cpuUsage(cpuBefore);
  times.sort((a, b) => a - b);
  const at = (q: number): number =>
    times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), cpu: (cpu.user + cpu.system) / SAMPLES };
}

/** CPU time of this whole process over `ms` milliseconds, as a percentage of one core. */
async function cpuPercentOver(ms: number): Promise<number> {
  const before = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const used = process.cpuUsage(before);
  return ((used.user + used.system) / (ms * 1000)) * 100;
}

const format = (us: number): string => `${us.toFixed(1).padStart(7)} µs`;
const share = (us: number): string => `${((us / (INTERVAL_MS * 1000)) * 100).toFixed(3)} %`;

async function main(): Promise<void> {
  if (process.platform !== 'linux') {
    console.log('bench:pressure measures /proc reads and runs on Linux only.');
    return;
  }
  const children = await spawnChildren(CHILDREN);
  try {
    await new Promise((resolve) => setTimeout(resolve, 1000)); // let the children settle
    const tree = new ProcessTreeReader('/proc', process.pid, readPageBytes('/proc'));
    const { descendants, treeRssBytes } = tree.read();
    const sampler = createSystemSampler();
    const monitor = new MemoryPressureMonitor({ sampleIntervalMs: INTERVAL_MS, sampler });
    const reading = sampler();
    console.log(
      `process tree: this process + ${descendants} descendants, ${(treeRssBytes / 2 ** 20).toFixed(0)} MB RSS; ` +
        `${readdirSync('/proc').filter((name) => /^\d+$/.test(name)).length} processes in /proc; source ${reading.source}`,
    );

    const statm = (): void => {
      for (let pid = 0; pid < CHILDREN; pid += 1) readSmallFile(`/proc/${process.pid}/statm`);
    };
    const rows: Array<[string, Timing]> = [
      ['one sample (monitor.sampleNow)', measure(() => monitor.sampleNow())],
      ['  sampler alone', measure(sampler)],
      ['  process tree alone', measure(() => tree.read())],
      ['  list /proc (on a new pid)', measure(() => readdirSync('/proc'))],
      [`  ${CHILDREN} statm reads`, measure(statm)],
    ];
    console.log(
      `\n${'what'.padEnd(32)}${'wall p50'.padStart(11)}${'wall p95'.padStart(11)}${'CPU/call'.padStart(11)}  CPU share at ${INTERVAL_MS} ms`,
    );
    for (const [name, timing] of rows) {
      console.log(
        `${name.padEnd(32)}${format(timing.median)} ${format(timing.p95)} ${format(timing.cpu)}  ${share(timing.cpu)}`,
      );
    }

    const idlePercent = await cpuPercentOver(LIVE_RUN_MS / 2);
    const live = new MemoryPressureMonitor({ sampleIntervalMs: INTERVAL_MS });
    let samples = 0;
    live.on('sample', () => {
      samples += 1;
    });
    live.start();
    const livePercent = await cpuPercentOver(LIVE_RUN_MS);
    live.stop();
    console.log(
      `\nlive: ${samples} samples in ${LIVE_RUN_MS / 1000} s at ${INTERVAL_MS} ms: process CPU ${livePercent.toFixed(3)} % of one core (idle without a monitor: ${idlePercent.toFixed(3)} %)`,
    );

    const sample = rows[0]?.[1] ?? {
      median: Number.POSITIVE_INFINITY,
      cpu: Number.POSITIVE_INFINITY,
    };
    const percent = (sample.median / (INTERVAL_MS * 1000)) * 100;
    const verdict = percent < BUDGET_PERCENT ? 'within' : 'OVER';
    console.log(
      `\nresult: one sample costs ${sample.median.toFixed(1)} µs (median wall; ${sample.cpu.toFixed(1)} µs CPU) every ${INTERVAL_MS} ms = ${percent.toFixed(3)} % of one core (${verdict} the ${BUDGET_PERCENT} % budget)`,
    );
    if (percent >= BUDGET_PERCENT) process.exitCode = 1;
  } finally {
    await killAll(children);
  }
}

await main();
