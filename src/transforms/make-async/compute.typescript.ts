import type { ComputedEdits, TransformTarget } from '../../core/services.js';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import { requirePosition } from '../require-position.js';
import type { MakeAsyncArgs } from './contract.js';
import { convertMakeAsync } from './convert.typescript.js';
import { verifyMakeAsync } from './verify.typescript.js';

/**
 * make_async's TS/JS language half, on the workspace's LanguageService: `mode: 'convert'`
 * computes the closure, boundaries and edits from the roots (`args.roots`, else the target's
 * position) and/or the module's files (`args.files`); `mode: 'verify'`, run on the changed tree
 * (the call's overlay), lists the calls of the converted functions nothing awaits.
 */
export function computeMakeAsyncTypeScript(
  project: WorkspaceProject,
  target: TransformTarget,
  args: MakeAsyncArgs,
  signal?: AbortSignal,
): ComputedEdits {
  if (args.mode === 'verify') {
    return { changes: [], facts: verifyMakeAsync(project, args.functions, signal) };
  }
  const files = args.files ?? [];
  const roots = args.roots ?? (files.length > 0 ? [] : [requirePosition(target, 'make_async')]);
  return convertMakeAsync(project, { roots, files }, signal);
}
