import { describe, expect, it } from 'vitest';
import { TRANSFORMS } from '../../../src/transforms/registry.js';
import { TRANSFORM_KINDS } from '../../../src/transforms/transform-kinds.js';

describe('TRANSFORM_KINDS', () => {
  it('lists exactly the kinds the registry has, in its order', () => {
    expect([...TRANSFORM_KINDS]).toEqual(Object.keys(TRANSFORMS));
  });
});
