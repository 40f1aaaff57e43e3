/**
 * npm run bench:async: make-async on generated repositories (~1,000 Python files and ~1,000
 * TypeScript files; one blocking root whose closure is 50+ functions over 100+ files), run to a
 * committed branch, with the raw language-server queries it needs measured in the same run.
 * The target (≤ 30 s) is for the run outside its tests: the compile check runs beside them.
 * `node dist-bench/bench/make-async.js [python|typescript]` runs one language;
 * `BENCH_CPU_PROF=<dir>` writes a CPU profile of the raw dependency_graph server there.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { type ExecutionPlanData, type FileChange, MCPOrchestrator } from 'mcp-orchestrator';
import { writeAsyncPythonRepo } from './generate/async-python-repo.js';
import type { AsyncRepoSummary } from './generate/async-shape.js';
import { writeAsyncTypeScriptRepo } from './generate/async-typescript-repo.js';
import { mapThroughEdits, toChangedTexts } from './shared/edits.js';
import { commitAll } from './shared/git.js';
import { openRawServer } from './shared/raw-server.js';
import { printPhases, row } from './shared/report.js';

const FILES = 1_000;
const MIN_FUNCTIONS = 50;
const MIN_FILES = 100;
const TARGET_MS = 30_000;
const ROOT = path.resolve(import.meta.dirname, '..', '..');

type Language = 'python' | 'typescript';
interface ClosureEntry {
  file: string;
  line: number;
  column: number;
  name: string;
}

/** The changed tree as an overlay, and the closure's names where they sit in it. */
function toChangedTree(dir: string, changes: readonly FileChange[], closure: ClosureEntry[]) {
  const texts = toChangedTexts(dir, changes);
  const edits = new Map(
    changes.flatMap((change) => (change.op === 'edit' ? [[change.file, change.edits]] : [])),
  );
  const functions = closure.map((entry) => {
    const original = readFileSync(path.join(dir, entry.file), 'utf8');
    const [line, column] = mapThroughEdits(
      original,
      texts.get(entry.file) ?? original,
      edits.get(entry.file) ?? [],
      [entry.line, entry.column],
    );
    return { file: entry.file, line, column, name: entry.name };
  });
  const overlay = [...texts].map(([file, text]) => ({ file, text }));
  return { overlay, functions };
}

interface RawTimes {
  connectMs: number;
  coldMs: number;
  convertMs: number;
  importGraphMs: number;
  verifyMs: number;
  diagnosticsMs: number;
  closure: number;
  unawaited: number;
}

/**
 * The dependency_graph server's queries a make-async run needs, in the order it needs them:
 * start, the root's definition (the language server's cold start), the conversion, the import
 * graph (LOGIC's risk input), the awaited-calls check on the changed tree; and the compile
 * check's diagnostics (base and changed), which runs beside the tests.
 */
async function timeRawQueries(
  dir: string,
  language: Language,
  summary: AsyncRepoSummary,
): Promise<RawTimes> {
  const server = await openRawServer(dir, process.env.BENCH_CPU_PROF);
  const call = (name: string, args: Record<string, unknown>) => server.call<never>(name, args);
  try {
    const cold = await call('find_definitions', { name: summary.root });
    const [root] = (cold.data as { definitions: ClosureEntry[] }).definitions;
    if (root === undefined) throw new Error(`find_definitions found no ${summary.root}`);
    const at = { file: root.file, line: root.line, column: root.column };
    const convert = await call('compute_edits', {
      transform: 'make_async',
      ...at,
      args: { mode: 'convert', roots: [at] },
    });
    const converted = convert.data as { changes: FileChange[]; facts: { closure: ClosureEntry[] } };
    const importGraph = await call('import_graph', { language });
    const { overlay, functions } = toChangedTree(dir, converted.changes, converted.facts.closure);
    const verify = await call('compute_edits', {
      transform: 'make_async',
      ...at,
      args: { mode: 'verify', functions },
      overlay,
    });
    const files = overlay.map((entry) => entry.file);
    const base = await call('diagnostics', { files, importers: true });
    const changed = await call('diagnostics', { files, importers: true, overlay });
    return {
      connectMs: server.connectMs,
      coldMs: cold.ms,
      convertMs: convert.ms,
      importGraphMs: importGraph.ms,
      verifyMs: verify.ms,
      diagnosticsMs: base.ms + changed.ms,
      closure: converted.facts.closure.length,
      unawaited: (verify.data as { facts: { unawaited: unknown[] } }).facts.unawaited.length,
    };
  } finally {
    await server.close();
  }
}

/** Runs one language; returns what fell short of the bench's own requirements. */
async function benchLanguage(language: Language): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), `mcpo-bench-async-${language}-`));
  try {
    const summary =
      language === 'python'
        ? writeAsyncPythonRepo(dir, FILES)
        : writeAsyncTypeScriptRepo(dir, FILES, path.join(ROOT, 'node_modules'));
    commitAll(dir);
    const raw = await timeRawQueries(dir, language, summary);
    const result = await new MCPOrchestrator().run(`make ${summary.root} async`, {
      workspace: dir,
    });
    if (!result.success || result.plan === null)
      throw new Error(`${language} run failed: ${result.error?.code} ${result.error?.message}`);
    const plan = JSON.parse(readFileSync(result.plan, 'utf8')) as ExecutionPlanData;
    const closure = (plan.analysis.details.closure ?? []) as ClosureEntry[];
    const closureFiles = new Set(closure.map((entry) => entry.file)).size;
    const editedFiles = plan.dag.nodes.filter((node) => node.op === 'edit').length;
    const rawMs = raw.connectMs + raw.coldMs + raw.convertMs + raw.importGraphMs + raw.verifyMs;

    process.stdout.write(
      `\n## ${language}: ${FILES} files, make ${summary.root} async → branch ${result.branch} (load average ${loadavg()[0]?.toFixed(1)})\n`,
    );
    const outsideTests = printPhases(result, TARGET_MS).outsideTestsMs;
    process.stdout.write(
      `  closure: ${closure.length} functions over ${closureFiles} files (generated for ${summary.expectedFunctions} over ${summary.expectedFiles}); ${editedFiles} files edited; peak RSS ${result.memoryPeakMb} MB\n`,
    );
    row('raw: server start (spawn + handshake)', raw.connectMs);
    row('raw: find_definitions, cold', raw.coldMs);
    row('raw: compute_edits convert', raw.convertMs, `  (${raw.closure} functions)`);
    row('raw: import_graph', raw.importGraphMs);
    row('raw: compute_edits verify, changed tree', raw.verifyMs, `  (${raw.unawaited} unawaited)`);
    row('raw: LS queries, sum', rawMs);
    row('raw: diagnostics base + changed', raw.diagnosticsMs, '  (the compile check’s queries)');
    process.stdout.write(
      `  total / raw = ${(result.durationMs / rawMs).toFixed(2)}×; outside the tests / raw = ${(outsideTests / rawMs).toFixed(2)}×\n`,
    );

    const problems: string[] = [];
    if (closure.length < MIN_FUNCTIONS || closureFiles < MIN_FILES)
      problems.push(
        `${language}: the closure is ${closure.length} functions over ${closureFiles} files; the bench needs ≥ ${MIN_FUNCTIONS} over ≥ ${MIN_FILES}. Fix bench/generate/async-${language}-repo.ts.`,
      );
    if (closure.length !== summary.expectedFunctions || closureFiles !== summary.expectedFiles)
      problems.push(
        `${language}: the closure is ${closure.length} functions over ${closureFiles} files; ${summary.expectedFunctions} over ${summary.expectedFiles} were generated.`,
      );
    if (raw.closure !== closure.length)
      problems.push(
        `${language}: the raw conversion found ${raw.closure} functions, the run ${closure.length}.`,
      );
    if (raw.unawaited !== 0)
      problems.push(`${language}: the raw verify reports ${raw.unawaited} unawaited calls.`);
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const only = process.argv[2];
const problems: string[] = [];
for (const language of ['python', 'typescript'] as const) {
  if (only === undefined || only === language) problems.push(...(await benchLanguage(language)));
}
if (problems.length > 0) throw new Error(`make-async bench failed:\n  ${problems.join('\n  ')}`);
