import { describe, expect, it } from 'vitest';
import type { IntentBase } from '../../../src/core/intent.js';
import { GRAMMARS } from '../../../src/intent/all-grammars.js';
import { readGrammarIntent } from '../../../src/intent/read-grammar-intent.js';
import { INTENT_RULES, TRANSFORM_KINDS } from '../../../src/transforms/intent-rules.js';
import { TRANSFORMS } from '../../../src/transforms/registry.js';
import type { Transform } from '../../../src/transforms/transform.js';

/** Files the examples name, as a workspace would track them. */
const EXAMPLE_FILES = [
  'app/parsing.py',
  'app/utils.py',
  'pkg/errors.py',
  'risk/__init__.py',
  'risk/management.py',
  'src/api.ts',
];

/** Every example the grammars show, read as the command line reads it, with its transform. */
function exampleIntents(): { example: string; intent: IntentBase; transform: Transform }[] {
  return GRAMMARS.flatMap((grammar) =>
    grammar.usage.flatMap((line) => {
      const transform = TRANSFORMS[grammar.kind as keyof typeof TRANSFORMS] as
        | Transform
        | undefined;
      if (!transform) return [];
      return [{ example: line.example, intent: readGrammarIntent(line.example), transform }];
    }),
  );
}

describe('INTENT_RULES', () => {
  it('lists exactly the kinds the registry has, in its order', () => {
    expect([...TRANSFORM_KINDS]).toEqual(Object.keys(TRANSFORMS));
  });

  it("holds each transform's own validateIntent", () => {
    for (const [kind, transform] of Object.entries(TRANSFORMS))
      expect(INTENT_RULES[kind]?.validate, kind).toBe(transform.validateIntent);
  });

  it('every landed kind has an example to check the rules below on', () => {
    const kinds = new Set(exampleIntents().map((entry) => entry.intent.kind));
    expect([...kinds].sort()).toEqual([...TRANSFORM_KINDS].sort());
  });

  it('names the paths the example commands name, and none for the others', () => {
    const named: Record<string, unknown> = {
      'rename the exception class ParseFailure (pkg/errors.py) to ParsingFailure': [
        { words: 'in pkg/errors.py', path: 'pkg/errors.py' },
      ],
      'make module risk/management.py async': [
        { words: 'module risk/management.py', path: 'risk/management.py' },
      ],
      'move parse_row from app/utils.py to app/parsing.py': [
        { words: 'from app/utils.py', path: 'app/utils.py' },
      ],
      'remove unused imports in src/': [{ words: 'in src', path: 'src' }],
    };
    for (const { example, intent } of exampleIntents()) {
      expect(INTENT_RULES[intent.kind]?.namedPaths?.(intent) ?? [], example).toEqual(
        named[example] ?? [],
      );
    }
  });

  it('names the symbols MAP refuses when undeclared (the search request), for every example', () => {
    for (const { example, intent, transform } of exampleIntents()) {
      const request = transform.search(intent, { trackedFiles: EXAMPLE_FILES });
      expect(INTENT_RULES[intent.kind]?.namedSymbols?.(intent) ?? [], example).toEqual(
        request.symbols ?? [],
      );
    }
  });
});
