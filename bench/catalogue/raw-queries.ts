import type { FileChange } from 'mcp-orchestrator';
import { toChangedTexts } from '../shared/edits.js';
import { openRawServer } from '../shared/raw-server.js';
import type { CatalogueCase, Definition, Language } from './cases.js';

/** The raw floor of one transform: the dependency_graph server's own queries for it, timed. */
export interface RawFloor {
  connectMs: number;
  /** One find_definitions per name the run resolves (the first starts the language server). */
  definitions: Array<{ name: string; ms: number }>;
  computeMs: number;
  /** Files compute_edits changes. */
  files: string[];
  /** The compile check's queries, base and changed tree (they run beside the tests). */
  diagnosticsMs: number;
  /** Of which: errors on the changed tree that the base does not have. */
  newErrors: number;
  /** Server start, definitions and compute_edits: what the run cannot do without. */
  floorMs: number;
}

interface Diagnostic {
  file: string;
  line: number;
  message: string;
  severity: string;
}

const errorsOf = (ds: readonly Diagnostic[]) =>
  new Set(ds.filter((d) => d.severity === 'error').map((d) => `${d.file}: ${d.message}`));

/**
 * The queries a run of `testCase` makes of dependency_graph, in its order: server start, each
 * name's declarations, the transform's compute_edits, and diagnostics of the changed files and
 * their importers at the base and on the changed tree (the compile check).
 */
export async function timeRawQueries(
  dir: string,
  language: Language,
  testCase: CatalogueCase,
  tracked: readonly string[],
): Promise<RawFloor> {
  const server = await openRawServer(dir, process.env.BENCH_CPU_PROF);
  try {
    const declared: Definition[] = [];
    const definitions: RawFloor['definitions'] = [];
    for (const name of testCase.names(language)) {
      const found = await server.call<{ definitions: Definition[] }>('find_definitions', {
        name,
        language,
      });
      definitions.push({ name, ms: found.ms });
      const [first] = found.data.definitions;
      if (first === undefined) throw new Error(`find_definitions found no ${name}`);
      declared.push(first);
    }
    const request = testCase.request(language, declared, tracked);
    const computed = await server.call<{ changes: FileChange[] }>('compute_edits', {
      transform: testCase.transform,
      ...request,
    });
    const texts = toChangedTexts(dir, computed.data.changes);
    const overlay = [...texts].map(([file, text]) => ({ file, text }));
    const files = [...texts.keys()];
    const base = await server.call<{ diagnostics: Diagnostic[] }>('diagnostics', {
      files: files.filter((file) => tracked.includes(file)),
      importers: true,
    });
    const changed = await server.call<{ diagnostics: Diagnostic[] }>('diagnostics', {
      files,
      importers: true,
      overlay,
    });
    const before = errorsOf(base.data.diagnostics);
    const newErrors = [...errorsOf(changed.data.diagnostics)].filter((e) => !before.has(e)).length;
    const definitionsMs = definitions.reduce((sum, d) => sum + d.ms, 0);
    return {
      connectMs: server.connectMs,
      definitions,
      computeMs: computed.ms,
      files,
      diagnosticsMs: base.ms + changed.ms,
      newErrors,
      floorMs: server.connectMs + definitionsMs + computed.ms,
    };
  } finally {
    await server.close();
  }
}
