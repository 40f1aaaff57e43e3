import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createExampleRepo, runCli } from '../helpers/fixture-repo.js';

/** A module hook (run before the CLI) that names on stderr every file the CLI loads. */
const HOOKS = `export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.startsWith('file:')) process.stderr.write('LOADED ' + resolved.url + '\\n');
  return resolved;
}`;
const REGISTER = `import { register } from 'node:module'; register(${JSON.stringify(
  `data:text/javascript,${encodeURIComponent(HOOKS)}`,
)});`;

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The modules each bundled file holds, as the build recorded them (scripts/bundle.mjs). */
const BUNDLED = (
  JSON.parse(readFileSync(path.join(ROOT, 'dist', 'bundle-meta.json'), 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, unknown> }>;
  }
).outputs;

/** What a refused command must not load: zod, the MCP SDK, the orchestrator. */
const HEAVY = /node_modules\/(zod|@modelcontextprotocol)\/|^dist\/(orchestrator)\.js$/;

/** The heavy modules a run loaded, read from its LOADED lines through the bundles' contents. */
function heavyLoaded(stderr: string): string[] {
  const heavy = new Set<string>();
  for (const [, url] of stderr.matchAll(/^LOADED (\S+)$/gm)) {
    const file = path
      .relative(ROOT, fileURLToPath(url as string))
      .split(path.sep)
      .join('/');
    const inputs = Object.keys(BUNDLED[file]?.inputs ?? { [file]: true });
    for (const input of inputs) {
      const match = HEAVY.exec(input);
      if (match) heavy.add((match[1] ?? match[2]) as string);
    }
  }
  return [...heavy].sort();
}

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
      expect(heavyLoaded(refused.stderr)).toEqual([]);
    // The hook sees what loads: an accepted command is checked with its schema (zod).
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(heavyLoaded(accepted.stderr)).toEqual(['zod']);
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
      expect(heavyLoaded(result.stderr)).toEqual([]);
    } finally {
      await repo.cleanup();
    }
  }, 30_000);
});
