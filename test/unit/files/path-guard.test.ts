import { describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../src/core/errors.js';
import { validateWorkspacePath } from '../../../src/files/path-guard.js';

function codeOf(file: string): string | undefined {
  try {
    validateWorkspacePath(file);
    return undefined;
  } catch (error) {
    if (isOrchestratorError(error)) return error.code;
    throw error;
  }
}

describe('validateWorkspacePath', () => {
  it('splits a plain relative path into its segments', () => {
    expect(validateWorkspacePath('src/ledger/core.py')).toEqual(['src', 'ledger', 'core.py']);
    expect(validateWorkspacePath('.github/ci.yml')).toEqual(['.github', 'ci.yml']);
  });

  it.each([
    ['/etc/passwd', 'PATH_OUTSIDE_WORKSPACE'],
    ['C:/Windows/win.ini', 'PATH_OUTSIDE_WORKSPACE'],
    ['../outside.py', 'PATH_OUTSIDE_WORKSPACE'],
    ['src/../../outside.py', 'PATH_OUTSIDE_WORKSPACE'],
    ['.git/config', 'UNSAFE_PATH'],
    ['sub/.GIT/hooks/pre-commit', 'UNSAFE_PATH'],
    ['src\\a.py', 'UNSAFE_PATH'],
    ['a\0.py', 'UNSAFE_PATH'],
    ['', 'UNSAFE_PATH'],
    ['src//a.py', 'UNSAFE_PATH'],
    ['./a.py', 'UNSAFE_PATH'],
    ['src/', 'UNSAFE_PATH'],
  ])('refuses %j with %s', (file, code) => {
    expect(codeOf(file)).toBe(code);
  });

  it('names the path and says how to write one', () => {
    expect(() => validateWorkspacePath('../x.py')).toThrow(
      '"../x.py" climbs out with "..". Name files by their path relative to the workspace root, with "/" between folders (like "src/app.ts").',
    );
  });
});
