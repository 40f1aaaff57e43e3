import { describe, expect, it } from 'vitest';
import { toNewErrors } from '../../../src/phases/execute/new-diagnostics.js';
import { diagnostic } from '../../fixtures/phases/fake-diagnostics.js';

const UNDEFINED_NAME = diagnostic('src/app.ts:3:13', 'TS2304', "Cannot find name 'getUser'.");
const MISSING_EXPORT = diagnostic(
  'src/app.ts:1:10',
  'TS2305',
  "Module './users.js' has no exported member 'fetchUser'.",
);

describe('toNewErrors', () => {
  it('finds nothing new when the changed tree has the errors of the base', () => {
    expect(toNewErrors([UNDEFINED_NAME, MISSING_EXPORT], [MISSING_EXPORT, UNDEFINED_NAME])).toEqual(
      [],
    );
  });

  it('returns an error the base does not have', () => {
    expect(toNewErrors([UNDEFINED_NAME], [UNDEFINED_NAME, MISSING_EXPORT])).toEqual([
      MISSING_EXPORT,
    ]);
  });

  it('still matches an error the edits shifted to another line and column', () => {
    const shifted = { ...UNDEFINED_NAME, line: 7, column: 2 };
    expect(toNewErrors([UNDEFINED_NAME], [shifted])).toEqual([]);
  });

  it('counts a second identical error as new (the base had only one)', () => {
    const second = { ...UNDEFINED_NAME, line: 4 };
    expect(toNewErrors([UNDEFINED_NAME], [UNDEFINED_NAME, second])).toEqual([second]);
  });

  it('tells errors apart by file, code and message', () => {
    const otherFile = { ...UNDEFINED_NAME, file: 'src/users.ts' };
    const otherCode = { ...UNDEFINED_NAME, code: 'TS2552' };
    const otherMessage = { ...UNDEFINED_NAME, message: "Cannot find name 'fetchUser'." };
    expect(toNewErrors([UNDEFINED_NAME], [otherFile, otherCode, otherMessage])).toEqual([
      otherFile,
      otherCode,
      otherMessage,
    ]);
  });

  it('never fails on a warning, new or not', () => {
    const warning = { ...MISSING_EXPORT, severity: 'warning' as const };
    expect(toNewErrors([], [warning])).toEqual([]);
  });

  it('does not let a warning at the base excuse the same error after the change', () => {
    const warningAtBase = { ...UNDEFINED_NAME, severity: 'warning' as const };
    expect(toNewErrors([warningAtBase], [UNDEFINED_NAME])).toEqual([UNDEFINED_NAME]);
  });

  it("compares a moved file's errors under its old name", () => {
    const atBase = diagnostic('pkg/old.py:2:5', 'reportUndefinedVariable', '"x" is not defined');
    const afterMove = { ...atBase, file: 'pkg/new.py' };
    const renamed = new Map([['pkg/new.py', 'pkg/old.py']]);
    expect(toNewErrors([atBase], [afterMove], renamed)).toEqual([]);
    expect(toNewErrors([atBase], [afterMove])).toEqual([afterMove]);
  });
});
