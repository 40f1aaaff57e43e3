import type { CompileSetting } from '../../core/plan/plan-schema.js';
import type { WorkspaceFiles } from '../../core/services.js';
import type { LanguageId } from '../../core/source-types.js';

/**
 * How the changed tree is compiled: `py_compile` for Python; `tsc -p tsconfig.json` when the
 * workspace has one; otherwise nothing, with the reason.
 */
export async function chooseCompile(
  language: LanguageId,
  files: Pick<WorkspaceFiles, 'readText'>,
): Promise<CompileSetting> {
  if (language === 'python') return { kind: 'py_compile' };
  const hasConfig = await files.readText('tsconfig.json').then(
    () => true,
    () => false,
  );
  return hasConfig
    ? { kind: 'tsc', config: 'tsconfig.json' }
    : { kind: 'none', reason: 'the workspace has no tsconfig.json' };
}
