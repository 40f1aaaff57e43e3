import { runGitRaw } from './run-git.js';

const FALLBACK_NAME = 'mcp-orchestrator';
const FALLBACK_EMAIL = 'mcp-orchestrator@localhost';

/**
 * `-c` flags giving `mcp-orchestrator <mcp-orchestrator@localhost>` for whichever of `user.name`
 * and `user.email` git's config (any scope) leaves unset in `cwd`; empty when both are set.
 * Writes no config.
 */
export async function fallbackIdentity(cwd: string, signal?: AbortSignal): Promise<string[]> {
  const flags: string[] = [];
  for (const [key, value] of [
    ['user.name', FALLBACK_NAME],
    ['user.email', FALLBACK_EMAIL],
  ] as const) {
    const out = await runGitRaw(['config', '--get', key], { cwd, signal });
    if (out.exitCode !== 0 || out.stdout.trim() === '') flags.push('-c', `${key}=${value}`);
  }
  return flags;
}
