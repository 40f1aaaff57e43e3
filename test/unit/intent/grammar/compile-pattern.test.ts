import { describe, expect, it } from 'vitest';
import { compilePatterns } from '../../../../src/intent/grammar/compile-pattern.js';
import { BUILT_IN_FRAGMENTS } from '../../../../src/intent/grammar/fragments.js';

const compile = (pattern: string, fragments: Record<string, string> = {}) =>
  compilePatterns([pattern], { ...BUILT_IN_FRAGMENTS, ...fragments })[0];

describe('the form language', () => {
  it('compiles words, arrows, punctuation, groups, options, slots and fragments', () => {
    expect(
      compile("rename [the] {old:symbol} (to|->) {new:newname} '.' <x>", { x: 'now' }),
    ).toEqual({
      type: 'seq',
      items: [
        { type: 'word', word: 'rename' },
        { type: 'optional', node: { type: 'word', word: 'the' } },
        { type: 'slot', name: 'old', slot: 'symbol' },
        { type: 'alt', options: [{ type: 'word', word: 'to' }, { type: 'arrow' }] },
        { type: 'slot', name: 'new', slot: 'newname' },
        { type: 'punct', char: '.' },
        { type: 'word', word: 'now' },
      ],
    });
    expect(compile('{path}')).toEqual({ type: 'slot', name: 'path', slot: 'path' });
  });

  it('throws on a pattern that does not compile: a bug, caught by the tests', () => {
    expect(() => compile('rename (to')).toThrow(/"\(" is not closed/);
    expect(() => compile('{old:colour}')).toThrow(/bad slot/);
    expect(() => compile('<nowhere>')).toThrow(/<nowhere> is not defined/);
    expect(() => compile('<a>', { a: 'x <a>' })).toThrow(/refers to itself/);
    expect(() => compile('rename ) x')).toThrow(/unexpected "\)"/);
  });
});
