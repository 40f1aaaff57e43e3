import { OrchestratorError } from '../../core/errors.js';

/**
 * Default cap on one tool reply, in bytes of its JSON text (the same value travels again as
 * structured content, so the message is about twice as large): 4 MiB.
 */
export const DEFAULT_MAX_REPLY_BYTES = 4 * 1024 * 1024;

/** What a reply cut by the byte cap says about itself, beside `truncated: true`. */
export interface ReplyCut {
  /** The cap that cut the reply, in bytes. */
  maxReplyBytes: number;
  /** Per list field of the reply: how many items were dropped from its end. */
  dropped: Record<string, number>;
}

/** The fields {@link capReply} may add, declared once in the contracts. */
export { REPLY_CUT_SHAPE } from '../../contracts/reply-fields.js';

const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

function tooLarge(bytes: number, maxReplyBytes: number): OrchestratorError {
  return new OrchestratorError(
    'BAD_INPUT',
    `The reply is ${bytes} bytes, over the ${maxReplyBytes}-byte reply cap, and this tool cannot shorten it. Narrow the request (a path, globs, one file).`,
    { data: { replyBytes: bytes, maxReplyBytes } },
  );
}

interface List {
  key: string;
  items: unknown[];
  /** Bytes of each item plus its comma. */
  sizes: number[];
  total: number;
}

/**
 * Returns `value` unchanged when its JSON is at most `maxReplyBytes`; otherwise drops items from
 * the end of its top-level lists until it fits, and adds `truncated: true` and a
 * {@link ReplyCut}. The byte budget is shared fairly: small lists stay whole, the largest are
 * cut. Throws `BAD_INPUT` when even empty lists do not fit, or when `cut` is false.
 */
export function capReply(
  value: Record<string, unknown>,
  maxReplyBytes: number,
  options: { cut?: boolean } = {},
): Record<string, unknown> {
  const bytes = bytesOf(value);
  if (bytes <= maxReplyBytes) return value;
  if (options.cut === false) throw tooLarge(bytes, maxReplyBytes);
  const lists: List[] = [];
  for (const [key, field] of Object.entries(value)) {
    if (!Array.isArray(field)) continue;
    const sizes = field.map((item) => bytesOf(item ?? null) + 1);
    lists.push({ key, items: field, sizes, total: sizes.reduce((sum, size) => sum + size, 0) });
  }
  const skeleton: Record<string, unknown> = { ...value, truncated: true };
  for (const list of lists) skeleton[list.key] = [];
  const worstCut = Object.fromEntries(lists.map((list) => [list.key, list.items.length]));
  skeleton.replyCut = { maxReplyBytes, dropped: worstCut } satisfies ReplyCut;
  let remaining = maxReplyBytes - bytesOf(skeleton);
  if (lists.length === 0 || remaining < 0) throw tooLarge(bytes, maxReplyBytes);

  const result: Record<string, unknown> = { ...value, truncated: true };
  const dropped: Record<string, number> = {};
  const bySize = [...lists].sort((a, b) => a.total - b.total);
  bySize.forEach((list, index) => {
    const allowance = Math.min(list.total, Math.floor(remaining / (bySize.length - index)));
    let used = 0;
    let kept = 0;
    for (const size of list.sizes) {
      if (used + size > allowance) break;
      used += size;
      kept += 1;
    }
    remaining -= used;
    result[list.key] = list.items.slice(0, kept);
    if (kept < list.items.length) dropped[list.key] = list.items.length - kept;
  });
  result.replyCut = { maxReplyBytes, dropped } satisfies ReplyCut;
  return result;
}
