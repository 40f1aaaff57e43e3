import type { z } from 'zod';
import type { ComputedEdits, TransformTarget } from '../core/services.js';
import type { PythonWorkspace } from '../lang/python/engine/python-workspace.js';
import type { WorkspaceProject } from '../lang/typescript/engine/workspace-project.js';

/** A transform's TS/JS half, on the loaded LanguageService project (called one at a time). */
export type TypeScriptHalf<Args> = (
  project: WorkspaceProject,
  target: TransformTarget,
  args: Args,
  signal?: AbortSignal,
) => ComputedEdits | Promise<ComputedEdits>;

/** A transform's Python half, on the pyright workspace. */
export type PythonHalf<Args> = (
  workspace: PythonWorkspace,
  target: TransformTarget,
  args: Args,
  signal?: AbortSignal,
) => Promise<ComputedEdits>;

/**
 * A transform's language half: what it asks each language server for, run inside the
 * `dependency_graph` server by its one `compute_edits` tool. Never imported by the phases.
 * The halves take args `compute_edits` has already validated with `argsSchema`.
 */
export interface LanguageHalf {
  readonly kind: string;
  /** Validates `compute_edits` args; a mismatch is `BAD_INPUT` naming the field. */
  readonly argsSchema: z.ZodType;
  readonly typescript?: TypeScriptHalf<unknown>;
  readonly python?: PythonHalf<unknown>;
}

/** How a transform declares its language half, with its args' type. */
export interface LanguageHalfDefinition<Args> {
  readonly kind: string;
  readonly argsSchema: z.ZodType<Args>;
  /**
   * Loads the TS/JS half, on its first call: it pulls in the compiler (~0.5 s to compile at
   * every server start), which a Python workspace never needs.
   */
  readonly loadTypeScript?: () => Promise<TypeScriptHalf<Args>>;
  readonly python?: PythonHalf<Args>;
}

/**
 * The {@link LanguageHalf} of `definition`: its TypeScript half loaded once, on first use; both
 * halves called with the args `argsSchema` parsed (the only way `compute_edits` calls them).
 */
export function defineLanguageHalf<Args>(definition: LanguageHalfDefinition<Args>): LanguageHalf {
  const { kind, argsSchema, loadTypeScript, python } = definition;
  let loaded: Promise<TypeScriptHalf<Args>> | undefined;
  return {
    kind,
    argsSchema,
    ...(loadTypeScript
      ? {
          typescript: async (project, target, args, signal) => {
            loaded ??= loadTypeScript();
            return (await loaded)(project, target, args as Args, signal);
          },
        }
      : {}),
    ...(python
      ? {
          python: (workspace, target, args, signal) =>
            python(workspace, target, args as Args, signal),
        }
      : {}),
  };
}
