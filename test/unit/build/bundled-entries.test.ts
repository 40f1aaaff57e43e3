import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = path.resolve(import.meta.dirname, '..', '..', '..', 'dist');

/** Packages the bundles load where they are installed (see scripts/bundle.mjs). */
const EXTERNAL = /^(better-sqlite3|@duckdb\/|usearch|typescript|pyright|@vscode\/ripgrep)/;

/**
 * The specifiers of a bundle's imports, as esbuild writes them: static ones at the start of a
 * line (`import … from "x"`, `} from "x"`, `import "x"`), dynamic ones as `import("x")`.
 */
function importedSpecifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const patterns = [
    /^(?:import|export|\})[^\n;]*?\bfrom\s*["']([^"']+)["']/gm,
    /^import\s*["']([^"']+)["']/gm,
    /\bimport\(["']([^"']+)["']\)/g,
  ];
  const found = new Set<string>();
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) found.add(match[1] as string);
  }
  return [...found];
}

describe('the built processes are bundles', () => {
  const entries = [
    'cli/main.js',
    'servers/ripgrep/main.js',
    'servers/dependency-graph/main.js',
    'servers/pyrepl/main.js',
    'servers/duckdb/main.js',
    'servers/official/server-filesystem.js',
    'servers/official/server-memory.js',
  ];

  it.each(entries)(
    '%s imports only Node built-ins, shared chunks and the packages left external',
    (entry) => {
      const specifiers = importedSpecifiers(path.join(DIST, entry));
      const loose = specifiers.filter(
        (s) => !isBuiltin(s) && !/^(\.\.?\/)+chunks\//.test(s) && !EXTERNAL.test(s),
      );
      expect(loose).toEqual([]);
      // The scan sees imports at all: the CLI loads its run through a chunk.
      if (entry === 'cli/main.js') expect(specifiers.some((s) => s.includes('chunks/'))).toBe(true);
    },
  );
});
