import { describe, expect, it } from 'vitest';
import { clipLineText, clipText } from '../../../../src/servers/shared/clip-line-text.js';

describe('clipLineText', () => {
  it('returns a short line whole, without a clip marker', () => {
    expect(clipLineText('const a = 1;', 7, 1, 100)).toEqual({ lineText: 'const a = 1;' });
  });

  it('returns a window centred on the match and says where it starts', () => {
    const line = `${'a'.repeat(1000)}MATCH${'b'.repeat(1000)}`;
    const { lineText, clipped } = clipLineText(line, 1001, 5, 105);
    expect(lineText).toBe(`${'a'.repeat(50)}MATCH${'b'.repeat(50)}`);
    expect(clipped).toEqual({ lineStart: 951, lineLength: 2005 });
  });

  it('keeps the window inside the line at its start and end', () => {
    const line = `MATCH${'b'.repeat(1000)}`;
    expect(clipLineText(line, 1, 5, 20).clipped?.lineStart).toBe(1);
    const tail = `${'a'.repeat(1000)}MATCH`;
    const { lineText, clipped } = clipLineText(tail, 1001, 5, 20);
    expect(lineText.endsWith('MATCH')).toBe(true);
    expect(clipped?.lineStart).toBe(986);
  });

  it('starts the window at a match longer than the window', () => {
    const line = `${'a'.repeat(100)}${'M'.repeat(500)}`;
    expect(clipLineText(line, 101, 500, 50)).toEqual({
      lineText: 'M'.repeat(50),
      clipped: { lineStart: 101, lineLength: 600 },
    });
  });

  it('never splits a surrogate pair, wherever the window falls', () => {
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    const line = '😀'.repeat(100);
    for (let column = 1; column <= 200; column += 1) {
      for (const maxLength of [10, 11]) {
        const { lineText, clipped } = clipLineText(line, column, 2, maxLength);
        expect(lineText, `column ${column}`).not.toMatch(lone);
        expect(line.slice((clipped?.lineStart ?? 1) - 1).startsWith(lineText)).toBe(true);
      }
    }
    expect(clipText(line, 5)).toBe('😀😀');
  });
});
