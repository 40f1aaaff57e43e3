import { describe, expect, it } from 'vitest';
import { findCodingCookie, isPythonSource } from '../../../src/files/coding-cookie.js';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'latin1');

describe('findCodingCookie', () => {
  it.each([
    [
      'an Emacs cookie on line 1',
      '# -*- coding: latin-1 -*-\nx = 1\n',
      { name: 'latin-1', line: 1 },
    ],
    ['a cookie with "="', '# coding=cp1252\n', { name: 'cp1252', line: 1 }],
    ['a Vim modeline', '# vim: set fileencoding=iso-8859-15 :\n', { name: 'iso-8859-15', line: 1 }],
    [
      'a cookie after a shebang',
      '#!/usr/bin/env python\n# coding: latin-1\n',
      { name: 'latin-1', line: 2 },
    ],
    ['a cookie after a blank line', '\r\n# coding: latin-1\r\n', { name: 'latin-1', line: 2 }],
    ['a cookie after a UTF-8 BOM', '\xef\xbb\xbf# coding: utf-8\n', { name: 'utf-8', line: 1 }],
  ])('finds %s', (_, text, cookie) => {
    expect(findCodingCookie(bytes(text))).toEqual(cookie);
  });

  it.each([
    ['no cookie', 'x = 1\n# coding: latin-1\n'],
    ['a cookie on line 3', '#!/usr/bin/env python\n\n# coding: latin-1\n'],
    ['a cookie in code, not a comment', 'coding = "latin-1"\n'],
    ['an empty file', ''],
  ])('finds none with %s', (_, text) => {
    expect(findCodingCookie(bytes(text))).toBeUndefined();
  });
});

describe('isPythonSource', () => {
  it('honours cookies only in .py and .pyi files', () => {
    expect(['a.py', 'pkg/b.pyi', 'c.pyc', 'd.txt', 'py'].map(isPythonSource)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
