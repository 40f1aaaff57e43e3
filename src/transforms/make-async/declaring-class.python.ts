import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Location } from 'vscode-languageserver-protocol';

/** Where a library method is declared: `_io`, `_TextIOBase`. */
export interface DeclaringClass {
  module: string;
  className: string;
}

/** The dotted module of a library file: after `stdlib/`, `stubs/<dist>/` or `site-packages/`. */
export function toLibraryModule(file: string): string | undefined {
  const posix = file.split('\\').join('/');
  const match = /\/(?:stdlib|stubs\/[^/]+|site-packages|dist-packages)\/(.+)\.pyi?$/.exec(posix);
  if (match?.[1] === undefined) return undefined;
  return match[1]
    .replace(/\/__init__$/, '')
    .split('/')
    .join('.');
}

/**
 * The class a library definition (pyright's `textDocument/definition`, in a stub or a source
 * file) is declared in: the nearest line above it that starts a class less indented than it.
 * Undefined for a module-level definition or a file that cannot be read.
 */
export async function findDeclaringClass(
  location: Location,
  cache: Map<string, Promise<string[]>>,
): Promise<DeclaringClass | undefined> {
  if (!location.uri.startsWith('file:')) return undefined;
  const file = fileURLToPath(location.uri);
  const module = toLibraryModule(file);
  if (module === undefined) return undefined;
  let lines = cache.get(file);
  if (lines === undefined) {
    lines = readFile(file, 'utf8').then(
      (text) => text.split(/\r\n|\r|\n/),
      () => [],
    );
    cache.set(file, lines);
  }
  const text = await lines;
  const line = text[location.range.start.line] ?? '';
  let indent = /^\s*/.exec(line)?.[0].length ?? 0;
  for (let index = location.range.start.line - 1; index >= 0 && indent > 0; index -= 1) {
    const current = text[index] ?? '';
    if (current.trim() === '' || current.trimStart().startsWith('#')) continue;
    const own = /^\s*/.exec(current)?.[0].length ?? 0;
    if (own >= indent) continue;
    const found = /^\s*class\s+(\w+)/.exec(current);
    if (found?.[1] !== undefined) return { module, className: found[1] };
    indent = own;
  }
  return undefined;
}
