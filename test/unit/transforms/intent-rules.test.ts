import { describe, expect, it } from 'vitest';
import { INTENT_RULES, TRANSFORM_KINDS } from '../../../src/transforms/intent-rules.js';
import { TRANSFORMS } from '../../../src/transforms/registry.js';

describe('INTENT_RULES', () => {
  it('lists exactly the kinds the registry has, in its order', () => {
    expect([...TRANSFORM_KINDS]).toEqual(Object.keys(TRANSFORMS));
  });

  it("holds each transform's own validateIntent", () => {
    for (const [kind, transform] of Object.entries(TRANSFORMS))
      expect(INTENT_RULES[kind]?.validate, kind).toBe(transform.validateIntent);
  });
});
