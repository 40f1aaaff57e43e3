import { OrchestratorError } from '../../core/errors.js';
import type { SourcePosition } from '../../core/source-types.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import { BLOCKING_FUNCTIONS, BLOCKING_METHOD_NAMES } from './blocking-table.python.js';
import type { ClassFacts, FileFacts, FunctionFacts, Site } from './site-types.python.js';
import { toKey } from './site-types.python.js';
import { SITES_SCRIPT } from './sites-script.python.js';

interface ScriptFile {
  file: string;
  error?: string;
  functions?: Array<Omit<FunctionFacts, 'file'>>;
  classes?: Array<Omit<ClassFacts, 'file'>>;
  doctests?: FileFacts['doctests'];
  sites: Array<Omit<Site, 'file'>>;
}

/** Files' definitions and the sites at positions, each file parsed once per batch. */
export interface SiteIndex {
  /** The facts of `files`, loading those not yet known in one script run. */
  load(files: readonly string[]): Promise<void>;
  /** Known facts of `file` (after {@link load}). */
  facts(file: string): FileFacts;
  /** The function whose name is at `at` (after {@link load}). */
  functionAt(at: SourcePosition): FunctionFacts | undefined;
  /** The class whose name is at `at` (after {@link load}). */
  classAt(at: SourcePosition): ClassFacts | undefined;
  /** The sites at `positions` (and the facts of their files), in the order given. */
  sites(positions: readonly SourcePosition[]): Promise<Site[]>;
}

/**
 * Creates the index for one computation.
 * @throws BAD_INPUT when a file that matters does not parse.
 */
export function createSiteIndex(workspace: PythonWorkspace, signal?: AbortSignal): SiteIndex {
  const known = new Map<string, FileFacts>();
  const functions = new Map<string, FunctionFacts>();
  const classes = new Map<string, ClassFacts>();

  const remember = (entry: ScriptFile): void => {
    if (entry.error !== undefined) {
      throw new OrchestratorError(
        'BAD_INPUT',
        `Cannot parse ${entry.file}: ${entry.error}. Fix the syntax error first.`,
        { data: { file: entry.file } },
      );
    }
    if (entry.functions === undefined || known.has(entry.file)) return;
    const facts: FileFacts = {
      file: entry.file,
      functions: entry.functions.map((f) => ({ ...f, file: entry.file })),
      classes: (entry.classes ?? []).map((c) => ({ ...c, file: entry.file })),
      doctests: entry.doctests ?? [],
    };
    known.set(entry.file, facts);
    for (const f of facts.functions) functions.set(toKey(f), f);
    for (const c of facts.classes) classes.set(toKey(c), c);
  };

  const run = async (
    items: Array<{ file: string; positions: Array<{ line: number; column: number }> }>,
  ): Promise<ScriptFile[]> => {
    if (items.length === 0) return [];
    const result = await workspace.runScript<{ files: ScriptFile[] }>(
      SITES_SCRIPT,
      {
        root: workspace.root,
        files: items.map((item) => ({ ...item, facts: !known.has(item.file) })),
        blocking: { functions: Object.keys(BLOCKING_FUNCTIONS), methods: BLOCKING_METHOD_NAMES },
      },
      signal,
    );
    for (const entry of result.files) remember(entry);
    return result.files;
  };

  return {
    async load(files) {
      const missing = [...new Set(files)].filter((file) => !known.has(file)).sort();
      await run(missing.map((file) => ({ file, positions: [] })));
    },
    facts(file) {
      const facts = known.get(file);
      if (facts === undefined) throw new OrchestratorError('INTERNAL', `${file} is not loaded.`);
      return facts;
    },
    functionAt: (at) => functions.get(toKey(at)),
    classAt: (at) => classes.get(toKey(at)),
    async sites(positions) {
      const byFile = new Map<string, SourcePosition[]>();
      for (const at of positions) byFile.set(at.file, [...(byFile.get(at.file) ?? []), at]);
      const files = [...byFile.keys()].sort();
      const results = await run(
        files.map((file) => ({
          file,
          positions: (byFile.get(file) ?? []).map(({ line, column }) => ({ line, column })),
        })),
      );
      const index = new Map<string, Site>();
      for (const entry of results) {
        for (const site of entry.sites) {
          const full = { ...site, file: entry.file };
          index.set(toKey(full), full);
        }
      }
      return positions.flatMap((at) => {
        const site = index.get(toKey(at));
        return site === undefined ? [] : [site];
      });
    },
  };
}
