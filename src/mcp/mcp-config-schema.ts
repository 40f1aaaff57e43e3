import { z } from 'zod';

const stringRecord = z.record(z.string(), z.string());

/** A stdio server entry as written in `.mcp.json` (before `${VAR}` expansion). */
export const stdioEntrySchema = z.object({
  type: z.literal('stdio').optional(),
  command: z.string().min(1, 'must be a non-empty string'),
  args: z.array(z.string()).optional(),
  env: stringRecord.optional(),
  cwd: z.string().min(1).optional(),
});

/** A Streamable HTTP server entry as written in `.mcp.json` (before `${VAR}` expansion). */
export const httpEntrySchema = z.object({
  type: z.literal('http'),
  url: z.string().min(1, 'must be a non-empty string'),
  headers: stringRecord.optional(),
});

/** The top level of `.mcp.json`. */
export const mcpFileSchema = z.object({
  mcpServers: z.record(z.string(), z.unknown()),
});

/** A stdio server, ready to launch. */
export interface StdioServerConfig {
  transport: 'stdio';
  command: string;
  args: string[];
  /** Variables added to the safe default environment (`getDefaultEnvironment()`). */
  env: Record<string, string>;
  /** Absolute working directory. @default the workspace root */
  cwd?: string;
}

/** A Streamable HTTP server, ready to connect. */
export interface HttpServerConfig {
  transport: 'http';
  url: string;
  headers: Record<string, string>;
}

/** One resolved server: `${VAR}`s expanded, paths absolute. */
export type McpServerConfig = StdioServerConfig | HttpServerConfig;

/** Resolved servers by name. */
export type McpServersConfig = Record<string, McpServerConfig>;
