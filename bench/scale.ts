/**
 * `npm run bench:scale [-- --sizes 1000,5000,20000 --languages python,typescript --out f.json]`:
 * the same rename on generated repositories of growing size (the symbol used from 20% of the
 * files), run through the CLI as a user would, with each phase's time, the tests and the peak
 * RSS of the whole process tree (CLI, MCP servers, language servers, tests), and beside each run
 * the raw floor measured in the same run (ripgrep alone + the language server's cold rename).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writePythonRepo } from './generate/python-repo.js';
import { writeTypeScriptRepo } from './generate/typescript-repo.js';
import { timeLanguageServerRename, timeRipgrep } from './shared/raw-floors.js';
import { executeFacts, phaseMs, runOrchestrator } from './shared/run-orchestrator.js';

type Language = 'python' | 'typescript';
const PHASES = ['map', 'logic', 'monte_carlo', 'plan', 'optimize', 'execute', 'review'] as const;
const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** One size's figures, all from the same run. */
interface ScaleRow {
  language: Language;
  files: number;
  users: number;
  success: boolean;
  error?: string;
  phases: Record<string, number>;
  wallMs: number;
  testMs: number;
  compileMs: number;
  peakRssMb: number;
  /** The peak without the processes working in the run's worktree (the tests'). */
  peakRssWithoutTestsMb: number;
  rgMs: number;
  renameColdMs: number;
  overheadMs: number;
  targetMs: number;
}

function commitAll(dir: string): void {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', ...args], {
      cwd: dir,
    });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '--all');
  git('commit', '--quiet', '-m', 'generated');
}

async function measure(language: Language, files: number): Promise<ScaleRow> {
  const users = Math.round(files * 0.2);
  const dir = mkdtempSync(path.join(tmpdir(), `mcpo-scale-${language}-${files}-`));
  try {
    const { symbol, definition } =
      language === 'python'
        ? writePythonRepo(dir, files, users)
        : writeTypeScriptRepo(dir, files, users, path.join(ROOT, 'node_modules'));
    commitAll(dir);
    const newName = language === 'python' ? 'compute_sum' : 'computeSum';
    const run = await runOrchestrator(dir, `rename function ${symbol} to ${newName}`);
    const rg = timeRipgrep(dir, symbol);
    const rename = await timeLanguageServerRename(
      dir,
      language,
      { file: definition, line: 1, column: language === 'python' ? 5 : 17 },
      `${newName}2`,
    );
    const facts = executeFacts(run.result);
    const floor = (rg.ms ?? 0) + (rename.cold.ms ?? 0);
    return {
      language,
      files,
      users,
      success: run.result.success,
      ...(run.result.error
        ? { error: `${run.result.error.code}: ${run.result.error.message}` }
        : {}),
      phases: Object.fromEntries(PHASES.map((p) => [p, phaseMs(run.result, p)])),
      wallMs: Math.round(run.wallMs),
      testMs: facts.testMs,
      compileMs: facts.compileMs,
      peakRssMb: run.peakRssMb,
      peakRssWithoutTestsMb: run.peakRssWithoutTestsMb,
      rgMs: Math.round(rg.ms ?? 0),
      renameColdMs: Math.round(rename.cold.ms ?? 0),
      overheadMs: Math.round(run.wallMs - facts.testMs - floor),
      targetMs: Math.round(2_000 + 0.2 * floor),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const s = (ms: number): string => (ms / 1000).toFixed(1);

function printTable(rows: readonly ScaleRow[]): void {
  const head = [
    'language',
    'files',
    'MAP s',
    'LOGIC s',
    'EXECUTE s (tests s, check s)',
    'REVIEW s',
    'CLI wall s',
    'peak RSS MB (without the tests)',
    'floor s (rg + cold LS rename)',
    'overhead s (wall − tests − floor)',
    'target s',
  ];
  let out = `\n| ${head.join(' | ')} |\n|${head.map(() => ' --- ').join('|')}|\n`;
  for (const r of rows) {
    const floor = r.rgMs + r.renameColdMs;
    out += `| ${[
      r.language,
      r.files.toLocaleString('en'),
      s(r.phases.map ?? 0),
      s(r.phases.logic ?? 0),
      `${s(r.phases.execute ?? 0)} (${s(r.testMs)}, ${s(r.compileMs)})`,
      s(r.phases.review ?? 0),
      s(r.wallMs),
      `${r.peakRssMb} (${r.peakRssWithoutTestsMb})`,
      s(floor),
      `${s(r.overheadMs)}${r.overheadMs <= r.targetMs ? '' : ' (missed)'}`,
      s(r.targetMs),
    ].join(' | ')} |${r.success ? '' : ` failed: ${r.error}`}\n`;
  }
  process.stdout.write(out);
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,20000' },
    languages: { type: 'string', default: 'python,typescript' },
    out: { type: 'string' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const languages = values.languages.split(',') as Language[];
if (
  sizes.some((n) => !Number.isInteger(n) || n < 10) ||
  languages.some((l) => l !== 'python' && l !== 'typescript')
) {
  process.stderr.write('--sizes takes integers ≥ 10, --languages python and/or typescript.\n');
  process.exit(2);
}
const rows: ScaleRow[] = [];
for (const language of languages) {
  for (const files of sizes) {
    const row = await measure(language, files);
    rows.push(row);
    process.stdout.write(`${JSON.stringify(row)}\n`);
    if (values.out) writeFileSync(values.out, `${JSON.stringify(rows, null, 2)}\n`);
  }
}
printTable(rows);
