import type { z } from 'zod';

/** Renders zod issues as `field.path: message` lines, for error messages that name the field. */
export function toIssueList(error: z.ZodError, prefix = ''): string[] {
  return error.issues.map((issue) => {
    const field = issue.path
      .map((part, index) =>
        typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
      )
      .join('');
    const name = `${prefix}${field}` || '(root)';
    return `${name}: ${issue.message}`;
  });
}
