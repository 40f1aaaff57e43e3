import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..', '..', 'src');

/** What each layer may import (besides itself), from ARCHITECTURE.md: arrows point down only. */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  process: ['core'],
  intent: ['core'],
  lang: ['core', 'process'],
  mcp: ['core', 'process'],
  cache: ['core'],
  pressure: ['core'],
  vcs: ['core', 'process'],
  telemetry: ['core'],
  phases: ['core', 'process'],
  servers: ['core', 'lang', 'cache', 'process'],
  orchestrator: [
    'core',
    'process',
    'intent',
    'lang',
    'mcp',
    'cache',
    'pressure',
    'vcs',
    'telemetry',
    'phases',
    'orchestrator.ts',
  ],
  'orchestrator.ts': ['core', 'intent', 'mcp', 'vcs', 'phases', 'orchestrator'],
  cli: ['orchestrator.ts'],
};

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

function layerOf(file: string): string {
  const [first] = path.relative(SRC, file).split(path.sep);
  return first ?? '';
}

describe('layer boundaries', () => {
  it('every import in src/ points down the layer table', () => {
    const violations: string[] = [];
    for (const file of listFiles(SRC)) {
      const layer = layerOf(file);
      const allowed = ALLOWED[layer];
      if (allowed === undefined) continue;
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
        const target = layerOf(
          path.resolve(path.dirname(file), match[1] as string).replace(/\.js$/, '.ts'),
        );
        if (target !== layer && !allowed.includes(target)) {
          violations.push(`${path.relative(SRC, file)} imports ${match[1]} (${layer} → ${target})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });
});

/**
 * Files outside src/process/ that still import node:child_process because they belong to another
 * worktree's change; each moves to the process module, and its entry goes with it.
 */
const NOT_YET_ON_THE_PROCESS_MODULE: readonly string[] = ['cli/run-demo.ts'];

describe('process boundary', () => {
  it('spawns child processes only in src/process/', () => {
    const importers = listFiles(SRC)
      .filter((file) => /['"](?:node:)?child_process['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(SRC, file).split(path.sep).join('/'))
      .sort();
    expect(importers).toContain('process/spawn-process.ts');
    const outside = importers.filter(
      (file) => !file.startsWith('process/') && !NOT_YET_ON_THE_PROCESS_MODULE.includes(file),
    );
    expect(outside).toEqual([]);
    // An exception that no longer applies must be deleted, not kept as a loophole.
    expect(NOT_YET_ON_THE_PROCESS_MODULE.filter((file) => !importers.includes(file))).toEqual([]);
  });
});
