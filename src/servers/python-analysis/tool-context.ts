import type { PythonAdapter } from '../../lang/python/index.js';

/** What every python_analysis tool needs. */
export interface PythonToolContext {
  /** The workspace root (real path). */
  root: string;
  adapter: PythonAdapter;
  /** The request's signal combined with the server's closing signal. */
  signal(requestSignal: AbortSignal): AbortSignal;
}
