import type { z } from 'zod';
import type { FileChange } from '../core/change/change-types.js';
import type { LeftAlone, VerifyCheck } from '../core/change/verify-types.js';
import type { IntentBase } from '../core/intent.js';
import type { EarlyChecksReport, MapOutput } from '../core/phase-outputs.js';
import type {
  CodeGraph,
  GitService,
  PythonRunner,
  TextSearch,
  WorkspaceFiles,
} from '../core/services.js';
import type { LanguageId, SymbolDefinition } from '../core/source-types.js';
import type { SymbolQuery } from './shared/resolve-symbol.js';

/** What MAP searches for on a transform's behalf. */
export interface SearchRequest {
  /** Whole-word literal text searches (ripgrep). */
  words: string[];
  /** Names whose declarations dependency_graph looks up. */
  declarations: string[];
  /** Workspace files the transform works on (a module, a scope), already resolved. */
  files: string[];
  /**
   * The symbols among `declarations` that LOGIC resolves with `resolveSymbol`: one with no
   * declaration at all in a tracked file stops MAP as soon as the declaration search answers,
   * with the `SYMBOL_NOT_FOUND` LOGIC would give. @default none
   */
  symbols?: SymbolQuery[];
}

/** What a transform may look at when it says what to search for. */
export interface SearchContext {
  /** Every file tracked at the base commit, sorted. */
  readonly trackedFiles: readonly string[];
}

/** What a transform may use in LOGIC. Everything is read-only; nothing here writes files. */
export interface AnalysisContext {
  readonly map: MapOutput;
  readonly graph: CodeGraph;
  readonly search: TextSearch;
  readonly git: Pick<GitService, 'findWholeWord' | 'dirtyFiles'>;
  readonly baseCommit: string;
  /** Files tracked at the base commit. */
  readonly tracked: ReadonlySet<string>;
  readonly files: Pick<WorkspaceFiles, 'root' | 'readText'>;
  /** Keep occurrences the analysis cannot resolve instead of refusing. */
  readonly allowUnresolved: boolean;
  readonly signal: AbortSignal;
  warn(message: string): void;
  progress(message: string): void;
}

/** What a transform's LOGIC decided. */
export interface TransformAnalysis {
  language: LanguageId;
  targets: SymbolDefinition[];
  changes: FileChange[];
  leftAlone: LeftAlone[];
  verify: VerifyCheck[];
  /** Names whose importers are most at risk when an edit is wrong. */
  riskNames: string[];
  /** 0..1 per changed file: how sure the analysis is of that file's edits. */
  certaintyByFile: Record<string, number>;
  /** Transform-specific facts recorded in the plan. */
  details: Record<string, unknown>;
  /** The commit message's first line, e.g. `Rename post_entry to record_entry`. */
  title: string;
  /** Lines for the context pack and the explanation. */
  summary: string[];
}

/** What REVIEW gives a transform to check its post-conditions on the changed tree. */
export interface VerifyContext {
  /** The run's worktree (the base commit with the changes applied). */
  readonly worktreePath: string;
  readonly files: Pick<WorkspaceFiles, 'root' | 'readText'>;
  /** Every path the change wrote (edited, created, moved to), sorted. */
  readonly changedFiles: readonly string[];
  readonly git: Pick<GitService, 'findWholeWord'>;
  /** The language servers, for questions about the changed tree (pass it as an overlay). */
  readonly graph: CodeGraph;
  /** Python in the changed tree's interpreter (the pyrepl server), when it is configured. */
  readonly python?: PythonRunner;
  readonly signal: AbortSignal;
}

/**
 * A transform's orchestrator half: everything the generic phases ask about one kind of change.
 * Pure: it computes from what the phases hand it and asks servers only through the context.
 * Its command forms are data beside it (`forms.ts`, a `KindGrammar`), read by the grammar
 * in `src/intent/` for every kind, landed or not.
 */
export interface Transform<I extends IntentBase = IntentBase> {
  readonly kind: I['kind'];
  /** Validates an intent (from `--intent`, a plan, the library). */
  readonly intentSchema: z.ZodType<I>;
  /** Validates one of this transform's verify checks (from a plan). */
  readonly verifySchema: z.ZodType<VerifyCheck>;
  /** Refuses bad values (invalid new names, …) before any server starts. */
  validateIntent(intent: I): void;
  /** What MAP should search for. */
  search(intent: I, context: SearchContext): SearchRequest;
  /** LOGIC: the exact change, and refusals (thrown as bad-input errors). */
  analyze(intent: I, context: AnalysisContext): Promise<TransformAnalysis>;
  /**
   * Whether `change` is one this transform may write for `intent` (a hand-edited plan may hold
   * anything): undefined when it may, else why not.
   */
  checkChange(intent: I, change: FileChange): string | undefined;
  /**
   * EXECUTE: fast dynamic checks of the changed tree against `checks` (e.g. in Python through
   * the pyrepl server), started with the tests once the changed modules import; a problem stops
   * the tests and fails the run. @default none
   */
  verifyBeforeTests?(
    intent: I,
    checks: readonly VerifyCheck[],
    context: VerifyContext,
  ): Promise<EarlyChecksReport>;
  /** REVIEW: the problems the changed tree has against `checks` (empty when none). */
  verify(intent: I, checks: readonly VerifyCheck[], context: VerifyContext): Promise<string[]>;
  /** A few words for the branch name, e.g. `rename post_entry to record_entry`. */
  branchHint(intent: I): string;
}

/**
 * A repository-relative path a command names (`in <path>`, `from <path>`), with the words that
 * named it: it must already exist, checked before any server starts. Each kind's are in
 * `INTENT_RULES` (intent-rules.ts), which the command line reads without loading the transform.
 */
export interface NamedPath {
  /** E.g. `in src/users`, `from app/utils.py`. */
  readonly words: string;
  readonly path: string;
}

/** `[{words: 'in <scope>', path: scope}]` for an intent with a `scope`, else `[]`. */
export function scopePaths(intent: { scope?: string | undefined }): NamedPath[] {
  return intent.scope === undefined ? [] : [{ words: `in ${intent.scope}`, path: intent.scope }];
}
