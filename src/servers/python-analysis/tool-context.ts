import type { PythonAdapter } from '../../lang/python/index.js';
import type { RunToolOptions } from '../shared/tool-result.js';

/** What every python_analysis tool needs. */
export interface PythonToolContext {
  /** The workspace root (real path). */
  root: string;
  adapter: PythonAdapter;
  /** The reply cap every tool passes to `runTool`. */
  replyLimits: RunToolOptions;
  /** The request's signal combined with the server's closing signal. */
  signal(requestSignal: AbortSignal): AbortSignal;
}
