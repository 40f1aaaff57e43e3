import { inheritedEnvironment } from './inherited-environment.js';
import type { StdioServerConfig } from './mcp-config-schema.js';

/** How a stdio server is started: its command line, whole environment and folder. */
export interface StdioLaunch {
  command: string;
  args: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/**
 * The launch of a stdio server configured as `config`, from `workspace` (its folder when the
 * config names none): the inherited variables, then the config's own.
 */
export function toStdioLaunch(config: StdioServerConfig, workspace: string): StdioLaunch {
  return {
    command: config.command,
    args: config.args,
    env: { ...inheritedEnvironment(), ...config.env },
    cwd: config.cwd ?? workspace,
  };
}

/** A key equal for two launches exactly when they start the same process the same way. */
export function launchKey(launch: StdioLaunch): string {
  const env = Object.entries(launch.env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([launch.command, launch.args, launch.cwd, env]);
}
