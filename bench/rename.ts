/**
 * npm run bench: a rename on generated repositories (~1,000 Python files and ~1,000 TypeScript
 * files, the symbol used from 200 of them), with the raw tool times measured in the same run;
 * then the same rename planned cold and planned a second time on warm services.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rgPath } from '@vscode/ripgrep';
import { MCPOrchestrator, type RunResult } from 'mcp-orchestrator';
import { writePythonRepo } from './generate/python-repo.js';
import { writeTypeScriptRepo } from './generate/typescript-repo.js';
import { commitAll } from './shared/git.js';
import { openRawServer } from './shared/raw-server.js';
import { toExecuteTimes } from './shared/report.js';
import { benchWarmPlan } from './warm-plan.js';

const FILES = 1_000;
const USERS = 200;
const ROOT = path.resolve(import.meta.dirname, '..', '..');

function timeRg(dir: string, symbol: string): { ms: number; matches: number } {
  const started = performance.now();
  const out = spawnSync(rgPath, ['--json', '--word-regexp', '--fixed-strings', symbol, dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const ms = performance.now() - started;
  const matches = out.stdout.split('\n').filter((line) => line.includes('"type":"match"')).length;
  return { ms, matches };
}

/** Cold rename through the bundled dependency_graph server: language server start included. */
async function timeLanguageServerRename(
  dir: string,
  file: string,
  newName: string,
): Promise<{ ms: number; edits: number }> {
  const server = await openRawServer(dir);
  try {
    const rename = await server.call<{ changes?: Array<{ edits?: unknown[] }> }>('compute_edits', {
      transform: 'rename',
      file,
      line: 1,
      column: file.endsWith('.py') ? 5 : 17,
      args: { newName },
    });
    const edits = (rename.data.changes ?? []).flatMap((c) => c.edits ?? []);
    return { ms: rename.ms, edits: edits.length };
  } finally {
    await server.close();
  }
}

/** A plain `git worktree add` of the whole tree: the floor for making the change away from the checkout. */
function timeWorktreeAdd(dir: string): number {
  const target = path.join(dir, '..', `${path.basename(dir)}-raw-worktree`);
  const started = performance.now();
  execFileSync('git', ['worktree', 'add', '--quiet', '--detach', target, 'HEAD'], { cwd: dir });
  const ms = performance.now() - started;
  execFileSync('git', ['worktree', 'remove', '--force', target], { cwd: dir });
  return ms;
}

function phaseMs(result: RunResult, phase: string): number {
  return result.phases.find((p) => p.phase === phase)?.durationMs ?? 0;
}

async function benchLanguage(language: 'python' | 'typescript'): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), `mcpo-bench-${language}-`));
  try {
    const { symbol, definition } =
      language === 'python'
        ? writePythonRepo(dir, FILES, USERS)
        : writeTypeScriptRepo(dir, FILES, USERS, path.join(ROOT, 'node_modules'));
    commitAll(dir);
    const newName = language === 'python' ? 'compute_sum' : 'computeSum';
    const rg = timeRg(dir, symbol);
    const ls = await timeLanguageServerRename(dir, definition, newName);
    const worktreeMs = timeWorktreeAdd(dir);
    const result = await new MCPOrchestrator().run(`rename ${symbol} to ${newName}`, {
      workspace: dir,
    });
    if (!result.success)
      throw new Error(
        `${language} bench run failed: ${result.error?.code} ${result.error?.message}`,
      );
    const {
      testMs,
      compileMs,
      compileDescription,
      outsideTestsMs: outsideTests,
    } = toExecuteTimes(result);
    const raw = rg.ms + ls.ms + worktreeMs;
    process.stdout.write(`\n## ${language}: ${FILES} files, "${symbol}" used from ${USERS}\n`);
    for (const p of result.phases)
      process.stdout.write(`  ${p.phase.padEnd(12)} ${String(p.durationMs).padStart(7)} ms\n`);
    process.stdout.write(
      `  ${'total'.padEnd(12)} ${String(result.durationMs).padStart(7)} ms  (target ≤ 90000 ms: ${result.durationMs <= 90_000 ? 'met' : 'MISSED'})\n`,
    );
    process.stdout.write(`  tests alone          ${testMs.toFixed(0).padStart(7)} ms\n`);
    process.stdout.write(
      `  compile check        ${compileMs.toFixed(0).padStart(7)} ms (${compileDescription}; runs beside the tests)\n`,
    );
    process.stdout.write(`  peak RSS (tree)      ${String(result.memoryPeakMb).padStart(7)} MB\n`);
    process.stdout.write(
      `  raw: rg alone        ${rg.ms.toFixed(0).padStart(7)} ms (${rg.matches} matches)\n`,
    );
    process.stdout.write(
      `  raw: LS rename, cold ${ls.ms.toFixed(0).padStart(7)} ms (${ls.edits} edits)\n`,
    );
    process.stdout.write(`  raw: git worktree add ${worktreeMs.toFixed(0).padStart(6)} ms\n`);
    process.stdout.write(
      `  edits in the plan    ${String(result.diffStat?.files.length ?? 0).padStart(7)} files\n`,
    );
    process.stdout.write(
      `  outside tests+check  ${outsideTests.toFixed(0).padStart(7)} ms = ${(outsideTests / raw).toFixed(2)}× the raw tools\n`,
    );
    process.stdout.write(
      `  orchestration overhead (total − tests − compile − raw tools): ${(outsideTests - raw).toFixed(0)} ms (target ≤ 3000 ms: ${outsideTests - raw <= 3_000 ? 'met' : 'MISSED'})\n`,
    );
    process.stdout.write(
      `  map ${phaseMs(result, 'map')} ms, logic ${phaseMs(result, 'logic')} ms, review ${phaseMs(result, 'review')} ms\n`,
    );
    await benchWarmPlan(dir, `rename ${symbol} to ${newName}`, (line) =>
      process.stdout.write(`${line}\n`),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const only = process.argv[2];
if (process.argv.includes('--repo')) {
  await (await import('./repo.js')).benchRepo(process.argv.slice(2));
} else {
  for (const language of ['python', 'typescript'] as const) {
    if (only === undefined || only === language) await benchLanguage(language);
  }
}
