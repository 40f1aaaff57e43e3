import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { createAdapterRegistry } from './adapter-registry.js';
import { registerGraphTools } from './register-graph-tools.js';
import { registerSymbolTools } from './register-symbol-tools.js';

/** Options for {@link createDependencyGraphServer}. */
export interface DependencyGraphServerOptions {
  /** Workspace root (a real path); every file a tool takes must be inside it. */
  root: string;
}

/** The dependency_graph MCP server and its tear-down. */
export interface DependencyGraphServer {
  server: McpServer;
  /** Closes the language adapters (the TypeScript service, pyright), then the server. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Creates the `dependency_graph` MCP server: `find_definitions`, `find_references`,
 * `rename_locations`, `check_rename`, `find_callers`, `find_importers` and `import_graph`.
 * `.py` files go to the Python adapter (pyright), everything else to the TypeScript adapter;
 * each adapter starts on its first use, so a TS-only workspace never starts pyright.
 */
export function createDependencyGraphServer(
  options: DependencyGraphServerOptions,
): DependencyGraphServer {
  const server = new McpServer({ name: 'dependency_graph', version: '0.1.0' });
  const registry = createAdapterRegistry(options.root);
  const context = { root: options.root, registry };
  registerSymbolTools(server, context);
  registerGraphTools(server, context);
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
