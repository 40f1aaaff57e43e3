import type { CommandForm } from '../transform.js';
import type { ReplaceCallsIntent } from './intent.js';

/** The replace_calls command forms, with an example each. */
export const REPLACE_CALLS_FORMS: readonly CommandForm[] = [
  {
    usage: 'replace calls to <old> with <new>',
    example: 'replace calls to old_fn with new_fn',
  },
  { usage: 'use <new> instead of <old>', example: 'use asyncio.sleep instead of time.sleep' },
];

const QUOTE = '[`\'"]?';
/** A dotted name, written with or without `()`, possibly quoted. */
const NAME = String.raw`${QUOTE}([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)(?:\(\))?${QUOTE}`;
const END = String.raw`\s*[.!]?$`;

/** Forms that name the old function first, then the new one. */
const OLD_FIRST = [
  String.raw`^(?:replace|swap|rewrite)\s+(?:all\s+)?(?:the\s+)?(?:calls|call\s+sites|uses|usages)\s+(?:to|of)\s+${NAME}\s+(?:with|by)\s+(?:calls\s+to\s+)?${NAME}${END}`,
  String.raw`^(?:change|switch|move|migrate)\s+(?:all\s+)?(?:the\s+)?calls\s+from\s+${NAME}\s+to\s+${NAME}${END}`,
  String.raw`^(?:replace|swap)\s+(?:all\s+)?(?:the\s+)?${NAME}\s+calls\s+(?:with|by|for)\s+${NAME}${END}`,
  // `replace old_fn() with new_fn()`: the parentheses say calls are meant.
  String.raw`^replace\s+${QUOTE}([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\(\)${QUOTE}\s+with\s+${NAME}${END}`,
].map((source) => new RegExp(source, 'i'));

/** Forms that name the new function first. */
const NEW_FIRST = [
  String.raw`^(?:use|call)\s+${NAME}\s+instead\s+of\s+(?:calling\s+)?${NAME}${END}`,
  String.raw`^(?:call|use)\s+${NAME}\s+(?:in\s+place\s+of|rather\s+than)\s+${NAME}${END}`,
].map((source) => new RegExp(source, 'i'));

/** Reads a replace_calls command; undefined when the text is not one. */
export function parseReplaceCallsCommand(text: string): ReplaceCallsIntent | undefined {
  for (const form of OLD_FIRST) {
    const match = form.exec(text);
    if (match?.[1] && match[2]) return { kind: 'replace_calls', from: match[1], to: match[2] };
  }
  for (const form of NEW_FIRST) {
    const match = form.exec(text);
    if (match?.[1] && match[2]) return { kind: 'replace_calls', from: match[2], to: match[1] };
  }
  return undefined;
}

/** `time.sleep` → `{ qualifier: 'time', name: 'sleep' }`. */
export function splitDotted(dotted: string): { qualifier?: string; name: string } {
  const dot = dotted.lastIndexOf('.');
  return dot === -1
    ? { name: dotted }
    : { qualifier: dotted.slice(0, dot), name: dotted.slice(dot + 1) };
}
