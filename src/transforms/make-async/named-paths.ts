import { type NamedPath, scopePaths } from '../transform.js';
import type { MakeAsyncIntent } from './intent.js';

/** The scope (`in <path>`) and the module (`make module <path> async`) a command names. */
export function makeAsyncNamedPaths(intent: MakeAsyncIntent): NamedPath[] {
  return [
    ...scopePaths(intent),
    ...(intent.targetKind === 'path'
      ? [{ words: `module ${intent.target}`, path: intent.target }]
      : []),
  ];
}
