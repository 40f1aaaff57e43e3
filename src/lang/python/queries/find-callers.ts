import type {
  CallHierarchyIncomingCall,
  CallHierarchyItem,
  CallHierarchyOutgoingCall,
} from 'vscode-languageserver-protocol';
import type { CallSite, SourcePosition } from '../../../core/source-types.js';
import { comparePositions, toSymbolKind } from '../engine/lsp-locations.js';
import type { PythonWorkspace } from '../engine/python-workspace.js';
import { toWorkspaceSource } from './find-reference-locations.js';

/** A function the function at a position calls, and where. */
export interface OutgoingCall {
  name: string;
  kind: string;
  /** Workspace file of the callee; absent for library and builtin callees. */
  file?: string;
  line?: number;
  column?: number;
  /** Call sites inside the caller. */
  callSites: SourcePosition[];
}

async function prepare(
  workspace: PythonWorkspace,
  at: SourcePosition,
  signal?: AbortSignal,
): Promise<CallHierarchyItem[]> {
  const params = await workspace.openPosition(workspace.resolvePosition(at), signal);
  const items = await workspace.session.request<CallHierarchyItem[] | null>(
    'textDocument/prepareCallHierarchy',
    params,
    signal,
  );
  return items ?? [];
}

/** Call sites of the function or method at `at` in workspace files, sorted by position. */
export async function findCallers(
  workspace: PythonWorkspace,
  at: SourcePosition,
  signal?: AbortSignal,
): Promise<CallSite[]> {
  if (!(await workspace.hasPythonFiles(signal))) return [];
  const sites = new Map<string, CallSite>();
  for (const item of await prepare(workspace, at, signal)) {
    const calls = await workspace.session.request<CallHierarchyIncomingCall[] | null>(
      'callHierarchy/incomingCalls',
      { item },
      signal,
    );
    for (const call of calls ?? []) {
      const file = toWorkspaceSource(workspace.root, call.from.uri);
      if (file === undefined) continue;
      for (const range of call.fromRanges) {
        const site: CallSite = {
          file,
          line: range.start.line + 1,
          column: range.start.character + 1,
          callerName: toCallerName(call.from),
          callerFile: file,
          callerLine: call.from.selectionRange.start.line + 1,
        };
        sites.set(`${file}:${site.line}:${site.column}`, site);
      }
    }
  }
  return [...sites.values()].sort(comparePositions);
}

/** The calling function's name; `<module>` for module-level code (pyright says `(module) x.py`). */
function toCallerName(item: CallHierarchyItem): string {
  return item.kind === 2 || item.kind === 1 || item.name.startsWith('(module)')
    ? '<module>'
    : item.name;
}

/** What the function at `at` calls (library callees included, without a file). */
export async function findOutgoingCalls(
  workspace: PythonWorkspace,
  at: SourcePosition,
  signal?: AbortSignal,
): Promise<OutgoingCall[]> {
  if (!(await workspace.hasPythonFiles(signal))) return [];
  const result: OutgoingCall[] = [];
  for (const item of await prepare(workspace, at, signal)) {
    const callerFile = toWorkspaceSource(workspace.root, item.uri) ?? at.file;
    const calls = await workspace.session.request<CallHierarchyOutgoingCall[] | null>(
      'callHierarchy/outgoingCalls',
      { item },
      signal,
    );
    for (const call of calls ?? []) {
      const file = toWorkspaceSource(workspace.root, call.to.uri);
      const start = call.to.selectionRange.start;
      result.push({
        name: call.to.name,
        kind: toSymbolKind(call.to.kind, call.to.name),
        ...(file === undefined ? {} : { file, line: start.line + 1, column: start.character + 1 }),
        callSites: call.fromRanges
          .map((range) => ({
            file: callerFile,
            line: range.start.line + 1,
            column: range.start.character + 1,
          }))
          .sort(comparePositions),
      });
    }
  }
  const firstSite = (call: OutgoingCall) => call.callSites[0] ?? { file: '', line: 0, column: 0 };
  return result.sort(
    (a, b) => comparePositions(firstSite(a), firstSite(b)) || (a.name < b.name ? -1 : 1),
  );
}
