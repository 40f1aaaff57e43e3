import { describe, expect, it } from 'vitest';
import { toEncodingSpec } from '../../../src/files/encoding-table.js';

describe('toEncodingSpec', () => {
  it.each([
    ['utf-8', 'utf-8'],
    ['UTF8', 'utf-8'],
    ['utf_8', 'utf-8'],
    ['utf-8-unix', 'utf-8'],
    ['utf-8-sig', 'utf-8'],
    ['latin-1', 'latin-1'],
    ['Latin_1', 'latin-1'],
    ['iso-8859-1', 'latin-1'],
    ['ISO8859-1', 'latin-1'],
    ['latin-1-dos', 'latin-1'],
    ['l1', 'latin-1'],
    ['iso-8859-15', 'iso8859-15'],
    ['latin9', 'iso8859-15'],
    ['ISO_8859-2', 'iso8859-2'],
    ['cp1251', 'cp1251'],
    ['mac_roman', 'mac-roman'],
    ['cp1252', 'cp1252'],
    ['windows-1252', 'cp1252'],
    ['ascii', 'ascii'],
    ['koi8_r', 'koi8-r'],
  ])('resolves the cookie name %s to %s', (declared, name) => {
    expect(toEncodingSpec(declared)?.name).toBe(name);
  });

  it.each(['klingon', 'shift_jis', 'euc-jp', 'gbk', 'utf-16', ''])(
    'knows no byte-for-byte encoding called "%s"',
    (declared) => {
      expect(toEncodingSpec(declared)).toBeUndefined();
    },
  );
});
