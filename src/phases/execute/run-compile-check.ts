import type { FileChange } from '../../core/change/change-types.js';
import type { DiagnosticsReport } from '../../core/diagnostics.js';
import { isOrchestratorError } from '../../core/errors.js';
import { mapInOrder } from '../../core/map-in-order.js';
import type { CompileReport } from '../../core/phase-outputs.js';
import type { CompileSetting } from '../../core/plan/plan-schema.js';
import type {
  BaseResultCache,
  CodeGraph,
  CommandRunner,
  OverlayEntry,
  WorktreeHandle,
} from '../../core/services.js';
import { toLastLines } from '../shared/output-lines.js';
import { type AtBase, commandAtBase, diagnosticsAtBase } from './base-results.js';
import { toNewErrors } from './new-diagnostics.js';

/** Longest a compile command may run. */
export const COMPILE_TIMEOUT_MS = 5 * 60_000;

/** The shortest deadline of one type-check query (the analysis calls' own, 180 s). */
const MIN_TYPE_CHECK_TIMEOUT_MS = 180_000;
/** Deadline per file the repository tracks: a check of 4,001 TypeScript files took > 180 s. */
const TYPE_CHECK_MS_PER_TRACKED_FILE = 25;

/**
 * Deadline of one type-check query: 25 ms per file the repository tracks, at least 180 s (a
 * change's importers can be most of the program; 20,000 files: 500 s).
 */
export function typeCheckTimeoutMs(trackedFiles: number): number {
  return Math.max(MIN_TYPE_CHECK_TIMEOUT_MS, trackedFiles * TYPE_CHECK_MS_PER_TRACKED_FILE);
}

/** What a compile check needs from the run. */
export interface CompileCheckInput {
  setting: CompileSetting;
  changes: readonly FileChange[];
  worktree: WorktreeHandle;
  graph: CodeGraph;
  commands: CommandRunner;
  /** Makes a clean worktree at the base, to judge a failing command there. */
  baseWorktree: () => Promise<WorktreeHandle>;
  /** The commit the change is made from. */
  baseCommit: string;
  /** Results at the base kept across runs; none to neither read nor store them. */
  baseResults?: BaseResultCache;
  /**
   * True when the graph reads the base as committed (the checkout at the base commit, clean):
   * only then are its findings the base's, to store for later runs.
   */
  graphSeesBase: boolean;
  /** Files git tracks at the base: bounds how long the type check may take. */
  trackedFiles: number;
  signal: AbortSignal;
}

/** Changed files read at once for the check's overlay. */
const PARALLEL_READS = 16;

/** How the language servers' check works, as the result says it. */
const LANGUAGE_SERVICE_METHOD =
  'incremental, on the program the language servers already hold: the changed files and their importers (for Python edits, only the importers that can see a name added, removed or retyped, as tsc --incremental picks them), then the base of only the files with errors, from the same program';

const NOTHING_AT_BASE: DiagnosticsReport = { checked: [], configs: [], diagnostics: [] };

/**
 * Checks the changed tree as the plan says, failing only on what is new against the base: the
 * language servers' type checkers on the changed files and their importers (the changed text
 * handed over as an overlay, the base from the same loaded program), or the user's command
 * (run again at the base when it fails), or nothing.
 */
export async function runCompileCheck(input: CompileCheckInput): Promise<CompileReport> {
  const { setting } = input;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  if (setting.kind === 'none') {
    return {
      setting,
      passed: true,
      durationMs: 0,
      description: `no compile check: ${setting.reason}`,
      outputTail: '',
    };
  }
  if (setting.kind === 'command') return runCommandCheck(input, setting.command);
  const { after, overlay, renamed, created } = await toCheckedFiles(input);
  const timeoutMs = typeCheckTimeoutMs(input.trackedFiles);
  const query = { signal: input.signal, timeoutMs };
  let changed: DiagnosticsReport;
  let atBase: AtBase<DiagnosticsReport>;
  try {
    // The changed tree first: only a file with errors in it needs the base to compare with
    // (most often none has any, and the base is not checked at all); then those files' base,
    // once the overlay is gone. Checking every file twice cost a jmespath.py rename ~1 s.
    changed = await input.graph.diagnostics({ files: after, importers: true, overlay }, query);
    atBase = await diagnosticsOfErringFiles(input, changed, renamed, created, query);
  } catch (error) {
    // The same check would time out again: a value, so the phase is not retried for it.
    if (!isOrchestratorError(error) || error.code !== 'MCP_TIMEOUT' || input.signal.aborted)
      throw error;
    return timedOutReport(setting, after.length, timeoutMs, elapsed());
  }
  const fresh = toNewErrors(atBase.value.diagnostics, changed.diagnostics, renamed);
  const errors = changed.diagnostics.filter((d) => d.severity === 'error').length;
  const already = errors - fresh.length;
  const description =
    changed.checked.length === 0
      ? 'type check: no changed file is one a type checker reads'
      : `type check (${changed.configs.join(', ')}) of ${changed.checked.length} file(s)${leftOutImporters(changed)}, ${already} error(s) already at the base left out${atBase.cached ? ' (the base as an earlier run checked it)' : ''}`;
  return {
    setting,
    passed: fresh.length === 0,
    durationMs: elapsed(),
    description,
    method: LANGUAGE_SERVICE_METHOD,
    outputTail: fresh
      .map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`)
      .join('\n'),
  };
}

/**
 * The base's diagnostics of the files that have errors after the change (under their path at the
 * base; a file the change creates has none there): from an earlier run when one kept them, else
 * asked of the graph — and not asked at all when the changed tree has no error.
 */
async function diagnosticsOfErringFiles(
  input: CompileCheckInput,
  changed: DiagnosticsReport,
  renamed: ReadonlyMap<string, string>,
  created: ReadonlySet<string>,
  query: { signal: AbortSignal; timeoutMs: number },
): Promise<AtBase<DiagnosticsReport>> {
  const erring = new Set<string>();
  for (const d of changed.diagnostics) {
    if (d.severity !== 'error' || created.has(d.file)) continue;
    erring.add(renamed.get(d.file) ?? d.file);
  }
  if (erring.size === 0) return { value: NOTHING_AT_BASE, cached: false };
  const files = [...erring].sort();
  return diagnosticsAtBase(
    input.graphSeesBase ? input.baseResults : undefined,
    input.baseCommit,
    files,
    () => input.graph.diagnostics({ files }, query),
  );
}

/** `, 11 importer(s) not checked: nothing they see changed`, or nothing. */
function leftOutImporters(report: DiagnosticsReport): string {
  const count = report.importersLeftOut?.length ?? 0;
  return count === 0 ? '' : `, ${count} importer(s) not checked: nothing they see changed`;
}

/** A type check that did not finish in time: failed, saying what to do instead. */
function timedOutReport(
  setting: CompileSetting,
  changedFiles: number,
  timeoutMs: number,
  durationMs: number,
): CompileReport {
  return {
    setting,
    passed: false,
    durationMs,
    description: `type check of ${changedFiles} changed file(s) and their importers did not finish within ${Math.round(timeoutMs / 1000)} s (not retried)`,
    method: LANGUAGE_SERVICE_METHOD,
    outputTail:
      'The type check timed out. Run your own with --compile-command "<command>" (e.g. "npx tsc --noEmit --incremental"), or skip it with --no-compile.',
  };
}

/**
 * The files to check after the change, the changed text as an overlay, and what was moved or
 * created. A file's edits apply before it moves or goes away, so each path is read where it
 * ends up.
 */
async function toCheckedFiles(input: CompileCheckInput) {
  const movedTo = new Map<string, string>();
  const deleted = new Set<string>();
  for (const change of input.changes) {
    if (change.op === 'move') movedTo.set(change.file, change.to);
    if (change.op === 'delete') deleted.add(change.file);
  }
  const written = new Set<string>();
  const renamed = new Map<string, string>();
  const created = new Set<string>();
  for (const change of input.changes) {
    if (change.op === 'create') {
      written.add(change.file);
      created.add(change.file);
    } else if (change.op === 'move') {
      written.add(change.to);
      renamed.set(change.to, change.file);
    } else if (change.op === 'edit' && !deleted.has(change.file) && !movedTo.has(change.file)) {
      written.add(change.file);
    }
  }
  const overlay: OverlayEntry[] = [...deleted, ...movedTo.keys()].map((file) => ({
    file,
    text: null,
  }));
  const after = [...written];
  // Read PARALLEL_READS at a time: one by one, 4,000 files held the check back ~0.85 s.
  const texts = await mapInOrder(after, PARALLEL_READS, (file) =>
    input.worktree.files.readText(file, { signal: input.signal }),
  );
  after.forEach((file, index) => overlay.push({ file, text: texts[index] as string }));
  return { after, overlay, renamed, created };
}

/** The user's command in the worktree; when it fails, the same command at the base judges it. */
async function runCommandCheck(
  input: CompileCheckInput,
  command: string[],
): Promise<CompileReport> {
  const setting: CompileSetting = { kind: 'command', command };
  const run = (cwd: string) =>
    input.commands.run(command, {
      cwd,
      timeoutMs: COMPILE_TIMEOUT_MS,
      signal: input.signal,
      env: { PYTHONDONTWRITEBYTECODE: '1' },
      label: 'compile',
    });
  const changed = await run(input.worktree.path);
  const shown = command.join(' ');
  if (changed.exitCode === 0 && !changed.timedOut && !changed.cancelled) {
    return {
      setting,
      passed: true,
      durationMs: changed.durationMs,
      description: shown,
      outputTail: '',
    };
  }
  if (changed.cancelled) {
    return {
      setting,
      passed: false,
      durationMs: changed.durationMs,
      description: shown,
      outputTail: 'cancelled',
    };
  }
  // The base worktree is clean at the base commit whatever the checkout holds: always storable.
  const atBase = await commandAtBase(input.baseResults, input.baseCommit, command, async () => {
    const base = await input.baseWorktree();
    try {
      const result = await run(base.path);
      if (result.cancelled) input.signal.throwIfAborted();
      return {
        exitCode: result.timedOut ? null : result.exitCode,
        lines: normalise(result.outputTail, base.path),
        durationMs: result.durationMs,
      };
    } finally {
      await base.rollback();
    }
  });
  const baseLines = new Set(atBase.value.lines);
  const fresh = normalise(changed.outputTail, input.worktree.path).filter(
    (line) => !baseLines.has(line),
  );
  const failsAtBase = atBase.value.exitCode !== 0;
  const remembered = atBase.cached ? ', as an earlier run found it' : '';
  return {
    setting,
    passed: failsAtBase && fresh.length === 0,
    durationMs: changed.durationMs + (atBase.cached ? 0 : atBase.value.durationMs),
    description: failsAtBase
      ? `${shown} (fails at the base too${remembered}; only new output counts)`
      : shown,
    outputTail: toLastLines(failsAtBase ? fresh.join('\n') : changed.outputTail, 30),
  };
}

/** Output lines with the folder they ran in taken out, so two folders' outputs compare. */
function normalise(output: string, folder: string): string[] {
  return output
    .split('\n')
    .map((line) => line.replaceAll(folder, '.').trim())
    .filter((line) => line !== '');
}
