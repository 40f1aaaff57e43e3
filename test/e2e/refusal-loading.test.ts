import { describe, expect, it } from 'vitest';
import { createExampleRepo, runCli } from '../helpers/fixture-repo.js';

/**
 * A module hook (run before the CLI) that says on stderr when zod, the orchestrator or the
 * MCP SDK is resolved: what a refused command must not load.
 */
const HOOKS = `export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  const heavy = /\\/node_modules\\/(zod|@modelcontextprotocol)\\/|\\/dist\\/orchestrator\\.js$/.exec(resolved.url);
  if (heavy) process.stderr.write('LOADED ' + heavy[1] + '\\n');
  return resolved;
}`;
const REGISTER = `import { register } from 'node:module'; register(${JSON.stringify(
  `data:text/javascript,${encodeURIComponent(HOOKS)}`,
)});`;

function runWatched(args: string[]) {
  return runCli(args, {
    env: { NODE_OPTIONS: `--import "data:text/javascript,${encodeURIComponent(REGISTER)}"` },
  });
}

describe('a refused command', () => {
  it('answers before zod, the orchestrator or the MCP SDK loads (the grammar and the transform checks refuse it)', async () => {
    const [reserved, unplaced, parsed, accepted] = await Promise.all([
      runWatched(['run', 'rename getUser to class', '--workspace', '.']),
      runWatched(['plan', 'make everything faster', '--workspace', '.']),
      runWatched(['parse', 'rename getUser to getUser']),
      runWatched(['parse', 'rename getUser to fetchUser']),
    ]);
    expect(reserved.code).toBe(2);
    expect(reserved.stderr).toContain(
      'error [INVALID_IDENTIFIER]: The new name "class" is a reserved',
    );
    expect(unplaced.code).toBe(2);
    expect(unplaced.stderr).toContain('error [INTENT_UNRECOGNISED]');
    expect(parsed.code).toBe(2);
    expect(parsed.stderr).toContain('error [NOTHING_TO_DO]');
    for (const refused of [reserved, unplaced, parsed])
      expect(refused.stderr).not.toContain('LOADED');
    // The hook sees what loads: an accepted command is checked with its schema (zod).
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stderr).toContain('LOADED zod');
    expect(accepted.stderr).not.toContain('LOADED orchestrator');
  }, 30_000);

  it('answers a name no tracked file mentions before zod, the orchestrator or the MCP SDK loads', async () => {
    const repo = await createExampleRepo({ example: 'ledger-py' });
    try {
      const result = await runWatched([
        'run',
        'rename post_entri to record_entry',
        '--workspace',
        repo.dir,
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('error [SYMBOL_NOT_FOUND]: No symbol named "post_entri"');
      expect(result.stderr).not.toContain('LOADED');
    } finally {
      await repo.cleanup();
    }
  }, 30_000);
});
