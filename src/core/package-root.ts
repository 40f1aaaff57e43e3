import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let found: string | undefined;

/**
 * The folder of this package: the nearest one above this module whose package.json names
 * mcp-orchestrator. Found by walking up, so it is the same from src/ (tests), dist/ as tsc
 * wrote it, a bundle's chunk (dist/chunks/) or the benchmarks' build (dist-bench/src/).
 */
export function packageRoot(): string {
  if (found !== undefined) return found;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: unknown;
      };
      if (manifest.name === 'mcp-orchestrator') {
        found = dir;
        return dir;
      }
    } catch {
      // No package.json here: look further up.
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No mcp-orchestrator package.json above ${dir}.`);
    dir = parent;
  }
}
