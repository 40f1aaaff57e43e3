/** Retries per phase after the first attempt, written into every plan. */
export const DEFAULT_MAX_RETRIES = 3;

/** First backoff delay between attempts, in ms; it doubles each retry. */
export const BASE_BACKOFF_MS = 200;
