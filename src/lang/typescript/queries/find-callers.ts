import type { CallSite, SourcePosition } from '../../../core/source-types.js';
import type { WorkspaceProject } from '../engine/workspace-project.js';
import { comparePositions, toLineColumn, toProgramLocation } from './positions.js';

/** The name used for calls made at the top level of a file, outside any function. */
export const MODULE_CALLER_NAME = '<module>';

/**
 * Call sites of the function or method at `at` (TypeScript's incoming call hierarchy), in
 * workspace files, sorted by file, line and column. Empty when `at` is not callable.
 */
export function findCallers(project: WorkspaceProject, at: SourcePosition): CallSite[] {
  const { sourceFile, offset } = toProgramLocation(project, at);
  const prepared = project.service.prepareCallHierarchy(sourceFile.fileName, offset);
  const items = prepared === undefined ? [] : Array.isArray(prepared) ? prepared : [prepared];
  const calls = new Map<string, CallSite>();
  for (const item of items) {
    const incoming = project.service.provideCallHierarchyIncomingCalls(
      item.file,
      item.selectionSpan.start,
    );
    for (const call of incoming) {
      if (!project.isWorkspaceFile(call.from.file)) continue;
      const callerFile = project.program().getSourceFile(call.from.file);
      if (callerFile === undefined) continue;
      const file = project.toRelative(call.from.file);
      const isModule = call.from.kind === 'module' || call.from.kind === 'script';
      for (const span of call.fromSpans) {
        const site: CallSite = {
          file,
          ...toLineColumn(callerFile, span.start),
          callerName: isModule ? MODULE_CALLER_NAME : call.from.name,
          callerFile: file,
          callerLine: toLineColumn(callerFile, call.from.selectionSpan.start).line,
        };
        calls.set(`${file}:${site.line}:${site.column}`, site);
      }
    }
  }
  return [...calls.values()].sort(comparePositions);
}
