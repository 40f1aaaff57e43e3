import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { createWorkspaceFileFilter } from '../shared/workspace-file-filter.js';
import { createAdapterRegistry } from './adapter-registry.js';
import { registerComputeEdits } from './register-compute-edits.js';
import { registerDiagnostics } from './register-diagnostics.js';
import { registerGraphTools } from './register-graph-tools.js';
import { registerQueryTools } from './register-query-tools.js';

/** The largest reply the server sends, in bytes: edits are never cut, so this is generous. */
export const DEPENDENCY_GRAPH_MAX_REPLY_BYTES = 64 * 1024 * 1024;

/** Options for {@link createDependencyGraphServer}. */
export interface DependencyGraphServerOptions {
  /** Workspace root (a real path); every file a tool takes must be inside it. */
  root: string;
  /** Cap on one reply's JSON; a reply over it is a tool error. @default DEPENDENCY_GRAPH_MAX_REPLY_BYTES */
  maxReplyBytes?: number;
}

/** The dependency_graph MCP server and its tear-down. */
export interface DependencyGraphServer {
  server: McpServer;
  /** Closes the language adapters (the TypeScript service, pyright), then the server. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Creates the `dependency_graph` MCP server: the generic queries `find_definitions`,
 * `find_references`, `find_callers`, `classify_positions`, `find_importers` and
 * `import_graph`, `diagnostics`, and `compute_edits`, through which every transform's
 * language half runs.
 * `.py` files go to the Python adapter (pyright), everything else to the TypeScript adapter;
 * each adapter starts on its first use, so a TS-only workspace never starts pyright.
 */
export function createDependencyGraphServer(
  options: DependencyGraphServerOptions,
): DependencyGraphServer {
  const server = new McpServer({ name: 'dependency_graph', version: '0.1.0' });
  const registry = createAdapterRegistry(options.root);
  const context = {
    root: options.root,
    registry,
    filter: createWorkspaceFileFilter(options.root),
    replyLimits: { maxReplyBytes: options.maxReplyBytes ?? DEPENDENCY_GRAPH_MAX_REPLY_BYTES },
  };
  registerQueryTools(server, context);
  registerGraphTools(server, context);
  registerComputeEdits(server, context);
  registerDiagnostics(server, context);
  let closing: Promise<void> | undefined;
  return {
    server,
    close() {
      closing ??= (async () => {
        try {
          await registry.close();
        } finally {
          await server.close();
        }
      })();
      return closing;
    },
  };
}
