import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..', '..', 'src');

/**
 * What each layer may import (besides itself), from ARCHITECTURE.md: arrows point down only.
 * `transforms` is split: its orchestrator halves (pure) and its language halves (files named
 * `*.typescript.ts`, `*.python.ts`, `languages.ts`, `language-*.ts`), which only the servers and
 * other language halves may import.
 */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  contracts: ['core'],
  process: ['core'],
  files: ['core'],
  intent: ['core', 'transforms'],
  lang: ['core', 'process', 'files'],
  transforms: ['core', 'contracts'],
  'transforms:language': ['core', 'contracts', 'transforms', 'lang'],
  mcp: ['core', 'process'],
  cache: ['core'],
  pressure: ['core'],
  vcs: ['core', 'process'],
  telemetry: ['core'],
  report: ['core', 'telemetry', 'vcs'],
  phases: ['core', 'transforms'],
  servers: [
    'core',
    'contracts',
    'lang',
    'cache',
    'process',
    'files',
    'transforms',
    'transforms:language',
  ],
  orchestrator: [
    'core',
    'contracts',
    'intent',
    'lang',
    'mcp',
    'cache',
    'pressure',
    'vcs',
    'telemetry',
    'phases',
    'process',
    'files',
    'transforms',
    'orchestrator.ts',
  ],
  'orchestrator.ts': [
    'core',
    'intent',
    'mcp',
    'vcs',
    'phases',
    'orchestrator',
    'transforms',
    'report',
  ],
  // What the CLI does before it loads the orchestrator: the refusals a run gives before its
  // servers start (a misspelt name answers in ~0.2 s), then the start of the servers MAP
  // needs. Two files: src/orchestrator/early-refusals.ts and prestart-analysis-servers.ts.
  'orchestrator:early': ['core', 'orchestrator', 'vcs', 'mcp'],
  serve: ['core', 'contracts', 'orchestrator.ts'],
  action: ['core', 'vcs', 'orchestrator.ts'],
  // The CLI reads errors and command forms (pure, no I/O) without loading the orchestrator, so
  // --help, --version and refusals answer fast; everything else goes through orchestrator.ts.
  cli: ['orchestrator.ts', 'orchestrator:early', 'serve', 'core', 'intent'],
  'index.ts': ['cache', 'core', 'intent', 'orchestrator.ts', 'pressure', 'transforms'],
};

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** True for a transform's language half (imports language servers). */
function isLanguageHalf(relative: string): boolean {
  const name = path.basename(relative);
  return (
    /\.(typescript|python)\.ts$/.test(name) ||
    name === 'languages.ts' ||
    /^language-[\w-]+\.ts$/.test(name)
  );
}

const EARLY_FILES = new Set(
  ['early-refusals.ts', 'prestart-analysis-servers.ts'].map((file) =>
    path.join('orchestrator', file),
  ),
);

function layerOf(file: string): string {
  const relative = path.relative(SRC, file);
  const [first] = relative.split(path.sep);
  if (first === 'transforms' && isLanguageHalf(relative)) return 'transforms:language';
  if (EARLY_FILES.has(relative)) return 'orchestrator:early';
  return first ?? '';
}

function importsOf(file: string): Array<{ specifier: string; target: string }> {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) => ({
    specifier: match[1] as string,
    target: path.resolve(path.dirname(file), match[1] as string).replace(/\.js$/, '.ts'),
  }));
}

describe('layer boundaries', () => {
  it('every file of src/ belongs to a known layer', () => {
    const unknown = listFiles(SRC)
      .map((file) => ({ file, layer: layerOf(file) }))
      .filter(({ layer }) => ALLOWED[layer] === undefined)
      .map(({ file }) => path.relative(SRC, file));
    expect(unknown).toEqual([]);
  });

  it('every import in src/ points down the layer table', () => {
    const violations: string[] = [];
    for (const file of listFiles(SRC)) {
      const layer = layerOf(file);
      const allowed = ALLOWED[layer] ?? [];
      for (const { specifier, target } of importsOf(file)) {
        const targetLayer = layerOf(target);
        if (targetLayer !== layer && !allowed.includes(targetLayer)) {
          violations.push(
            `${path.relative(SRC, file)} imports ${specifier} (${layer} → ${targetLayer})`,
          );
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('phases and orchestrator halves never import a language half', () => {
    const violations = listFiles(SRC)
      .filter((file) => ['phases', 'transforms', 'intent', 'orchestrator'].includes(layerOf(file)))
      .flatMap((file) =>
        importsOf(file)
          .filter(({ target }) => layerOf(target) === 'transforms:language')
          .map(({ specifier }) => `${path.relative(SRC, file)} imports ${specifier}`),
      );
    expect(violations).toEqual([]);
  });

  it('no phase names a transform, its fields or its checks', () => {
    const words = /\b(rename|staleScan|remainingByFile)\b|intent\.(from|to)\b/;
    const offenders = listFiles(path.join(SRC, 'phases')).filter((file) =>
      words.test(readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')),
    );
    expect(offenders.map((file) => path.relative(SRC, file))).toEqual([]);
  });

  it('the TypeScript compiler is loaded only by lang/typescript/typescript.ts (require, not ESM)', () => {
    const loading = listFiles(SRC).filter(
      (file) =>
        path.relative(SRC, file) !== path.join('lang', 'typescript', 'typescript.ts') &&
        /^import (?!type )[^;]*from 'typescript';/m.test(readFileSync(file, 'utf8')),
    );
    expect(loading.map((file) => path.relative(SRC, file))).toEqual([]);
  });

  it('only src/process spawns child processes', () => {
    const spawning = listFiles(SRC).filter(
      (file) =>
        layerOf(file) !== 'process' && /from 'node:child_process'/.test(readFileSync(file, 'utf8')),
    );
    expect(spawning.map((file) => path.relative(SRC, file))).toEqual([]);
  });
});
