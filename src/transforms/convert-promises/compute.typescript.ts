import type { ComputedEdits, TransformTarget } from '../../core/services.js';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import type { ConvertPromisesArgs } from './contract.js';
import { convertPromises } from './convert.typescript.js';
import { verifyConverted } from './verify.typescript.js';

/**
 * convert_promises' TypeScript half: the conversion (`mode: 'convert'`, of the files or of the
 * one function the args name; without either, of the target's file) or REVIEW's check of a
 * changed tree (`mode: 'verify'`, with the changed files as the call's overlay).
 */
export async function computeConvertPromisesTypeScript(
  project: WorkspaceProject,
  target: TransformTarget,
  args: ConvertPromisesArgs,
  signal?: AbortSignal,
): Promise<ComputedEdits> {
  if (args.mode === 'verify') return verifyConverted(project, args.functions);
  if (args.function !== undefined) return convertPromises(project, { at: args.function }, signal);
  return convertPromises(project, { files: args.files ?? [target.file] }, signal);
}
