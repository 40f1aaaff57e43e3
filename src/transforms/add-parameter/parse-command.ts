import type { CommandForm } from '../transform.js';
import type { AddParameterIntent } from './intent.js';

/** The add_parameter command forms, with an example each. */
export const ADD_PARAMETER_FORMS: readonly CommandForm[] = [
  {
    usage: 'add parameter <name>[: <type>]=<default> to <function>',
    example: 'add parameter currency="USD" to post_entry',
  },
  {
    usage: 'add a <name>: <type> = <default> argument to <function>',
    example: 'add a timeout: float = 30 argument to fetch',
  },
  {
    usage: 'add parameter <name> to <function> and pass <value>',
    example: 'add parameter retries to fetch and pass 3',
  },
  {
    usage: 'add parameter … to <Class>.<method>',
    example: 'add parameter dry_run=False to Ledger.post',
  },
];

const NAME = String.raw`[A-Za-z_$][\w$]*`;
const QUOTE = '[`\'"]?';
const WORD = '(?:parameter|param|argument|arg)';
const PREFIX = new RegExp(
  String.raw`^add\s+(?:(?:a|an|the)\s+)?(?:new\s+)?(?:(?:optional|keyword)\s+)?(${WORD}\s+)?`,
  'i',
);
const TAIL = new RegExp(
  String.raw`\s+(?:to|on)\s+(?:the\s+)?(?:(?:function|method|def)\s+)?${QUOTE}(${NAME}(?:\.${NAME})?)${QUOTE}(?:\(\))?(?:\s*,?\s+(?:and\s+)?(?:pass(?:ing)?|with\s+value)\s+(.+?))?\s*[.!]?$`,
  'iy',
);
const SPEC_NAME = new RegExp(String.raw`^${QUOTE}(${NAME})${QUOTE}(\?)?`);
const TRAILING_WORD = new RegExp(String.raw`\s+${WORD}$`, 'i');
const WITH_DEFAULT = /\s+with\s+(?:a\s+)?default\s+(?:of\s+|value\s+)?(.+)$/i;

/** `` `x` `` → `x`: backticks around the whole text quote it, as in Markdown. */
function unquote(text: string): string {
  const trimmed = text.trim();
  return /^`[^`]+`$/.test(trimmed) ? trimmed.slice(1, -1).trim() : trimmed;
}

/** The index of the first `=` outside strings and brackets that is not `==`, `=>`, `<=`, …; -1 if none. */
export function findTopLevelEquals(text: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (quote !== undefined) {
      if (ch === '\\') i += 1;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if ('([{'.includes(ch)) depth += 1;
    else if (')]}'.includes(ch)) depth -= 1;
    else if (
      ch === '=' &&
      depth === 0 &&
      !'=>'.includes(text[i + 1] ?? '') &&
      !'=!<>'.includes(text[i - 1] ?? '')
    )
      return i;
  }
  return -1;
}

/** Reads `name[?][: type][ = default]` or `name[: type] with default <default>`. */
function parseSpec(raw: string): Pick<AddParameterIntent, 'name' | 'default' | 'type'> | undefined {
  let spec = unquote(raw.replace(TRAILING_WORD, ''));
  let initial: string | undefined;
  const withDefault = WITH_DEFAULT.exec(spec);
  if (withDefault?.[1] !== undefined) {
    initial = unquote(withDefault[1]);
    spec = spec.slice(0, withDefault.index);
  }
  const named = SPEC_NAME.exec(spec);
  if (named?.[1] === undefined) return undefined;
  let rest = spec.slice(named[0].length).trim();
  let type: string | undefined;
  if (rest.startsWith(':')) {
    const equals = findTopLevelEquals(rest);
    type = (equals === -1 ? rest.slice(1) : rest.slice(1, equals)).trim();
    rest = equals === -1 ? '' : rest.slice(equals);
  }
  if (rest.startsWith('=')) {
    if (initial !== undefined) return undefined;
    initial = unquote(rest.slice(1));
    rest = '';
  }
  if (rest !== '' || type === '' || initial === '') return undefined;
  if (named[2] === '?' && initial === undefined) initial = 'undefined';
  return {
    name: named[1],
    ...(initial === undefined ? {} : { default: initial }),
    ...(type === undefined ? {} : { type }),
  };
}

/** Reads an add_parameter command; undefined when the text is not one. */
export function parseAddParameterCommand(text: string): AddParameterIntent | undefined {
  const prefix = PREFIX.exec(text);
  if (!prefix) return undefined;
  const rest = text.slice(prefix[0].length);
  if (prefix[1] === undefined && !/\s(?:parameter|param|argument|arg)\s+(?:to|on)\s/i.test(rest))
    return undefined;
  for (const split of rest.matchAll(/\s+(?:to|on)\s+/gi)) {
    TAIL.lastIndex = split.index;
    const tail = TAIL.exec(rest);
    if (tail?.[1] === undefined) continue;
    const spec = parseSpec(rest.slice(0, split.index));
    if (spec === undefined) return undefined;
    const value = tail[2] === undefined ? undefined : unquote(tail[2]);
    return {
      kind: 'add_parameter',
      function: tail[1],
      ...spec,
      ...(value === undefined || value === '' ? {} : { value }),
    };
  }
  return undefined;
}
