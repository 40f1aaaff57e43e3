import type { CommandForm } from '../transform.js';
import type { MakeAsyncIntent } from './intent.js';

/** The make_async command forms, with an example each. */
export const MAKE_ASYNC_FORMS: readonly CommandForm[] = [
  { usage: 'make <name>[ and <name>…] async', example: 'make load_prices and fetch_quotes async' },
  { usage: 'make method <Class>.<name> async', example: 'make method Ledger.total async' },
  { usage: 'convert <name> to async', example: 'convert fetchUser to async' },
  { usage: 'make module <path> async', example: 'make module risk/management.py async' },
  {
    usage: 'refactor the <words> module to use async patterns',
    example: 'Refactor the risk management module to use async patterns',
  },
];

const NAME = String.raw`[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)?`;
const NAMES = String.raw`${NAME}(?:\s*(?:,|\band\b)\s*${NAME})*`;
const QUOTE = '[`\'"]?';
const SCOPE = String.raw`(?:\s+in\s+${QUOTE}(\S+?)${QUOTE})?`;
const END = String.raw`\s*[.!]?$`;

const FUNCTION_FORM = new RegExp(
  String.raw`^(?:make|turn)\s+(?:the\s+)?(?:(?:function|method|functions|methods)\s+)?${QUOTE}(${NAMES})${QUOTE}\s+(?:into\s+)?async(?:hronous)?${SCOPE}${END}`,
  'i',
);
const CONVERT_FORM = new RegExp(
  String.raw`^convert\s+(?:the\s+)?(?:(?:function|method|functions|methods)\s+)?${QUOTE}(${NAMES})${QUOTE}\s+to\s+async(?:hronous)?${SCOPE}${END}`,
  'i',
);
const PATH_FORM = new RegExp(
  String.raw`^(?:make|convert)\s+(?:the\s+)?(?:module|file|package)\s+${QUOTE}([\w./-]+?)${QUOTE}\s+(?:to\s+)?async(?:hronous)?${END}`,
  'i',
);
const MODULE_FORM = new RegExp(
  String.raw`^refactor\s+(?:the\s+)?([\w\s/-]+?)\s+(?:module|package)\s+to\s+(?:use\s+)?async(?:hronous)?(?:\s+patterns|\s*/\s*await)?${END}`,
  'i',
);

/** True for text that names a file or folder rather than a symbol (`a/b.py`, `risk.ts`). */
function looksLikePath(text: string): boolean {
  return text.includes('/') || /\.(?:py|pyi|[cm]?[jt]sx?)$/.test(text);
}

/** Reads a make_async command; undefined when the text is not one. */
export function parseMakeAsyncCommand(text: string): MakeAsyncIntent | undefined {
  const path = PATH_FORM.exec(text);
  if (path?.[1]) {
    return { kind: 'make_async', target: path[1].replace(/^\.\//, ''), targetKind: 'path' };
  }
  const module = MODULE_FORM.exec(text);
  if (module?.[1]) {
    const words = module[1].trim().replace(/\s+/g, ' ');
    if (looksLikePath(words)) return { kind: 'make_async', target: words, targetKind: 'path' };
    return { kind: 'make_async', target: words, targetKind: 'module' };
  }
  const symbol = FUNCTION_FORM.exec(text) ?? CONVERT_FORM.exec(text);
  if (!symbol?.[1]) return undefined;
  const target = symbol[1].trim().replace(/\s+/g, ' ');
  const scope = symbol[2]?.replace(/^\.\//, '').replace(/\/$/, '');
  return {
    kind: 'make_async',
    target,
    targetKind: 'symbol',
    ...(scope ? { scope } : {}),
  };
}

/** The names of the function form: `load_prices and fetch_quotes` → both, `A.b` kept whole. */
export function toTargetNames(target: string): string[] {
  return [
    ...new Set(
      target
        .split(/\s*(?:,|\band\b)\s*/)
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    ),
  ];
}
