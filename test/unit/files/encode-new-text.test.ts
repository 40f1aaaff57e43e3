import { describe, expect, it } from 'vitest';
import { encodeNewText } from '../../../src/files/encode-new-text.js';

describe('encodeNewText', () => {
  it('writes new files as UTF-8, a leading U+FEFF as a byte order mark', () => {
    expect(encodeNewText('a.ts', 'é')).toEqual(Buffer.from([0xc3, 0xa9]));
    expect(encodeNewText('a.ts', '\ufeffa')).toEqual(Buffer.from([0xef, 0xbb, 0xbf, 0x61]));
  });

  it('writes a new Python file in the encoding its own cookie declares', () => {
    const text = '# -*- coding: latin-1 -*-\ns = "café"\n';
    expect(Buffer.from(encodeNewText('pkg/new.py', text))).toEqual(Buffer.from(text, 'latin1'));
  });

  it('refuses text its declared encoding cannot represent, or an unknown encoding', () => {
    expect(() => encodeNewText('pkg/new.py', '# coding: latin-1\ns = "→"\n')).toThrow(
      'pkg/new.py is latin-1, which cannot represent "→" (U+2192) in its text.',
    );
    expect(() => encodeNewText('pkg/new.py', '# coding: klingon\n')).toThrow(
      'The text of new file pkg/new.py declares encoding "klingon" on line 1',
    );
  });
});
