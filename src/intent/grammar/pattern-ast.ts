import type { SlotType } from './slot-types.js';

/** A compiled pattern of the form language. */
export type PatternNode =
  /** One literal word (lower-case), matched by an unquoted chunk. */
  | { readonly type: 'word'; readonly word: string }
  /** Any arrow: `->`, `=>`, `→`. */
  | { readonly type: 'arrow' }
  /** One punctuation character. */
  | { readonly type: 'punct'; readonly char: string }
  | { readonly type: 'seq'; readonly items: readonly PatternNode[] }
  | { readonly type: 'alt'; readonly options: readonly PatternNode[] }
  | { readonly type: 'optional'; readonly node: PatternNode }
  /** Zero or more of `node`, greedy; what it matches is never reported as expected. */
  | { readonly type: 'repeat'; readonly node: PatternNode; readonly silent: boolean }
  | { readonly type: 'slot'; readonly name: string; readonly slot: SlotType };
