import { z } from 'zod';
import { OrchestratorError } from './errors.js';
import { PHASE_NAMES } from './phase-names.js';

/** Settings read from the environment, validated once. */
export interface ResolvedSettings {
  /** Per-phase token budget. @default 4096 */
  phaseTokenBudget: number;
  /** Per-run token budget: the phase budget × the number of phases (7 × 4096). @default 28672 */
  runTokenBudget: number;
  /** Largest model output a phase may ask for. @default 4096 */
  maxOutputTokens: number;
  /** Most MCP tool calls in flight, and the upper bound on execution parallelism. @default 8 */
  parallelism: number;
  /** Memory-in-use ratio above which pressure is high, in (0, 1). @default 0.70 */
  memoryThreshold: number;
  /** SliceCache byte cap in MB. @default 512 */
  cacheSizeMb: number;
}

type Env = Readonly<Record<string, string | undefined>>;

function readNumber(
  env: Env,
  name: string,
  fallback: number,
  schema: z.ZodNumber,
  expectation: string,
): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const parsed = schema.safeParse(Number(raw));
  if (!parsed.success || !Number.isFinite(Number(raw))) {
    throw new OrchestratorError(
      'INVALID_SETTING',
      `${name}=${JSON.stringify(raw)} is not valid: expected ${expectation}. Unset it to use the default (${fallback}).`,
      { data: { variable: name, value: raw } },
    );
  }
  return parsed.data;
}

/** Reads `ORCHESTRATOR_MEMORY_THRESHOLD`: a ratio strictly between 0 and 1 (default 0.70). */
export function resolveMemoryThreshold(env: Env = process.env): number {
  return readNumber(
    env,
    'ORCHESTRATOR_MEMORY_THRESHOLD',
    0.7,
    z.number().gt(0).lt(1),
    'a number strictly between 0 and 1, e.g. 0.70',
  );
}

/** Reads `ORCHESTRATOR_CACHE_SIZE_MB`: a positive number of megabytes (default 512). */
export function resolveCacheSizeMb(env: Env = process.env): number {
  return readNumber(
    env,
    'ORCHESTRATOR_CACHE_SIZE_MB',
    512,
    z.number().positive(),
    'a positive number of megabytes, e.g. 512',
  );
}

/** Resolves every environment setting, throwing `INVALID_SETTING` naming the first bad variable. */
export function resolveSettings(env: Env = process.env): ResolvedSettings {
  const positiveInt = z.number().int().positive();
  const phaseTokenBudget = readNumber(
    env,
    'CLAUDE_CODE_THINKING_BUDGET_TOKENS',
    4096,
    positiveInt,
    'a positive whole number of tokens',
  );
  return {
    phaseTokenBudget,
    runTokenBudget: phaseTokenBudget * PHASE_NAMES.length,
    maxOutputTokens: readNumber(
      env,
      'CLAUDE_CODE_MAX_OUTPUT_TOKENS',
      4096,
      positiveInt,
      'a positive whole number of tokens',
    ),
    parallelism: readNumber(
      env,
      'CLAUDE_CODE_PARALLELISM',
      8,
      z.number().int().min(1).max(256),
      'a whole number from 1 to 256',
    ),
    memoryThreshold: resolveMemoryThreshold(env),
    cacheSizeMb: resolveCacheSizeMb(env),
  };
}
