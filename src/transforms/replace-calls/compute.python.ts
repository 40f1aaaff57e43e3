import type { Location } from 'vscode-languageserver-protocol';
import type { EditFileChange } from '../../core/change/change-types.js';
import type { ComputedEdits, TransformTarget } from '../../core/services.js';
import type { SourcePosition } from '../../core/source-types.js';
import { compareText } from '../../core/whole-word.js';
import { toFileUri } from '../../lang/python/engine/lsp-locations.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import {
  createFileTextReader,
  type FileTextReader,
} from '../../lang/python/engine/read-file-text.js';
import {
  findReferenceLocations,
  toNameRanges,
} from '../../lang/python/queries/find-reference-locations.js';
import {
  emptyReplaceCallsFacts,
  type ReplaceCallsArgs,
  type ReplaceCallsFacts,
} from './contract.js';
import { toPythonImportEdits } from './imports.python.js';
import { planPythonCall } from './plan-call.python.js';
import {
  PYTHON_PROBE_FILE,
  type PythonFunction,
  type PythonProbe,
  resolvePythonFunction,
  toPythonProbe,
} from './resolve.python.js';
import { type PythonFileSummary, type PythonSite, readPythonSites } from './sites.python.js';

/** How many `import … as alias` steps are followed from the function to its calls. */
const MAX_ALIAS_DEPTH = 4;

/**
 * replace_calls on pyright: resolves both functions (library names through a probe module
 * shown to pyright only), finds every reference of the old one (aliases followed), binds each
 * call's arguments to the new function's parameters, and writes the callee replacements with
 * the imports they need and the import bindings they free.
 */
export async function computeReplaceCallsPython(
  workspace: PythonWorkspace,
  _target: TransformTarget,
  args: ReplaceCallsArgs,
  signal?: AbortSignal,
): Promise<ComputedEdits> {
  const facts = emptyReplaceCallsFacts();
  const reader = createFileTextReader(workspace.root);
  const probe = toPythonProbe(args);
  const read = () => readFunctionsAndSites(workspace, reader, args, probe, facts, signal);
  const found = probe
    ? await workspace.withOverlay(new Map([[PYTHON_PROBE_FILE, probe.text]]), read)
    : await read();
  if (found === undefined) return { changes: [], facts };
  const { from, to, sites, files } = found;
  const plans = [];
  for (const site of sites) {
    if (site.role === 'call' || site.role === 'qualified-call') {
      const summary = files[site.file] as PythonFileSummary;
      const plan = planPythonCall(site, summary, from, to);
      const at = { file: site.file, line: site.line, column: site.column, lineText: site.lineText };
      if (plan.problems.length > 0) facts.mismatches.push({ ...at, problems: plan.problems });
      if (plan.unchecked !== undefined) facts.unchecked.push({ ...at, why: plan.unchecked });
      if (plan.collision !== undefined) {
        facts.collisions.push({
          file: site.file,
          line: site.line,
          column: site.column,
          name: plan.replacement,
          reason: plan.collision,
        });
      }
      facts.calls.push({ ...at, callee: site.callee ?? site.name, replacement: plan.replacement });
      plans.push(plan);
    } else if (site.role === 'value' || site.role === 'unknown') {
      facts.leftAlone.push({
        file: site.file,
        line: site.line,
        column: site.column,
        length: site.name.length,
        detail: `\`${site.name}\` ${site.detail ?? 'is not read as a call by name or through a module'}`,
      });
    }
  }
  sortFacts(facts);
  if (facts.mismatches.length + facts.collisions.length > 0 || plans.length === 0) {
    return { changes: [], facts };
  }
  const imports = await toPythonImportEdits(workspace, reader, plans, files, signal);
  const changes: EditFileChange[] = [];
  for (const file of [...new Set(plans.map((p) => p.site.file))].sort(compareText)) {
    const own = imports.get(file);
    for (const added of own?.added ?? []) {
      facts.imports.added.push({ file, ...added, lineText: await reader.line(file, added.line) });
    }
    for (const removed of own?.removed ?? []) {
      facts.imports.removed.push({
        file,
        ...removed,
        lineText: await reader.line(file, removed.line),
      });
    }
    const edits = [
      ...plans.filter((p) => p.site.file === file).flatMap((p) => p.edits),
      ...(own?.edits ?? []),
    ];
    changes.push({
      op: 'edit',
      file,
      edits: edits.sort((a, b) => a.start[0] - b.start[0] || a.start[1] - b.start[1]),
    });
  }
  sortFacts(facts);
  return { changes, facts };
}

/** Both functions resolved, and every reference of the old one read; undefined when one is not. */
async function readFunctionsAndSites(
  workspace: PythonWorkspace,
  reader: FileTextReader,
  args: ReplaceCallsArgs,
  probe: PythonProbe | undefined,
  facts: ReplaceCallsFacts,
  signal?: AbortSignal,
): Promise<
  | {
      from: PythonFunction;
      to: PythonFunction;
      sites: PythonSite[];
      files: Record<string, PythonFileSummary>;
    }
  | undefined
> {
  const resolved: Partial<Record<'from' | 'to', PythonFunction>> = {};
  for (const role of ['from', 'to'] as const) {
    const found = await resolvePythonFunction(workspace, args, role, probe, signal);
    if ('reason' in found) {
      facts.unresolved.push({
        role,
        name: args[role].name,
        kind: found.kind,
        detail: found.reason,
      });
    } else {
      resolved[role] = found;
      facts[role] = found.facts;
    }
  }
  const { from, to } = resolved;
  if (from === undefined || to === undefined) return undefined;
  let pending = (await referencesOf(workspace, reader, from.at, from.name, signal)).map((r) => ({
    ...r,
    name: from.name,
  }));
  const seen = new Set<string>();
  const sites: PythonSite[] = [];
  let files: Record<string, PythonFileSummary> = {};
  const candidates = [to.name, ...(to.module ? [to.module.split('.')[0] as string] : [])];
  for (let depth = 0; depth <= MAX_ALIAS_DEPTH && pending.length > 0; depth += 1) {
    const fresh = pending.filter((p) => !seen.has(`${p.file}:${p.line}:${p.column}`));
    for (const p of fresh) seen.add(`${p.file}:${p.line}:${p.column}`);
    const read = await readPythonSites(workspace, fresh, candidates, signal);
    sites.push(...read.sites);
    files = { ...files, ...read.files };
    pending = [];
    for (const site of read.sites) {
      if (site.role !== 'import' || site.alias === undefined) continue;
      const alias = { file: site.file, line: site.alias.line, column: site.alias.column };
      const name = site.alias.name;
      pending.push(
        ...(await referencesOf(workspace, reader, alias, name, signal)).map((r) => ({
          ...r,
          name,
        })),
      );
    }
  }
  // The summaries must cover every file with calls, whichever round found them.
  const missing = sites.filter(
    (s) => (s.role === 'call' || s.role === 'qualified-call') && files[s.file] === undefined,
  );
  if (missing.length > 0) {
    files = { ...files, ...(await readPythonSites(workspace, missing, candidates, signal)).files };
  }
  return { from, to, sites, files };
}

/** pyright's references of the name at `at` in workspace sources (the probe left out). */
async function referencesOf(
  workspace: PythonWorkspace,
  reader: FileTextReader,
  at: SourcePosition,
  name: string,
  signal?: AbortSignal,
): Promise<Array<SourcePosition & { length: number }>> {
  if (at.file !== PYTHON_PROBE_FILE)
    return findReferenceLocations(workspace, reader, at, name, signal);
  const uri = await workspace.openFile(PYTHON_PROBE_FILE, signal);
  const locations = await workspace.session.request<Location[] | null>(
    'textDocument/references',
    {
      textDocument: { uri },
      position: { line: at.line - 1, character: at.column - 1 },
      context: { includeDeclaration: false },
    },
    signal,
  );
  const probeUri = toFileUri(workspace.root, PYTHON_PROBE_FILE);
  return toNameRanges(
    workspace.root,
    reader,
    (locations ?? []).filter((l) => l.uri !== probeUri),
    name,
  );
}

function sortFacts(facts: ReplaceCallsFacts): void {
  type At = { file: string; line: number; column: number };
  const order = (a: At, b: At) =>
    compareText(a.file, b.file) || a.line - b.line || a.column - b.column;
  for (const list of [
    facts.calls,
    facts.mismatches,
    facts.unchecked,
    facts.collisions,
    facts.leftAlone,
    facts.imports.added,
    facts.imports.removed,
  ] as At[][]) {
    list.sort(order);
  }
}
