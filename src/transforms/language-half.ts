import type { z } from 'zod';
import type { ComputedEdits, TransformTarget } from '../core/services.js';
import type { PythonWorkspace } from '../lang/python/engine/python-workspace.js';
import type { WorkspaceProject } from '../lang/typescript/engine/workspace-project.js';

/**
 * A transform's language half: what it asks each language server for, run inside the
 * `dependency_graph` server by its one `compute_edits` tool. Never imported by the phases.
 */
export interface LanguageHalf {
  readonly kind: string;
  /** Validates `compute_edits` args; a mismatch is `BAD_INPUT` naming the field. */
  readonly argsSchema: z.ZodType;
  /** The TS/JS half, on the loaded LanguageService project (called one at a time). */
  readonly typescript?: (
    project: WorkspaceProject,
    target: TransformTarget,
    args: unknown,
    signal?: AbortSignal,
  ) => ComputedEdits | Promise<ComputedEdits>;
  /** The Python half, on the pyright workspace. */
  readonly python?: (
    workspace: PythonWorkspace,
    target: TransformTarget,
    args: unknown,
    signal?: AbortSignal,
  ) => Promise<ComputedEdits>;
}
