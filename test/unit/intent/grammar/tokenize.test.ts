import { describe, expect, it } from 'vitest';
import { normaliseCommand, tokenize } from '../../../../src/intent/grammar/tokenize.js';

const shapes = (text: string) => {
  const result = tokenize(normaliseCommand(text));
  if ('problem' in result) throw new Error(result.problem);
  return result.tokens.map((t) =>
    t.type === 'chunk' ? `${t.shape}:${t.text}${t.quote ?? ''}` : `${t.type}:${t.text}`,
  );
};

const problem = (text: string) => {
  const result = tokenize(normaliseCommand(text));
  return 'problem' in result ? result.problem : undefined;
};

describe('tokenize', () => {
  it('reads names, qualified names, paths, numbers and words with apostrophes', () => {
    expect(shapes("Let's rename Foo::bar and a.b in ./src/x.py to 30 or -1.5")).toEqual([
      "word:Let's",
      'identifier:rename',
      'qualified:Foo::bar',
      'identifier:and',
      'qualified:a.b',
      'identifier:in',
      'path:./src/x.py',
      'identifier:to',
      'number:30',
      'identifier:or',
      'number:-1.5',
    ]);
  });

  it('takes a sentence-ending dot off a name, and arrows apart from the names they join', () => {
    expect(shapes('rename a->b. rename c → d => e')).toEqual([
      'identifier:rename',
      'identifier:a',
      'arrow:->',
      'identifier:b',
      'punct:.',
      'identifier:rename',
      'identifier:c',
      'arrow:→',
      'identifier:d',
      'arrow:=>',
      'identifier:e',
    ]);
  });

  it('makes a quoted name one quoted chunk, keeps a call’s parentheses, and quoted words one text', () => {
    expect(shapes('`getUser()` "risk management" ‘x’ “y”')).toEqual([
      'identifier:getUser`',
      'punct:(',
      'punct:)',
      'text:risk management',
      "identifier:x'",
      'identifier:y"',
    ]);
  });

  it('refuses shell syntax, unclosed quotes and backticks around more than a name', () => {
    expect(problem('rename a to b; rm -rf ~')).toBe('holds shell syntax ("; rm -rf ~")');
    expect(problem('rename a to b && c')).toMatch(/^holds shell syntax/);
    expect(problem('rename a to b | c')).toMatch(/^holds shell syntax/);
    expect(problem('rename a to $(id)')).toMatch(/^holds shell syntax/);
    // `<` and `>` are punctuation (types: `Array<string>`); no form places them anywhere else.
    expect(problem('rename a to b > f')).toBeUndefined();
    expect(problem('rename "a to b')).toMatch(/^has an unclosed quote/);
    expect(problem('rename `rm -rf` to b')).toBe(
      'has backticks around more than a name ("`rm -rf`")',
    );
    expect(problem('rename $el to $element')).toBeUndefined();
  });
});
