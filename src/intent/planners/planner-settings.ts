import { z } from 'zod';
import { OrchestratorError } from '../../core/errors.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The default Anthropic model. */
export const DEFAULT_ANTHROPIC_MODEL = 'claude-sonnet-4-5';
/** Where the Anthropic API is, unless `ANTHROPIC_BASE_URL` says. */
export const DEFAULT_ANTHROPIC_BASE_URL = 'https://api.anthropic.com';
/** Where an OpenAI-compatible API is, unless `OPENAI_BASE_URL` says. */
export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';

/** How one HTTP model API is reached. */
export interface ResolvedHttpPlannerSettings {
  readonly provider: 'anthropic' | 'openai';
  readonly model: string;
  readonly baseUrl: string;
  /** The variable `baseUrl` came from, or `(default)`. */
  readonly baseUrlVariable: string;
  readonly baseUrlFromEnv: boolean;
  /** Absent for a local OpenAI-compatible server that needs none. */
  readonly apiKey?: string;
  readonly keyVariable: 'ANTHROPIC_API_KEY' | 'OPENAI_API_KEY';
  /** Deadline of one HTTP request (`ORCHESTRATOR_PLANNER_TIMEOUT_MS`). @default 60000 */
  readonly timeoutMs: number;
  /** HTTP retries on 429, 5xx and lost connections, with backoff (`ORCHESTRATOR_PLANNER_RETRIES`). @default 2 */
  readonly maxRetries: number;
}

/** The model planner the environment configures: none unless `ORCHESTRATOR_PLANNER` names one. */
export type ResolvedPlannerSettings = { readonly provider: 'off' } | ResolvedHttpPlannerSettings;

const PROVIDERS = ['off', 'anthropic', 'openai'] as const;

/**
 * Reads `ORCHESTRATOR_PLANNER` (`anthropic`, `openai`, or unset/`off`), `ORCHESTRATOR_MODEL`,
 * `ANTHROPIC_API_KEY`/`ANTHROPIC_BASE_URL` or `OPENAI_API_KEY`/`OPENAI_BASE_URL`,
 * `ORCHESTRATOR_PLANNER_TIMEOUT_MS` and `ORCHESTRATOR_PLANNER_RETRIES`. Throws
 * `INVALID_SETTING` naming the variable that is missing or wrong.
 */
export function resolvePlannerSettings(env: Env = process.env): ResolvedPlannerSettings {
  const raw = (env.ORCHESTRATOR_PLANNER ?? '').trim().toLowerCase();
  const provider = raw === '' ? 'off' : raw;
  if (!(PROVIDERS as readonly string[]).includes(provider)) {
    throw invalid('ORCHESTRATOR_PLANNER', env.ORCHESTRATOR_PLANNER, 'anthropic, openai or off');
  }
  if (provider === 'off') return { provider: 'off' };
  const anthropic: boolean = provider === 'anthropic';
  const chosen = anthropic ? 'anthropic' : 'openai';
  const keyVariable = anthropic ? 'ANTHROPIC_API_KEY' : 'OPENAI_API_KEY';
  const urlVariable = anthropic ? 'ANTHROPIC_BASE_URL' : 'OPENAI_BASE_URL';
  const rawUrl = env[urlVariable]?.trim() ?? '';
  const baseUrl =
    rawUrl === '' ? (anthropic ? DEFAULT_ANTHROPIC_BASE_URL : DEFAULT_OPENAI_BASE_URL) : rawUrl;
  if (!z.url({ protocol: /^https?$/ }).safeParse(baseUrl).success) {
    throw invalid(
      urlVariable,
      rawUrl,
      `an http(s) URL, e.g. ${anthropic ? DEFAULT_ANTHROPIC_BASE_URL : 'http://127.0.0.1:11434/v1'}`,
    );
  }
  const apiKey = env[keyVariable]?.trim() ?? '';
  // A local OpenAI-compatible server (Ollama, vLLM, llama.cpp) takes no key; the real APIs do.
  const keyRequired = anthropic || baseUrl === DEFAULT_OPENAI_BASE_URL;
  if (apiKey === '' && keyRequired) {
    throw new OrchestratorError(
      'INVALID_SETTING',
      `ORCHESTRATOR_PLANNER=${provider} needs ${keyVariable}, which is not set. Set it to your API key${anthropic ? '' : `, or point ${urlVariable} at a local OpenAI-compatible server (e.g. http://127.0.0.1:11434/v1 for Ollama)`}, or unset ORCHESTRATOR_PLANNER to use the grammar alone.`,
      { data: { variable: keyVariable } },
    );
  }
  const model = env.ORCHESTRATOR_MODEL?.trim() || (anthropic ? DEFAULT_ANTHROPIC_MODEL : '');
  if (model === '') {
    throw new OrchestratorError(
      'INVALID_SETTING',
      `ORCHESTRATOR_PLANNER=openai needs ORCHESTRATOR_MODEL, the model your server serves (e.g. ORCHESTRATOR_MODEL=llama3.1 for Ollama), which is not set.`,
      { data: { variable: 'ORCHESTRATOR_MODEL' } },
    );
  }
  return {
    provider: chosen,
    model,
    baseUrl,
    baseUrlVariable: urlVariable,
    baseUrlFromEnv: rawUrl !== '',
    ...(apiKey === '' ? {} : { apiKey }),
    keyVariable,
    timeoutMs: readInteger(
      env,
      'ORCHESTRATOR_PLANNER_TIMEOUT_MS',
      60_000,
      1,
      'a whole number of milliseconds, at least 1',
    ),
    maxRetries: readInteger(
      env,
      'ORCHESTRATOR_PLANNER_RETRIES',
      2,
      0,
      'a whole number of retries, 0 or more',
    ),
  };
}

function readInteger(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  expectation: string,
): number {
  const raw = env[name]?.trim() ?? '';
  if (raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw invalid(name, raw, `${expectation} (default ${fallback})`);
  return value;
}

function invalid(
  variable: string,
  value: string | undefined,
  expectation: string,
): OrchestratorError {
  return new OrchestratorError(
    'INVALID_SETTING',
    `${variable}=${JSON.stringify(value ?? '')} is not valid: expected ${expectation}.`,
    { data: { variable, value } },
  );
}
