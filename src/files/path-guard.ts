import { OrchestratorError } from '../core/errors.js';

/**
 * Checks that `file` is a plain workspace-relative POSIX path (`src/a.ts`): not absolute, no
 * `..`, `.` or empty segment, no backslash or NUL, nothing in `.git/`.
 * @returns its segments.
 * @throws PATH_OUTSIDE_WORKSPACE for an absolute path or `..`; UNSAFE_PATH for the rest.
 */
export function validateWorkspacePath(file: string): string[] {
  const quoted = JSON.stringify(file);
  if (file.startsWith('/') || /^[A-Za-z]:/.test(file)) {
    throw refuse('PATH_OUTSIDE_WORKSPACE', file, `${quoted} is an absolute path`);
  }
  const segments = file.split('/');
  if (segments.includes('..')) {
    throw refuse('PATH_OUTSIDE_WORKSPACE', file, `${quoted} climbs out with ".."`);
  }
  if (file.includes('\\') || file.includes('\0')) {
    throw refuse('UNSAFE_PATH', file, `${quoted} holds a backslash or a NUL character`);
  }
  if (segments.some((segment) => segment === '' || segment === '.')) {
    throw refuse('UNSAFE_PATH', file, `${quoted} has an empty or "." segment`);
  }
  if (segments.some((segment) => segment.toLowerCase() === '.git')) {
    throw refuse('UNSAFE_PATH', file, `${quoted} is inside .git/, which a change never touches`);
  }
  return segments;
}

function refuse(
  code: 'PATH_OUTSIDE_WORKSPACE' | 'UNSAFE_PATH',
  file: string,
  what: string,
): OrchestratorError {
  return new OrchestratorError(
    code,
    `${what}. Name files by their path relative to the workspace root, with "/" between folders (like "src/app.ts").`,
    { data: { file } },
  );
}
