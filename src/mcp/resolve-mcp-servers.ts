import { createDefaultServers } from './default-servers.js';
import { loadMcpConfig } from './load-mcp-config.js';
import type { McpServersConfig } from './mcp-config-schema.js';

/** Options for {@link resolveMcpServers}. */
export interface ResolveMcpServersOptions {
  /** Variables for `${VAR}` expansion in `.mcp.json`. @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  /** Include the built-in servers. @default true */
  defaults?: boolean;
  signal?: AbortSignal;
}

/** The servers a run uses, and which of them `.mcp.json` defines (replacing a built-in or not). */
export interface ResolvedMcpServers {
  servers: McpServersConfig;
  fromConfig: ReadonlySet<string>;
}

/**
 * The servers a run uses: the built-in defaults, overridden (same name) and extended by the
 * workspace's `.mcp.json`. Throws `MCP_CONFIG_INVALID` for a bad `.mcp.json`.
 */
export async function resolveMcpServers(
  workspace: string,
  options: ResolveMcpServersOptions = {},
): Promise<McpServersConfig> {
  return (await resolveMcpServersWithSources(workspace, options)).servers;
}

/** {@link resolveMcpServers}, saying which servers `.mcp.json` defines. */
export async function resolveMcpServersWithSources(
  workspace: string,
  options: ResolveMcpServersOptions = {},
): Promise<ResolvedMcpServers> {
  const loaded = await loadMcpConfig(workspace, {
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const defaults = options.defaults === false ? {} : createDefaultServers(workspace);
  return {
    servers: { ...defaults, ...loaded.servers },
    fromConfig: new Set(Object.keys(loaded.servers)),
  };
}
