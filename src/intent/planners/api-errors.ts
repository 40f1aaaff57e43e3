import { OrchestratorError, toErrorMessage } from '../../core/errors.js';
import type { ResolvedHttpPlannerSettings } from './planner-settings.js';

/** The error classes both SDKs (Stainless-generated) export, by role. */
export interface SdkErrorClasses {
  readonly APIError: abstract new (...args: never[]) => Error & { status?: number | undefined };
  readonly APIUserAbortError: abstract new (...args: never[]) => Error;
  readonly APIConnectionError: abstract new (...args: never[]) => Error;
  readonly APIConnectionTimeoutError: abstract new (...args: never[]) => Error;
}

/**
 * An SDK failure as an `OrchestratorError` that says what to fix: 401/403 → `INVALID_SETTING`
 * naming the key variable; 404 → `INVALID_SETTING` naming `ORCHESTRATOR_MODEL` and the URL
 * variable; no connection → `MODEL_UNAVAILABLE` naming the URL variable and its value; 429/5xx
 * (after the SDK's retries) and timeouts → `MODEL_UNAVAILABLE`; an abort → `CANCELLED`.
 */
export function toPlannerError(
  error: unknown,
  classes: SdkErrorClasses,
  settings: ResolvedHttpPlannerSettings,
  signal?: AbortSignal,
): OrchestratorError {
  const api =
    settings.provider === 'anthropic' ? 'The Anthropic API' : 'The OpenAI-compatible server';
  const where = `${settings.baseUrlVariable}=${settings.baseUrl}${settings.baseUrlFromEnv ? '' : ' (the default)'}`;
  const data = { provider: settings.provider, baseUrl: settings.baseUrl, model: settings.model };
  if (signal?.aborted || error instanceof classes.APIUserAbortError) {
    return new OrchestratorError(
      'CANCELLED',
      `The model call was cancelled (${toErrorMessage(signal?.reason ?? error)}).`,
      { data },
    );
  }
  if (error instanceof classes.APIConnectionTimeoutError) {
    return new OrchestratorError(
      'MODEL_UNAVAILABLE',
      `${api} at ${where} did not answer within ${settings.timeoutMs} ms (ORCHESTRATOR_PLANNER_TIMEOUT_MS), ${settings.maxRetries} retries included (ORCHESTRATOR_PLANNER_RETRIES).`,
      { data, retryable: true, cause: error },
    );
  }
  if (error instanceof classes.APIConnectionError) {
    const code = causeCode(error);
    return new OrchestratorError(
      'MODEL_UNAVAILABLE',
      `Could not connect to ${where}${code ? ` (${code})` : ''}: ${causeMessages(error)}. Start the server, or set ${settings.baseUrlVariable} to where it listens.`,
      {
        data: { ...data, variable: settings.baseUrlVariable, ...(code ? { errno: code } : {}) },
        retryable: true,
        cause: error,
      },
    );
  }
  if (error instanceof classes.APIError && typeof error.status === 'number') {
    const status = error.status;
    const detail = clip(toErrorMessage(error));
    if (status === 401 || status === 403) {
      return new OrchestratorError(
        'INVALID_SETTING',
        `${api} at ${where} refused the key in ${settings.keyVariable} (${status}: ${detail}). ${settings.apiKey === undefined ? `${settings.keyVariable} is not set; set it` : `Check ${settings.keyVariable}`}.`,
        { data: { ...data, variable: settings.keyVariable, status }, cause: error },
      );
    }
    if (status === 404) {
      return new OrchestratorError(
        'INVALID_SETTING',
        `${api} at ${where} has no model ${JSON.stringify(settings.model)} or no such endpoint (404: ${detail}). Check ORCHESTRATOR_MODEL and ${settings.baseUrlVariable}${settings.provider === 'openai' ? ' (it usually ends in /v1)' : ''}.`,
        { data: { ...data, variable: 'ORCHESTRATOR_MODEL', status }, cause: error },
      );
    }
    if (status === 429 || status >= 500) {
      return new OrchestratorError(
        'MODEL_UNAVAILABLE',
        `${api} at ${where} answered ${status} (${detail}) after ${settings.maxRetries} retries with backoff (ORCHESTRATOR_PLANNER_RETRIES). Try again later.`,
        { data: { ...data, status }, retryable: true, cause: error },
      );
    }
    return new OrchestratorError(
      'MODEL_UNAVAILABLE',
      `${api} at ${where} rejected the request (${status}: ${detail}).`,
      { data: { ...data, status }, cause: error },
    );
  }
  return new OrchestratorError(
    'MODEL_UNAVAILABLE',
    `The call to ${api} at ${where} failed: ${toErrorMessage(error)}`,
    { data, cause: error },
  );
}

/** `Connection error: fetch failed: connect ECONNREFUSED 127.0.0.1:1`: the error and its causes. */
function causeMessages(error: unknown): string {
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const message = current.message.replace(/\.$/, '');
    if (message !== '' && !messages.includes(message)) messages.push(message);
    current = current.cause;
  }
  return messages.join(': ');
}

/** `ECONNREFUSED`, `ENOTFOUND`, … from an error or its causes. */
function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function clip(text: string, max = 300): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
