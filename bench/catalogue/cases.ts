import type { CatalogueRepoSummary } from '../generate/catalogue-shape.js';

export type Language = 'python' | 'typescript';

/** A declaration as find_definitions returns it. */
export interface Definition {
  file: string;
  line: number;
  column: number;
  name: string;
}

/** A compute_edits call: where the language half starts (its file picks the language), its args. */
export interface EditsRequest {
  file: string;
  line?: number;
  column?: number;
  args: Record<string, unknown>;
}

/** One transform of the catalogue as the bench runs it on a generated repo. */
export interface CatalogueCase {
  transform: string;
  languages: readonly Language[];
  command(language: Language): string;
  /** Names whose declarations the run looks up (find_definitions), in that order. */
  names(language: Language): string[];
  /** The compute_edits call the run's LOGIC makes, given those declarations and the tracked files. */
  request(
    language: Language,
    declared: readonly Definition[],
    files: readonly string[],
  ): EditsRequest;
  /** The fewest files the run must change to have done its job. */
  minFiles(summary: CatalogueRepoSummary): number;
}

/** The generated repos' names, per language (bench/generate/catalogue-*-repo.ts). */
const NAMES = {
  python: {
    total: 'compute_total',
    replacement: 'sum_values',
    helper: 'format_total',
    helperTo: 'pkg/formatting.py',
    type: 'int',
  },
  typescript: {
    total: 'computeTotal',
    replacement: 'sumValues',
    helper: 'formatTotal',
    helperTo: 'src/formatting.ts',
    type: 'number',
  },
} as const;

const PROMISE_FOLDER = 'src/jobs';

const at = (d: Definition | undefined) => {
  if (d === undefined) throw new Error('find_definitions found no declaration');
  return { file: d.file, line: d.line, column: d.column };
};

/** The files of `language` a whole-repository or folder transform reads. */
export const sourcesOf = (language: Language, files: readonly string[], under = '') =>
  files.filter(
    (f) =>
      f.startsWith(under) && (language === 'python' ? /\.py$/.test(f) : /(?<!\.d)\.ts$/.test(f)),
  );

const both = ['python', 'typescript'] as const;

export const CATALOGUE: readonly CatalogueCase[] = [
  {
    transform: 'replace_calls',
    languages: both,
    command: (l) => `replace calls to ${NAMES[l].total} with ${NAMES[l].replacement}`,
    names: (l) => [NAMES[l].total, NAMES[l].replacement],
    request: (l, [from, to]) => ({
      ...at(from),
      args: {
        from: { name: NAMES[l].total, at: at(from) },
        to: { name: NAMES[l].replacement, at: at(to) },
      },
    }),
    minFiles: (s) => s.users,
  },
  {
    transform: 'add_parameter',
    languages: both,
    command: (l) =>
      `add parameter scale: ${NAMES[l].type} = 1 to ${NAMES[l].total} passing 1 at every call site`,
    names: (l) => [NAMES[l].total],
    request: (l, [fn]) => ({
      ...at(fn),
      args: { mode: 'edit', name: 'scale', default: '1', type: NAMES[l].type, value: '1' },
    }),
    minFiles: (s) => s.users,
  },
  {
    transform: 'remove_parameter',
    languages: both,
    command: (l) => `remove parameter verbose from ${NAMES[l].total}`,
    names: (l) => [NAMES[l].total],
    request: (_l, [fn]) => ({ ...at(fn), args: { mode: 'edit', name: 'verbose' } }),
    minFiles: (s) => s.users,
  },
  {
    transform: 'move',
    languages: both,
    command: (l) => `move ${NAMES[l].helper} to ${NAMES[l].helperTo}`,
    names: (l) => [NAMES[l].helper],
    request: (l, [helper]) => ({ ...at(helper), args: { to: NAMES[l].helperTo } }),
    minFiles: (s) => s.users,
  },
  {
    transform: 'remove_unused_imports',
    languages: both,
    command: () => 'remove unused imports',
    names: () => [],
    request(l, _declared, files) {
      const sources = sourcesOf(l, files);
      return { file: sources[0] as string, args: { files: sources } };
    },
    minFiles: (s) => s.unusedImports,
  },
  {
    transform: 'convert_promises',
    languages: ['typescript'],
    command: () => `convert promise chains to async/await in ${PROMISE_FOLDER}/`,
    names: () => [],
    request(l, _declared, files) {
      const sources = sourcesOf(l, files, `${PROMISE_FOLDER}/`);
      return { file: sources[0] as string, args: { mode: 'convert', files: sources } };
    },
    minFiles: (s) => s.promiseChains,
  },
];
