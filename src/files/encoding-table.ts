import { COMPUTED_ENCODING_KEYS } from './encoding-aliases.js';
import type { SingleByteSource } from './single-byte-table.js';
import { ISO_8859_TABLES } from './single-byte-tables-iso.js';
import { PC_TABLES } from './single-byte-tables-pc.js';

/** An encoding mcp-orchestrator can decode and splice byte for byte. */
export type EncodingSpec =
  | { name: 'utf-8' | 'utf-16le' | 'utf-16be'; kind: 'utf-8' | 'utf-16le' | 'utf-16be' }
  | { name: string; kind: 'single-byte'; source: SingleByteSource };

export const UTF_8: EncodingSpec = { name: 'utf-8', kind: 'utf-8' };
export const UTF_16LE: EncodingSpec = { name: 'utf-16le', kind: 'utf-16le' };
export const UTF_16BE: EncodingSpec = { name: 'utf-16be', kind: 'utf-16be' };
const LATIN_1: EncodingSpec = { name: 'latin-1', kind: 'single-byte', source: { base: 'latin-1' } };
const ASCII: EncodingSpec = { name: 'ascii', kind: 'single-byte', source: { base: 'ascii' } };

const BY_KEY = new Map<string, EncodingSpec>([
  ...COMPUTED_ENCODING_KEYS['utf-8'].map((key) => [key, UTF_8] as const),
  ...COMPUTED_ENCODING_KEYS['latin-1'].map((key) => [key, LATIN_1] as const),
  ...COMPUTED_ENCODING_KEYS.ascii.map((key) => [key, ASCII] as const),
  ...Object.entries({ ...ISO_8859_TABLES, ...PC_TABLES }).flatMap(([name, { keys, high }]) => {
    const spec: EncodingSpec = { name, kind: 'single-byte', source: { base: 'table', name, high } };
    return keys.map((key) => [key, spec] as const);
  }),
]);

/**
 * The encoding a Python coding cookie names, found as Python finds it (case, `-`/`_` and the
 * Emacs suffixes of `utf-8-unix`, `latin-1-dos` ignored; Python's aliases), or undefined when it
 * is unknown or one that cannot be spliced byte for byte (multi-byte legacy encodings such as
 * shift_jis or gbk, and UTF-16/32, which Python does not read source in).
 */
export function toEncodingSpec(declared: string): EncodingSpec | undefined {
  const normal = declared.toLowerCase().replaceAll('_', '-');
  if (normal === 'utf-8' || normal.startsWith('utf-8-')) return UTF_8;
  for (const latin of ['latin-1', 'iso-8859-1', 'iso-latin-1']) {
    if (normal === latin || normal.startsWith(`${latin}-`)) return LATIN_1;
  }
  return BY_KEY.get(declared.toLowerCase().replace(/[^a-z0-9]/g, ''));
}
