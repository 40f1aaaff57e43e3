/**
 * npm run bench:async: make-async on generated repositories (~1,000 Python files and ~1,000
 * TypeScript files; one blocking root whose closure is 50+ functions over 100+ files), run to a
 * committed branch, with the raw language-server queries it needs measured in the same run.
 * The target (≤ 30 s) is for the run outside its tests: the compile check runs beside them.
 * `node dist-bench/bench/make-async.js [python|typescript]` runs one language;
 * `BENCH_CPU_PROF=<dir>` writes a CPU profile of the raw dependency_graph server there.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  getDefaultEnvironment,
  StdioClientTransport,
} from '@modelcontextprotocol/sdk/client/stdio.js';
import { type ExecutionPlanData, type FileChange, MCPOrchestrator } from 'mcp-orchestrator';
import { writeAsyncPythonRepo } from './generate/async-python-repo.js';
import type { AsyncRepoSummary } from './generate/async-shape.js';
import { writeAsyncTypeScriptRepo } from './generate/async-typescript-repo.js';

const FILES = 1_000;
const MIN_FUNCTIONS = 50;
const MIN_FILES = 100;
const TARGET_MS = 30_000;
const CALL_TIMEOUT_MS = 600_000;
const ROOT = path.resolve(import.meta.dirname, '..', '..');

type Language = 'python' | 'typescript';
type Position = readonly [number, number];
interface Edit {
  start: Position;
  end: Position;
  oldText: string;
  newText: string;
}
interface ClosureEntry {
  file: string;
  line: number;
  column: number;
  name: string;
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

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

const toOffset = (starts: readonly number[], [line, column]: Position) =>
  (starts[line - 1] ?? Number.NaN) + column - 1;

/** `text` with `edits` applied (each checked against the text it expects). */
function applyEdits(file: string, text: string, edits: readonly Edit[]): string {
  const starts = lineStarts(text);
  const spans = edits
    .map((e) => ({ from: toOffset(starts, e.start), to: toOffset(starts, e.end), edit: e }))
    .sort((a, b) => b.from - a.from);
  let out = text;
  for (const { from, to, edit } of spans) {
    if (text.slice(from, to) !== edit.oldText)
      throw new Error(`${file}: an edit expects ${JSON.stringify(edit.oldText)} at ${edit.start}`);
    out = out.slice(0, from) + edit.newText + out.slice(to);
  }
  return out;
}

/** Where a name at `at` of the original text sits once `edits` are applied (no edit covers it). */
function mapThroughEdits(
  text: string,
  edited: string,
  edits: readonly Edit[],
  at: Position,
): Position {
  const starts = lineStarts(text);
  const offset = toOffset(starts, at);
  let shift = 0;
  for (const e of edits)
    if (toOffset(starts, e.end) <= offset)
      shift += e.newText.length - (toOffset(starts, e.end) - toOffset(starts, e.start));
  const newStarts = lineStarts(edited);
  const mapped = offset + shift;
  const line = newStarts.findLastIndex((start) => start <= mapped) + 1;
  return [line, mapped - (newStarts[line - 1] as number) + 1];
}

/** The changed tree as an overlay, and the closure's names where they sit in it. */
function toChangedTree(dir: string, changes: readonly FileChange[], closure: ClosureEntry[]) {
  const texts = new Map<string, string>();
  const edits = new Map<string, Edit[]>();
  for (const change of changes) {
    if (change.op === 'create') texts.set(change.file, change.text);
    else if (change.op === 'edit') {
      const text = readFileSync(path.join(dir, change.file), 'utf8');
      edits.set(change.file, change.edits);
      texts.set(change.file, applyEdits(change.file, text, change.edits));
    } else throw new Error(`make_async is not expected to ${change.op} ${change.file}`);
  }
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
  const profile = process.env.BENCH_CPU_PROF;
  const client = new Client({ name: 'bench', version: '1' });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [
      ...(profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : []),
      path.join(ROOT, 'dist', 'servers', 'dependency-graph', 'main.js'),
      '--root',
      dir,
    ],
    env: getDefaultEnvironment(),
  });
  const call = async (name: string, args: Record<string, unknown>) => {
    const started = performance.now();
    const result = (await client.callTool({ name, arguments: args }, undefined, {
      timeout: CALL_TIMEOUT_MS,
    })) as { isError?: boolean; content?: Array<{ text?: string }>; structuredContent?: unknown };
    if (result.isError === true)
      throw new Error(`${name} failed: ${result.content?.map((c) => c.text).join(' ')}`);
    return { ms: performance.now() - started, data: result.structuredContent as never };
  };
  const connectStarted = performance.now();
  await client.connect(transport);
  const connectMs = performance.now() - connectStarted;
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
      connectMs,
      coldMs: cold.ms,
      convertMs: convert.ms,
      importGraphMs: importGraph.ms,
      verifyMs: verify.ms,
      diagnosticsMs: base.ms + changed.ms,
      closure: converted.facts.closure.length,
      unawaited: (verify.data as { facts: { unawaited: unknown[] } }).facts.unawaited.length,
    };
  } finally {
    await client.close();
  }
}

const row = (label: string, ms: number, note = '') =>
  process.stdout.write(`  ${label.padEnd(34)} ${ms.toFixed(0).padStart(7)} ms${note}\n`);
const met = (ok: boolean) => (ok ? 'met' : 'MISSED');

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
    const execute = result.phases.find((p) => p.phase === 'execute')?.data as
      | { test?: { durationMs?: number }; compile?: { durationMs?: number } }
      | undefined;
    const testMs = execute?.test?.durationMs ?? 0;
    const compileMs = execute?.compile?.durationMs ?? 0;
    // The compile check runs beside the tests: only what it takes beyond them counts.
    const outsideTests = result.durationMs - Math.max(testMs, compileMs);
    const rawMs = raw.connectMs + raw.coldMs + raw.convertMs + raw.importGraphMs + raw.verifyMs;

    process.stdout.write(
      `\n## ${language}: ${FILES} files, make ${summary.root} async → branch ${result.branch} (load average ${loadavg()[0]?.toFixed(1)})\n`,
    );
    for (const p of result.phases) row(p.phase, p.durationMs);
    row('total', result.durationMs);
    row('  tests alone', testMs);
    row('  compile check (beside the tests)', compileMs);
    row(
      '  outside the tests',
      outsideTests,
      `  (target ≤ ${TARGET_MS} ms: ${met(outsideTests <= TARGET_MS)})`,
    );
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
