import type { SourcePosition } from '../../core/source-types.js';
import type { RunToolOptions } from '../shared/tool-result.js';
import type { WorkspaceFileFilter } from '../shared/workspace-file-filter.js';
import { resolveWorkspacePath } from '../shared/workspace-path.js';
import type { AdapterRegistry } from './adapter-registry.js';

/** What every dependency_graph tool needs. */
export interface ToolContext {
  /** Workspace root (a real path). */
  root: string;
  registry: AdapterRegistry;
  /** Keeps results in files whose real path is inside the root. */
  filter: WorkspaceFileFilter;
  replyLimits: RunToolOptions;
}

/** Validates a tool's `{file, line, column}` (the file must be inside the root). */
export function toSourcePosition(
  root: string,
  input: { file: string; line: number; column: number },
): SourcePosition {
  const { relative } = resolveWorkspacePath(root, input.file);
  return { file: relative, line: input.line, column: input.column };
}

/** Ordinal order by file, line, column: the order every tool returns. */
export function comparePositions(a: SourcePosition, b: SourcePosition): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}
