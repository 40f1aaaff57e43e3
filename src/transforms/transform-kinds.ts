/**
 * The kinds of change that have a transform, in registry order. A plain list, so that `--help`
 * and the grammar can say which kinds run without loading the transforms (and zod); a unit test
 * keeps it equal to the keys of `TRANSFORMS` in `registry.ts`.
 */
export const TRANSFORM_KINDS: readonly string[] = [
  'rename',
  'make_async',
  'move',
  'add_parameter',
  'remove_parameter',
  'replace_calls',
  'remove_unused_imports',
  'convert_promises',
];
