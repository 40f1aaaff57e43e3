import type { ComputedEdits } from '../../../core/services.js';
import type { WorkspaceProject } from '../../../lang/typescript/engine/workspace-project.js';
import {
  findNamedFunction,
  type NamedFunction,
} from '../../../lang/typescript/queries/function-like-at.js';
import { findNameNodeAt, toProgramLocation } from '../../../lang/typescript/queries/positions.js';
import { collectTypeScriptCalls } from './calls.typescript.js';
import type { SignatureVerifyArgs } from './contract.js';
import { toTypeScriptShape } from './family.typescript.js';
import { toVerifyFacts } from './verify-facts.js';

/** Mode `verify` on the LanguageService: the declarations' parameters and the calls, in the changed tree. */
export function verifySignatureTypeScript(
  project: WorkspaceProject,
  args: SignatureVerifyArgs,
): ComputedEdits {
  const named = args.declarations.map((at): NamedFunction | undefined => {
    const { sourceFile, offset } = toProgramLocation(project, at);
    const node = findNameNodeAt(sourceFile, offset);
    const found = node === undefined ? undefined : findNamedFunction(node);
    return found !== undefined && 'fn' in found ? found : undefined;
  });
  const shapes = named.map((n) =>
    n === undefined ? undefined : toTypeScriptShape(project, n, 'target'),
  );
  const members = named.filter((n): n is NamedFunction => n !== undefined);
  const found = members.map((n) => toTypeScriptShape(project, n, 'target'));
  const { calls } = collectTypeScriptCalls(project, members, found, []);
  return {
    changes: [],
    facts: { ...toVerifyFacts(args.declarations, shapes, calls, found, args.name) },
  };
}
