/**
 * `npm run bench:cli`: how fast the built CLI answers `--help`, `--version` and refused commands
 * (the CLI loads the orchestrator, servers and language engines only when a run needs them),
 * against a bare `node -e 0` and an import of the whole orchestrator measured in the same run.
 * Budget: each answer well under 500 ms. With `-- --against <dir>` (another checkout, built), every
 * CLI case also runs on that build, alternating with this one, and the ratio this / that is shown.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
const ORCHESTRATOR = path.join(ROOT, 'dist', 'orchestrator.js');
const REPEATS = Number(process.env.BENCH_REPEATS ?? 9);
const againstAt = process.argv.indexOf('--against');
const AGAINST =
  againstAt === -1
    ? undefined
    : path.resolve(process.argv[againstAt + 1] ?? '', 'dist', 'cli', 'main.js');
const BUDGET_MS = 500;

interface Case {
  name: string;
  args: string[];
  /** The exit code the case must give, so a broken CLI cannot look fast. */
  exitCode: number;
}

function timeOnce(args: readonly string[]): Promise<{ ms: number; code: number | null }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: 'ignore', cwd: ROOT });
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - started, code }));
  });
}

async function measure(
  entry: Case,
  other?: string,
): Promise<{ median: number; min: number; against?: number }> {
  const times: number[] = [];
  const otherTimes: number[] = [];
  const otherArgs =
    other === undefined ? undefined : entry.args.map((a) => (a === CLI ? other : a));
  for (let i = 0; i < REPEATS; i += 1) {
    const { ms, code } = await timeOnce(entry.args);
    if (code !== entry.exitCode)
      throw new Error(`${entry.name}: exit ${code}, expected ${entry.exitCode}`);
    times.push(ms);
    if (otherArgs !== undefined) otherTimes.push((await timeOnce(otherArgs)).ms);
  }
  return {
    ...medianAndMin(times),
    ...(otherArgs === undefined ? {} : { against: medianAndMin(otherTimes).median }),
  };
}

function medianAndMin(times: number[]): { median: number; min: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, min: sorted[0] ?? 0 };
}

const notGit = mkdtempSync(path.join(tmpdir(), 'mcpo-bench-cli-'));
try {
  const cases: Case[] = [
    { name: 'node -e 0 (baseline)', args: ['-e', '0'], exitCode: 0 },
    {
      name: 'import the orchestrator (what eager loading costs)',
      args: ['--input-type=module', '-e', `await import(${JSON.stringify(ORCHESTRATOR)})`],
      exitCode: 0,
    },
    { name: '--version', args: [CLI, '--version'], exitCode: 0 },
    { name: '--help', args: [CLI, '--help'], exitCode: 0 },
    {
      name: 'refused: plan --output',
      args: [CLI, 'plan', 'rename a to b', '--output', 'pr.json'],
      exitCode: 2,
    },
    {
      name: 'refused: missing --workspace',
      args: [CLI, 'run', 'rename a to b', '--workspace', path.join(notGit, 'missing')],
      exitCode: 2,
    },
    {
      name: 'refused: reserved new name',
      args: [CLI, 'run', 'rename a to class', '--workspace', notGit],
      exitCode: 2,
    },
    {
      name: 'refused: unintelligible command',
      args: [CLI, 'run', 'make everything faster', '--workspace', notGit],
      exitCode: 2,
    },
  ];
  const results: Array<{ name: string; median: number; min: number; against?: number }> = [];
  for (const entry of cases) {
    const other = entry.args.includes(CLI) ? AGAINST : undefined;
    results.push({ name: entry.name, ...(await measure(entry, other)) });
  }
  const baseline = results[0]?.median ?? 1;
  console.log(`CLI start-up, ${REPEATS} runs each (median, min; ratio = median / node -e 0)`);
  if (AGAINST !== undefined) console.log(`against: ${AGAINST}, run alternately with this build`);
  for (const r of results) {
    const over =
      r.name.startsWith('node') || r.name.startsWith('import')
        ? ''
        : r.median > BUDGET_MS
          ? '  OVER BUDGET'
          : '';
    console.log(
      `  ${r.name.padEnd(52)} ${r.median.toFixed(0).padStart(5)} ms  min ${r.min.toFixed(0).padStart(5)} ms  ×${(r.median / baseline).toFixed(2)}${r.against === undefined ? '' : `  against ${r.against.toFixed(0).padStart(5)} ms (this/that ×${(r.median / r.against).toFixed(2)})`}${over}`,
    );
  }
  console.log(
    `budget: ${BUDGET_MS} ms per answer; load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')} (on a loaded machine compare the ratios)`,
  );
} finally {
  rmSync(notGit, { recursive: true, force: true });
}
