import type { EditFileChange, RangeEdit } from '../../core/change/change-types.js';
import type { ComputedEdits, TransformTarget } from '../../core/services.js';
import { compareText } from '../../core/whole-word.js';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import {
  lineTextAt,
  toLineColumn,
  toPositionTuple,
} from '../../lang/typescript/queries/positions.js';
import ts from '../../lang/typescript/typescript.js';
import { checkArguments } from './arguments.typescript.js';
import {
  emptyReplaceCallsFacts,
  type ReplaceCallsArgs,
  type ReplaceCallsFacts,
} from './contract.js';
import { toImportEdits } from './imports.typescript.js';
import {
  PROBE_FILE,
  type Probe,
  resolveFunction,
  type TsFunction,
  toProbe,
} from './resolve.typescript.js';
import { isExported, type TsImportNeed, toReplacement } from './scope.typescript.js';
import { findCallSites, type TsCall } from './sites.typescript.js';

/**
 * replace_calls on the TypeScript LanguageService: resolves both functions (library names
 * through a probe file shown to the LanguageService only), finds every call of the old one,
 * asks the checker whether each call's arguments fit the new one, and writes the callee
 * replacements with the imports they need and the import bindings they free.
 */
export async function computeReplaceCallsTypeScript(
  project: WorkspaceProject,
  _target: TransformTarget,
  args: ReplaceCallsArgs,
): Promise<ComputedEdits> {
  const probe = toProbe(args);
  if (probe === undefined) return compute(project, args, undefined);
  return project.withOverlay(new Map([[PROBE_FILE, probe.text]]), () =>
    compute(project, args, probe),
  );
}

function compute(
  project: WorkspaceProject,
  args: ReplaceCallsArgs,
  probe: Probe | undefined,
): ComputedEdits {
  const facts = emptyReplaceCallsFacts();
  const resolved: Partial<Record<'from' | 'to', TsFunction>> = {};
  for (const role of ['from', 'to'] as const) {
    const found = resolveFunction(project, args, role, probe);
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
  if (from === undefined || to === undefined) return { changes: [], facts };
  const checker = project.program().getTypeChecker();
  const { calls, nonCalls } = findCallSites(project, from);
  for (const nonCall of nonCalls) {
    const start = nonCall.node.getStart(nonCall.sourceFile);
    facts.leftAlone.push({
      file: project.toRelative(nonCall.sourceFile.fileName),
      ...toLineColumn(nonCall.sourceFile, start),
      length: nonCall.node.end - start,
      detail: nonCall.detail,
    });
  }
  const byFile = new Map<ts.SourceFile, TsCall[]>();
  for (const call of calls)
    byFile.set(call.sourceFile, [...(byFile.get(call.sourceFile) ?? []), call]);
  const changes: EditFileChange[] = [];
  for (const [sourceFile, fileCalls] of byFile) {
    const file = project.toRelative(sourceFile.fileName);
    const edits: RangeEdit[] = [];
    const consumed = new Map<ts.Symbol, number>();
    const needs = new Map<string, TsImportNeed>();
    for (const call of fileCalls) {
      const site = siteOf(file, call);
      const verdict = checkArguments(checker, call.call, to.type, to.symbol.name);
      if (verdict.kind === 'mismatch')
        facts.mismatches.push({ ...site, problems: verdict.problems });
      if (verdict.kind === 'unchecked') facts.unchecked.push({ ...site, why: verdict.why });
      const replacement = toReplacement(checker, call, to);
      if (replacement.collision !== undefined) {
        facts.collisions.push({
          file,
          line: site.line,
          column: site.column,
          name: replacement.text,
          reason: replacement.collision,
        });
      }
      if (
        replacement.need !== undefined &&
        !isExported(checker, to) &&
        to.node.getSourceFile() !== sourceFile
      ) {
        facts.unresolved.push({
          role: 'to',
          name: args.to.name,
          kind: 'not-exported',
          detail: `"${args.to.name}" is not exported from ${to.facts.file}, so ${file} cannot import it; export it first`,
        });
      }
      if (replacement.need !== undefined)
        needs.set(`${replacement.need.kind}:${replacement.need.name}`, replacement.need);
      const calleeText = call.callee.getText(sourceFile);
      for (const symbol of consumedBy(checker, call, replacement.text))
        consumed.set(symbol, (consumed.get(symbol) ?? 0) + 1);
      edits.push({
        start: toPositionTuple(sourceFile, call.callee.getStart(sourceFile)),
        end: toPositionTuple(sourceFile, call.callee.end),
        oldText: calleeText,
        newText: replacement.text,
        reason: 'call site',
      });
      facts.calls.push({ ...site, callee: calleeText, replacement: replacement.text });
    }
    const imports = toImportEdits(
      checker,
      project.program().getCompilerOptions(),
      sourceFile,
      consumed,
      [...needs.values()].filter(
        (need) => to.node.getSourceFile() !== sourceFile || need.specifier !== undefined,
      ),
    );
    edits.push(...imports.edits);
    for (const added of imports.added)
      facts.imports.added.push({ ...siteAt(file, sourceFile, added.offset), text: added.text });
    for (const removed of imports.removed)
      facts.imports.removed.push({
        ...siteAt(file, sourceFile, removed.offset),
        name: removed.name,
      });
    changes.push({
      op: 'edit',
      file,
      edits: edits.sort((a, b) => a.start[0] - b.start[0] || a.start[1] - b.start[1]),
    });
  }
  sortFacts(facts);
  const refused = facts.unresolved.length + facts.mismatches.length + facts.collisions.length > 0;
  return { changes: refused ? [] : changes.sort((a, b) => compareText(a.file, b.file)), facts };
}

/** The import bindings a replaced call stops using: its callee's name, or its module object. */
function consumedBy(checker: ts.TypeChecker, call: TsCall, replacement: string): ts.Symbol[] {
  if (call.style === 'global') return [];
  let head: ts.Expression =
    call.style === 'bare' ? call.callee : (call.qualifier?.expression as ts.Expression);
  if (call.style === 'module' && replacement.startsWith(`${head.getText(call.sourceFile)}.`))
    return [];
  while (ts.isPropertyAccessExpression(head)) head = head.expression;
  const symbol = ts.isIdentifier(head) ? checker.getSymbolAtLocation(head) : undefined;
  return symbol === undefined ? [] : [symbol];
}

function siteOf(file: string, call: TsCall) {
  return siteAt(file, call.sourceFile, call.call.getStart(call.sourceFile));
}

function siteAt(file: string, sourceFile: ts.SourceFile, offset: number) {
  return { file, ...toLineColumn(sourceFile, offset), lineText: lineTextAt(sourceFile, offset) };
}

function sortFacts(facts: ReplaceCallsFacts): void {
  const order = (
    a: { file: string; line: number; column: number },
    b: { file: string; line: number; column: number },
  ) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column;
  facts.calls.sort(order);
  facts.mismatches.sort(order);
  facts.unchecked.sort(order);
  facts.collisions.sort(order);
  facts.leftAlone.sort(order);
  facts.imports.added.sort(order);
  facts.imports.removed.sort(order);
  const seen = new Set<string>();
  facts.unresolved = facts.unresolved.filter((u) => {
    const key = `${u.role}:${u.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
