import { z } from 'zod';
import { escapeRegex } from '../../core/whole-word.js';
import type { VerifyContext } from '../transform.js';

/** REVIEW's check that the declarations sit where the move put them. */
export const movedDeclarationsCheckSchema = z.strictObject({
  check: z.literal('moved-declarations'),
  language: z.enum(['python', 'typescript']),
  /** The named declaration first, then its helpers. */
  names: z.array(z.string().min(1)).min(1),
  from: z.string().min(1),
  to: z.string().min(1),
});

export type MovedDeclarationsCheck = z.infer<typeof movedDeclarationsCheckSchema>;

/** A top-level declaration of `name` (at the start of a line, as formatters write them). */
export function toDeclarationPattern(language: 'python' | 'typescript', name: string): RegExp {
  const word = escapeRegex(name);
  return language === 'python'
    ? new RegExp(
        String.raw`^(?:(?:async\s+)?def|class)\s+${word}\b|^${word}\s*(?::[^=\n]*)?=(?!=)`,
        'm',
      )
    : new RegExp(
        String.raw`^(?:export\s+)?(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\s*\*?|class|const|let|var|interface|type|enum)\s+${word}\b`,
        'm',
      );
}

/**
 * The problems of the changed tree: a moved declaration missing from the target module, or still
 * declared at the top of the module it left.
 */
export async function verifyMovedDeclarations(
  check: MovedDeclarationsCheck,
  context: VerifyContext,
): Promise<string[]> {
  const read = (file: string): Promise<string> =>
    context.files.readText(file, { signal: context.signal }).catch(() => '');
  const [target, source] = await Promise.all([read(check.to), read(check.from)]);
  const problems: string[] = [];
  for (const name of check.names) {
    const pattern = toDeclarationPattern(check.language, name);
    if (!pattern.test(target)) problems.push(`${check.to} does not declare ${name} after the move`);
    if (pattern.test(source)) problems.push(`${check.from} still declares ${name} after the move`);
  }
  return problems;
}
