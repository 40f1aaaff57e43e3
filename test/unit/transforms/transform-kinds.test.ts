import { describe, expect, it } from 'vitest';
import { INTENT_VALIDATORS } from '../../../src/transforms/intent-validators.js';
import { TRANSFORMS } from '../../../src/transforms/registry.js';
import { TRANSFORM_KINDS } from '../../../src/transforms/transform-kinds.js';

describe('TRANSFORM_KINDS', () => {
  it('lists exactly the kinds the registry has, in its order', () => {
    expect([...TRANSFORM_KINDS]).toEqual(Object.keys(TRANSFORMS));
  });

  it("INTENT_VALIDATORS holds each transform's own validateIntent", () => {
    expect(Object.keys(INTENT_VALIDATORS)).toEqual(Object.keys(TRANSFORMS));
    for (const [kind, transform] of Object.entries(TRANSFORMS))
      expect(INTENT_VALIDATORS[kind], kind).toBe(transform.validateIntent);
  });
});
