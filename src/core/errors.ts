/**
 * Codes a bundled MCP server may put on the wire in a tool error (`{code, message, data}`);
 * the client maps them back to the same code. A code never changes meaning once released.
 */
export const WIRE_ERROR_CODES = [
  'BAD_INPUT',
  'INVALID_SETTING',
  'SYMBOL_NOT_FOUND',
  'SYMBOL_AMBIGUOUS',
  'INVALID_IDENTIFIER',
  'NAME_COLLISION',
  'PATH_OUTSIDE_WORKSPACE',
  'UNSAFE_PATH',
  'FILE_UNDECODABLE',
  'LANGUAGE_SERVER_FAILED',
  'TRANSFORM_REFUSED',
  'CANCELLED',
  'INTERNAL',
] as const;

/** Codes raised only inside the orchestrator process; never read from a server's reply. */
export const LOCAL_ERROR_CODES = [
  'INTENT_UNRECOGNISED',
  'TRANSFORM_UNAVAILABLE',
  'NOTHING_TO_DO',
  'UNRESOLVED_REFERENCES',
  'NOT_A_GIT_REPO',
  'WORKTREE_DIRTY',
  'RUN_IN_PROGRESS',
  'CHECKOUT_CHANGED',
  'MCP_CONFIG_INVALID',
  'MCP_SERVER_UNAVAILABLE',
  'MCP_SERVER_CRASHED',
  'MCP_TOOL_FAILED',
  'MCP_TIMEOUT',
  'PLAN_INVALID',
  'PHASE_FAILED',
  'TESTS_FAILED',
  'CHECK_FAILED',
  'GIT_FAILED',
  'WRITE_MISMATCH',
  'CACHE_INVALID_INPUT',
  'CACHE_FAILED',
  'MODEL_UNAVAILABLE',
  'MODEL_ANSWER_INVALID',
  'TOKEN_BUDGET_EXCEEDED',
] as const;

/** Every code an {@link OrchestratorError} may carry. */
export const ERROR_CODES = [...WIRE_ERROR_CODES, ...LOCAL_ERROR_CODES] as const;

export type WireErrorCode = (typeof WIRE_ERROR_CODES)[number];
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Options for {@link OrchestratorError}. */
export interface OrchestratorErrorOptions {
  /** Structured facts about the failure (names, paths, candidates). Must be JSON-serialisable. */
  data?: Record<string, unknown>;
  cause?: unknown;
  /** Whether trying the same operation again may succeed. @default false */
  retryable?: boolean;
}

/** The one error type the orchestrator throws; check it with {@link isOrchestratorError}. */
export class OrchestratorError extends Error {
  readonly code: ErrorCode;
  readonly data: Record<string, unknown>;
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, options: OrchestratorErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OrchestratorError';
    this.code = code;
    this.data = options.data ?? {};
    this.retryable = options.retryable ?? false;
  }
}

/** True for an `OrchestratorError`, or anything shaped like one (e.g. parsed from another process). */
export function isOrchestratorError(value: unknown, code?: ErrorCode): value is OrchestratorError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { code?: unknown; message?: unknown };
  if (typeof candidate.code !== 'string' || typeof candidate.message !== 'string') return false;
  if (!(ERROR_CODES as readonly string[]).includes(candidate.code)) return false;
  return code === undefined || candidate.code === code;
}

/** True when `code` is one a server may send (see {@link WIRE_ERROR_CODES}). */
export function isWireErrorCode(code: unknown): code is WireErrorCode {
  return typeof code === 'string' && (WIRE_ERROR_CODES as readonly string[]).includes(code);
}

/** Codes that mean "the caller gave bad input": the CLI exits 2 for these. */
export const BAD_INPUT_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'BAD_INPUT',
  'INVALID_SETTING',
  'INTENT_UNRECOGNISED',
  'TRANSFORM_UNAVAILABLE',
  'TRANSFORM_REFUSED',
  'NOTHING_TO_DO',
  'UNRESOLVED_REFERENCES',
  'SYMBOL_NOT_FOUND',
  'SYMBOL_AMBIGUOUS',
  'INVALID_IDENTIFIER',
  'NAME_COLLISION',
  'NOT_A_GIT_REPO',
  'WORKTREE_DIRTY',
  'RUN_IN_PROGRESS',
  'MCP_CONFIG_INVALID',
  'PLAN_INVALID',
  'PATH_OUTSIDE_WORKSPACE',
  'UNSAFE_PATH',
  'FILE_UNDECODABLE',
  'MODEL_ANSWER_INVALID',
  'TOKEN_BUDGET_EXCEEDED',
]);

/** Turns any thrown value into a plain message, without a stack trace. */
export function toErrorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return String(error);
}
