import type { FileChange } from '../core/change/change-types.js';
import type { LeftAlone } from '../core/change/verify-types.js';
import type { Phase, PhaseName } from '../core/phase.js';
import type { LogicOutput, PhaseOutputs, RiskOutput } from '../core/phase-outputs.js';
import type { LanguageId } from '../core/source-types.js';
import type { Intent } from '../intent/all-intents.js';
import { SYMBOL_CHOICES_DETAIL } from '../transforms/shared/resolve-symbol.js';
import type { RunCommandOptions, RunResult } from './run-types.js';

/** Options for `explain`: what a run reads, nothing of what it writes or publishes. */
export type ExplainOptions = Pick<
  RunCommandOptions,
  | 'workspace'
  | 'phaseSettings'
  | 'allowDirty'
  | 'allowUnresolved'
  | 'signal'
  | 'onEvent'
  | 'env'
  | 'plannerMode'
  | 'planner'
>;

/** A symbol the command resolved to. */
export interface ExplainedSymbol {
  kind: string;
  name: string;
  container?: string;
  file: string;
  line: number;
  column: number;
}

/** One file the change would touch. */
export interface ExplainedChange {
  file: string;
  op: FileChange['op'];
  /** Range edits in the file (a create, delete or move counts 1). */
  edits: number;
  /** Where a moved file goes. */
  to?: string;
}

/** What a command would change, from MAP, LOGIC and MONTE CARLO. */
export interface Explanation {
  title: string;
  language: LanguageId;
  symbols: ExplainedSymbol[];
  /** Which declaration an ambiguous name was taken to mean, and what was left alone. */
  choices: string[];
  changes: ExplainedChange[];
  editCount: number;
  /** The changed files and every file that imports one of them, transitively. */
  affectedFiles: string[];
  leftAlone: LeftAlone[];
  risk: RiskOutput | null;
  /** The transform's own lines about the change. */
  summary: string[];
}

/** What `explain` returns: the intent, and the explanation (null when MAP or LOGIC refused). */
export interface ExplainResult
  extends Pick<
    RunResult,
    | 'success'
    | 'command'
    | 'runId'
    | 'runDir'
    | 'durationMs'
    | 'totalTokens'
    | 'modelTokens'
    | 'phases'
    | 'warnings'
    | 'error'
  > {
  intent: Intent;
  explanation: Explanation | null;
}

/** `phase`, keeping its last successful output for the caller. */
export function captureOutput<N extends PhaseName>(
  phase: Phase<N>,
): { phase: Phase<N>; output(): PhaseOutputs[N] | undefined } {
  let output: PhaseOutputs[N] | undefined;
  return {
    phase: {
      name: phase.name,
      async run(context, upstream) {
        const outcome = await phase.run(context, upstream);
        if (outcome.success) output = outcome.output;
        return outcome;
      },
    },
    output: () => output,
  };
}

/** The run's result as an explanation of what the command would change. */
export function toExplainResult(
  result: RunResult,
  intent: Intent,
  logic: LogicOutput | undefined,
): ExplainResult {
  const {
    success,
    command,
    runId,
    runDir,
    durationMs,
    totalTokens,
    modelTokens,
    phases,
    warnings,
    error,
  } = result;
  return {
    success,
    command,
    intent,
    runId,
    runDir,
    durationMs,
    totalTokens,
    modelTokens,
    phases,
    explanation: success && logic !== undefined ? toExplanation(logic, result.risk) : null,
    warnings,
    error,
  };
}

function toExplanation(logic: LogicOutput, risk: RiskOutput | null): Explanation {
  const changes = logic.changes.map(
    (change): ExplainedChange => ({
      file: change.file,
      op: change.op,
      edits: change.op === 'edit' ? change.edits.length : 1,
      ...(change.op === 'move' ? { to: change.to } : {}),
    }),
  );
  const choices = logic.details[SYMBOL_CHOICES_DETAIL];
  return {
    title: logic.title,
    language: logic.language,
    symbols: logic.targets.map(({ kind, name, container, file, line, column }) => ({
      kind,
      name,
      ...(container === undefined ? {} : { container }),
      file,
      line,
      column,
    })),
    choices: Array.isArray(choices) ? choices.map(String) : [],
    changes,
    editCount: changes.reduce((sum, change) => sum + change.edits, 0),
    affectedFiles: logic.affectedFiles,
    leftAlone: logic.leftAlone,
    risk,
    summary: logic.summary,
  };
}
