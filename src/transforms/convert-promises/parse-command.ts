import type { CommandForm } from '../transform.js';
import type { ConvertPromisesIntent } from './intent.js';

/** The convert_promises command forms, with an example each. */
export const CONVERT_PROMISES_FORMS: readonly CommandForm[] = [
  {
    usage: 'convert promise chains to async/await in <path>',
    example: 'convert promise chains to async/await in src/api.ts',
  },
  {
    usage: 'convert promise chains to async/await in <function>',
    example: 'convert promise chains to async/await in loadUser',
  },
  { usage: 'convert <function> to async/await', example: 'convert Store.get to async/await' },
];

const QUOTE = '[`\'"]?';
const ASYNC_AWAIT = String.raw`async\s*(?:/|-|&|\band\b)?\s*await`;
const CHAINS = String.raw`(?:all\s+)?(?:the\s+)?(?:promise|\.?then(?:\s*/\s*\.?catch)?|\.?then\s+and\s+\.?catch)\s+chains?`;
const KIND = String.raw`(?:(function|method|file|folder|module|directory)\s+)?`;
const TARGET = String.raw`${KIND}${QUOTE}(\S+?)${QUOTE}`;
const SCOPE = String.raw`(?:\s+in\s+${QUOTE}(\S+?)${QUOTE})?`;
const END = String.raw`\s*[.!]?$`;

/** `convert promise chains to async/await in <target>` */
const CHAINS_IN = new RegExp(
  String.raw`^(?:convert|rewrite|refactor)\s+${CHAINS}\s+(?:to|into)\s+(?:use\s+)?${ASYNC_AWAIT}\s+in\s+${TARGET}${END}`,
  'i',
);
/** `convert the promise chains in <target> to async/await` */
const CHAINS_OF = new RegExp(
  String.raw`^(?:convert|rewrite|refactor)\s+${CHAINS}\s+(?:in|of)\s+${TARGET}\s+(?:to|into)\s+(?:use\s+)?${ASYNC_AWAIT}${END}`,
  'i',
);
/** `convert <function> to async/await [in <path>]` */
const CONVERT_ONE = new RegExp(
  String.raw`^(?:convert|rewrite|refactor)\s+(?:the\s+)?${TARGET}\s+(?:to|into)\s+(?:use\s+)?${ASYNC_AWAIT}${SCOPE}${END}`,
  'i',
);

/** True for text that names a file or folder rather than a function (`src/`, `api.ts`, `.`). */
export function looksLikePath(text: string): boolean {
  return text === '.' || text.includes('/') || /\.(?:py|pyi|[cm]?[jt]sx?)$/.test(text);
}

/** `./src/` → `src`, `.` stays. */
export function toCleanPath(text: string): string {
  const clean = text.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
  return clean === '' ? '.' : clean;
}

function toIntent(
  kindWord: string | undefined,
  target: string,
  scope?: string,
): ConvertPromisesIntent {
  const word = kindWord?.toLowerCase();
  const path =
    word === undefined ? looksLikePath(target) : word !== 'function' && word !== 'method';
  return {
    kind: 'convert_promises',
    target: path ? toCleanPath(target) : target,
    targetKind: path ? 'path' : 'symbol',
    ...(scope !== undefined && !path ? { scope: toCleanPath(scope) } : {}),
  };
}

/** Reads a convert_promises command; undefined when the text is not one. */
export function parseConvertPromisesCommand(text: string): ConvertPromisesIntent | undefined {
  const chains = CHAINS_IN.exec(text) ?? CHAINS_OF.exec(text);
  if (chains?.[2] !== undefined) return toIntent(chains[1], chains[2]);
  const one = CONVERT_ONE.exec(text);
  if (one?.[2] === undefined) return undefined;
  return toIntent(one[1], one[2], one[3]);
}
