import type { LanguageId } from './source-types.js';

/** JS/TS source files by extension (declaration files included). */
export const SCRIPT_SOURCE_PATTERN = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/** The language that analyses `file`, or undefined for files no language server reads. */
export function sourceLanguageOf(file: string): LanguageId | undefined {
  if (file.endsWith('.py') || file.endsWith('.pyi')) return 'python';
  return SCRIPT_SOURCE_PATTERN.test(file) ? 'typescript' : undefined;
}
