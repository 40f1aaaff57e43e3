import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..', '..', '..', 'src');

/** Relative modules `file` loads when it is loaded: static value imports, not `import type` nor `import()`. */
function staticImportsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const statements = text.matchAll(
    /^\s*(?:import|export)(?!\s+type\s)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'|^\s*import\s+'(\.{1,2}\/[^']+)'/gms,
  );
  return [...statements].map((match) =>
    path.resolve(path.dirname(file), (match[1] ?? match[2]) as string).replace(/\.js$/, '.ts'),
  );
}

/** The chain of static imports from `entry` to `target`, or undefined when none leads there. */
function importChain(entry: string, target: string): string[] | undefined {
  const cameFrom = new Map<string, string | undefined>([[entry, undefined]]);
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.shift() as string;
    if (file === target) {
      const chain: string[] = [];
      for (let at: string | undefined = file; at !== undefined; at = cameFrom.get(at)) {
        chain.unshift(path.relative(SRC, at));
      }
      return chain;
    }
    for (const next of staticImportsOf(file)) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, file);
      pending.push(next);
    }
  }
  return undefined;
}

describe('dependency_graph server start', () => {
  it('does not load the TypeScript compiler until a TypeScript question needs it', () => {
    const chain = importChain(
      path.join(SRC, 'servers', 'dependency-graph', 'main.ts'),
      path.join(SRC, 'lang', 'typescript', 'typescript.ts'),
    );
    // Compiling the 9 MB compiler costs ~0.5 s of every server start, Python workspaces included.
    expect(chain).toBeUndefined();
  });
});
