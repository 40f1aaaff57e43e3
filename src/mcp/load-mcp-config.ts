import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { OrchestratorError, toErrorMessage } from '../core/errors.js';
import { expandEnvVars, UnsetVariableError } from './expand-env-vars.js';
import {
  httpEntrySchema,
  type McpServerConfig,
  type McpServersConfig,
  mcpFileSchema,
  stdioEntrySchema,
} from './mcp-config-schema.js';

/** Options for {@link loadMcpConfig}. */
export interface LoadMcpConfigOptions {
  /** Variables for `${VAR}` expansion. @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
}

/** The servers `.mcp.json` declares. */
export interface LoadedMcpConfig {
  /** Absolute path of the file read (whether or not it exists). */
  file: string;
  /** False when there is no `.mcp.json`: `servers` is then empty. */
  exists: boolean;
  servers: McpServersConfig;
}

type Env = Readonly<Record<string, string | undefined>>;

function invalid(file: string, detail: string, data: Record<string, unknown> = {}): never {
  throw new OrchestratorError('MCP_CONFIG_INVALID', `${file}: ${detail}`, {
    data: { file, ...data },
  });
}

function describeIssue(issue: z.core.$ZodIssue): { field: string; problem: string } {
  const field = issue.path.map(String).join('.') || '(entry)';
  return { field, problem: issue.message };
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = toErrorMessage(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const where =
      position === undefined
        ? ''
        : (({ line, column }) => ` at line ${line}, column ${column}`)(
            lineAndColumn(text, Number(position)),
          );
    return invalid(file, `is not valid JSON${where}: ${message}. Fix the syntax.`, {
      position: position === undefined ? undefined : Number(position),
    });
  }
}

function expandField(file: string, server: string, field: string, value: string, env: Env) {
  try {
    return expandEnvVars(value, env);
  } catch (error) {
    if (!(error instanceof UnsetVariableError)) throw error;
    return invalid(
      file,
      `server "${server}", field "${field}": ${error.message}. Set ${error.variable} or add a default.`,
      { server, field, variable: error.variable },
    );
  }
}

function expandRecord(
  file: string,
  server: string,
  field: string,
  record: Record<string, string> | undefined,
  env: Env,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(record ?? {})) {
    result[key] = expandField(file, server, `${field}.${key}`, value, env);
  }
  return result;
}

function validateEntry(
  file: string,
  server: string,
  raw: unknown,
): z.infer<typeof stdioEntrySchema> | z.infer<typeof httpEntrySchema> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return invalid(file, `server "${server}" must be an object with "command" or "url".`, {
      server,
    });
  }
  const type = (raw as { type?: unknown }).type;
  if (type !== undefined && type !== 'stdio' && type !== 'http') {
    return invalid(
      file,
      `server "${server}", field "type": ${JSON.stringify(type)} is not supported; use "stdio" (or omit it) or "http".`,
      { server, field: 'type' },
    );
  }
  const parsed = (type === 'http' ? httpEntrySchema : stdioEntrySchema).safeParse(raw);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const { field, problem } =
    first === undefined ? { field: '(entry)', problem: 'invalid' } : describeIssue(first);
  return invalid(file, `server "${server}", field "${field}": ${problem}.`, { server, field });
}

function resolveEntry(
  file: string,
  workspace: string,
  server: string,
  raw: unknown,
  env: Env,
): McpServerConfig {
  const entry = validateEntry(file, server, raw);
  if (entry.type === 'http') {
    const url = expandField(file, server, 'url', entry.url, env);
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      invalid(
        file,
        `server "${server}", field "url": ${JSON.stringify(url)} is not an http(s) URL.`,
        {
          server,
          field: 'url',
        },
      );
    }
    return {
      transport: 'http',
      url,
      headers: expandRecord(file, server, 'headers', entry.headers, env),
    };
  }
  const cwd =
    entry.cwd === undefined ? undefined : expandField(file, server, 'cwd', entry.cwd, env);
  return {
    transport: 'stdio',
    command: expandField(file, server, 'command', entry.command, env),
    args: (entry.args ?? []).map((arg, index) =>
      expandField(file, server, `args.${index}`, arg, env),
    ),
    env: expandRecord(file, server, 'env', entry.env, env),
    ...(cwd === undefined ? {} : { cwd: path.resolve(workspace, cwd) }),
  };
}

/**
 * Reads `<workspace>/.mcp.json` (Claude Code's format), validates it and expands `${VAR}` and
 * `${VAR:-default}` in commands, args, env values, cwd, urls and headers. A missing file gives
 * no servers. Throws `MCP_CONFIG_INVALID` naming the file, the server and the field.
 */
export async function loadMcpConfig(
  workspace: string,
  options: LoadMcpConfigOptions = {},
): Promise<LoadedMcpConfig> {
  const file = path.join(path.resolve(workspace), '.mcp.json');
  let text: string;
  try {
    text = await readFile(file, {
      encoding: 'utf8',
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { file, exists: false, servers: {} };
    }
    if (options.signal?.aborted === true) {
      throw new OrchestratorError('CANCELLED', `Reading ${file} was cancelled.`, { cause: error });
    }
    return invalid(file, `cannot be read: ${toErrorMessage(error)}.`);
  }
  const top = mcpFileSchema.safeParse(parseJson(file, text));
  if (!top.success) {
    invalid(
      file,
      'field "mcpServers" must be an object of servers by name, e.g. {"mcpServers": {"name": {"command": "…"}}}.',
      {
        field: 'mcpServers',
      },
    );
  }
  const env = options.env ?? process.env;
  const servers: McpServersConfig = {};
  for (const [name, raw] of Object.entries(top.data.mcpServers)) {
    servers[name] = resolveEntry(file, path.resolve(workspace), name, raw, env);
  }
  return { file, exists: true, servers };
}
