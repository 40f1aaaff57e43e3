import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { createPythonAdapter, type DiagnosticMode } from '../../lang/python/index.js';
import { DEFAULT_MAX_REPLY_BYTES } from '../shared/reply-cap.js';
import { registerAnalysisTools } from './register-analysis-tools.js';
import { registerReferenceTools } from './register-reference-tools.js';
import { registerSymbolTools } from './register-symbol-tools.js';

/** Options for {@link createPythonAnalysisServer}. */
export interface PythonAnalysisServerOptions {
  /** Workspace root (a real path); every tool stays inside it. */
  root: string;
  /** Interpreter for pyright and the `ast` scripts. @default `.venv`/`venv` in root, else python3 */
  pythonPath?: string;
  /** pyright's background checking of every file. @default 'openFilesOnly' */
  diagnosticMode?: DiagnosticMode;
  /** Cap on one reply's JSON, in bytes; a cut reply says `truncated` and `replyCut`. @default 4 MiB */
  maxReplyBytes?: number;
}

/** The python_analysis MCP server and its tear-down. */
export interface PythonAnalysisServer {
  server: McpServer;
  /** Cancels running tools, stops pyright and closes the server. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Creates the `python_analysis` MCP server: `symbols`, `scopes`, `references`,
 * `rename_locations`, `call_hierarchy` and `async_analysis` over one Python adapter
 * (pyright, started on the first tool that needs it). No tool reads a file whose real path is
 * outside the root or in `.git`/`.mcp-orchestrator`, nor returns results in one (they are
 * dropped and named in `skippedFiles`).
 */
export function createPythonAnalysisServer(
  options: PythonAnalysisServerOptions,
): PythonAnalysisServer {
  const server = new McpServer({ name: 'python_analysis', version: '0.1.0' });
  const adapter = createPythonAdapter({
    root: options.root,
    ...(options.pythonPath === undefined ? {} : { pythonPath: options.pythonPath }),
    ...(options.diagnosticMode === undefined ? {} : { diagnosticMode: options.diagnosticMode }),
  });
  const closing = new AbortController();
  const context = {
    root: adapter.root,
    adapter,
    replyLimits: { maxReplyBytes: options.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES },
    signal: (requestSignal: AbortSignal) => AbortSignal.any([requestSignal, closing.signal]),
  };
  registerSymbolTools(server, context);
  registerReferenceTools(server, context);
  registerAnalysisTools(server, context);

  let closed: Promise<void> | undefined;
  return {
    server,
    close() {
      closed ??= (async () => {
        closing.abort(new Error('python_analysis is closing'));
        const results = await Promise.allSettled([adapter.close(), server.close()]);
        const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed !== undefined) throw failed.reason;
      })();
      return closed;
    },
  };
}
