import type { SingleByteSource } from './single-byte-table.js';

/** An encoding mcp-orchestrator can decode and splice byte for byte. */
export type EncodingSpec =
  | { name: 'utf-8' | 'utf-16le' | 'utf-16be'; kind: 'utf-8' | 'utf-16le' | 'utf-16be' }
  | { name: string; kind: 'single-byte'; source: SingleByteSource };

export const UTF_8: EncodingSpec = { name: 'utf-8', kind: 'utf-8' };
export const UTF_16LE: EncodingSpec = { name: 'utf-16le', kind: 'utf-16le' };
export const UTF_16BE: EncodingSpec = { name: 'utf-16be', kind: 'utf-16be' };

const holes = (label: string): SingleByteSource => ({ base: 'whatwg', label, c1: 'holes' });
const iso = (label: string): SingleByteSource => ({ base: 'whatwg', label, c1: 'decoded' });

/** Single-byte encodings by canonical (Python) name, with their Python aliases. */
const SINGLE_BYTE: ReadonlyArray<[name: string, source: SingleByteSource, aliases: string[]]> = [
  ['latin-1', { base: 'latin-1' }, ['latin1', 'latin', 'l1', 'iso88591', '8859', 'cp819']],
  ['ascii', { base: 'ascii' }, ['usascii', '646', 'us']],
  ['cp1250', holes('windows-1250'), ['windows1250']],
  ['cp1251', holes('windows-1251'), ['windows1251']],
  ['cp1252', holes('windows-1252'), ['windows1252']],
  ['cp1253', holes('windows-1253'), ['windows1253']],
  ['cp1254', holes('windows-1254'), ['windows1254']],
  ['cp1255', holes('windows-1255'), ['windows1255']],
  ['cp1256', holes('windows-1256'), ['windows1256']],
  ['cp1257', holes('windows-1257'), ['windows1257']],
  ['cp1258', holes('windows-1258'), ['windows1258']],
  ['cp874', holes('windows-874'), ['windows874']],
  ['iso-8859-2', iso('iso-8859-2'), ['iso88592', 'latin2', 'l2']],
  ['iso-8859-3', iso('iso-8859-3'), ['iso88593', 'latin3', 'l3']],
  ['iso-8859-4', iso('iso-8859-4'), ['iso88594', 'latin4', 'l4']],
  ['iso-8859-5', iso('iso-8859-5'), ['iso88595', 'cyrillic']],
  ['iso-8859-6', iso('iso-8859-6'), ['iso88596', 'arabic']],
  ['iso-8859-7', iso('iso-8859-7'), ['iso88597', 'greek', 'greek8']],
  ['iso-8859-8', iso('iso-8859-8'), ['iso88598', 'hebrew']],
  [
    'iso-8859-9',
    { base: 'whatwg', label: 'windows-1254', c1: 'identity' },
    ['iso88599', 'latin5', 'l5'],
  ],
  ['iso-8859-10', iso('iso-8859-10'), ['iso885910', 'latin6', 'l6']],
  ['iso-8859-13', iso('iso-8859-13'), ['iso885913', 'latin7', 'l7']],
  ['iso-8859-14', iso('iso-8859-14'), ['iso885914', 'latin8', 'l8']],
  ['iso-8859-15', iso('iso-8859-15'), ['iso885915', 'latin9', 'l9']],
  ['iso-8859-16', iso('iso-8859-16'), ['iso885916', 'latin10', 'l10']],
  ['koi8-r', iso('koi8-r'), ['koi8r']],
  ['cp866', iso('ibm866'), ['ibm866', '866']],
  ['mac-roman', iso('macintosh'), ['macroman', 'macintosh']],
];

const BY_KEY = new Map<string, EncodingSpec>([
  ...['utf8', 'u8', 'utf', 'cp65001', 'utf8sig'].map((key) => [key, UTF_8] as const),
  ...SINGLE_BYTE.flatMap(([name, source, aliases]) => {
    const spec: EncodingSpec = { name, kind: 'single-byte', source };
    return [toKey(name), ...aliases].map((key) => [key, spec] as const);
  }),
]);

/**
 * The encoding a Python coding cookie names, as Python resolves it (case, `-`/`_` and the
 * Emacs suffixes `utf-8-unix`, `latin-1-dos` ignored), or undefined when it is unknown or one
 * mcp-orchestrator cannot splice byte for byte (multi-byte legacy encodings such as shift_jis).
 */
export function toEncodingSpec(declared: string): EncodingSpec | undefined {
  const normal = declared.toLowerCase().replaceAll('_', '-');
  if (normal === 'utf-8' || normal.startsWith('utf-8-')) return UTF_8;
  for (const latin of ['latin-1', 'iso-8859-1', 'iso-latin-1']) {
    if (normal === latin || normal.startsWith(`${latin}-`)) return BY_KEY.get('latin1');
  }
  return BY_KEY.get(toKey(declared));
}

function toKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}
