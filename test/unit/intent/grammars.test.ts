import { describe, expect, it } from 'vitest';
import { GRAMMARS } from '../../../src/intent/all-grammars.js';
import { INTENT_KINDS } from '../../../src/intent/all-intents.js';
import {
  describeCommandForms,
  isKindAvailable,
  SUPPORTED_FORMS,
} from '../../../src/intent/command-forms.js';
import { compileGrammars } from '../../../src/intent/grammar/compile-grammars.js';
import { parseIntent } from '../../../src/intent/parse-intent.js';
import { TRANSFORMS } from '../../../src/transforms/registry.js';

describe("every kind's grammar", () => {
  it('exists for every intent kind, and for every landed transform', () => {
    expect(GRAMMARS.map((g) => g.kind)).toEqual(INTENT_KINDS);
    for (const kind of Object.keys(TRANSFORMS)) expect(INTENT_KINDS).toContain(kind);
  });

  it('compiles', () => {
    expect(compileGrammars(GRAMMARS).forms.length).toBeGreaterThan(30);
  });

  it('reads each of its help examples as its own kind', () => {
    for (const grammar of GRAMMARS) {
      for (const line of grammar.usage) expect(parseIntent(line.example).kind).toBe(grammar.kind);
    }
  });

  it('shows every form in --help and in refusals, saying which kinds cannot run yet', () => {
    const help = describeCommandForms();
    for (const grammar of GRAMMARS) {
      for (const line of grammar.usage) expect(help).toContain(line.example);
    }
    for (const grammar of GRAMMARS) {
      for (const line of grammar.usage) {
        const shown = SUPPORTED_FORMS.find((form) => form.startsWith(`${line.usage} `));
        expect(shown?.endsWith('(not available yet)')).toBe(!isKindAvailable(grammar.kind));
      }
    }
  });
});
