/**
 * What every intent has: the transform that owns it. The variants (rename, make_async, …) and
 * their zod schemas belong to the transforms (`src/transforms/<kind>/intent.ts`); the union is
 * assembled in `src/transforms/registry.ts`. Phases never read a variant's own fields.
 */
export interface IntentBase {
  readonly kind: string;
}
