/** One `edit_file` edit: replacing the first occurrence of `oldText` with `newText`. */
export interface SingleEdit {
  oldText: string;
  newText: string;
}

/**
 * The one edit that turns `before` into `after` when applied the way the official filesystem
 * server's `edit_file` applies it: the first occurrence of `oldText` is replaced. `oldText` is
 * the changed region, grown backwards until its first occurrence in `before` is the changed
 * place itself (a prefix of the file always is). Never splits a surrogate pair.
 * @returns undefined when the texts are equal.
 */
export function toSingleEdit(before: string, after: string): SingleEdit | undefined {
  if (before === after) return undefined;
  let start = commonPrefixLength(before, after);
  let suffix = commonSuffixLength(before, after, start);
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start -= 1;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix -= 1;
  const oldEnd = before.length - suffix;
  const from = latestFirstOccurrence(before, start, oldEnd);
  return { oldText: before.slice(from, oldEnd), newText: after.slice(from, after.length - suffix) };
}

function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let index = 0;
  while (index < limit && a.charCodeAt(index) === b.charCodeAt(index)) index += 1;
  return index;
}

/** Length of the common suffix that does not overlap the first `prefix` code units. */
function commonSuffixLength(a: string, b: string, prefix: number): number {
  const limit = Math.min(a.length, b.length) - prefix;
  let length = 0;
  while (
    length < limit &&
    a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length)
  ) {
    length += 1;
  }
  return length;
}

/**
 * The largest `from <= start` whose `text.slice(from, end)` occurs first at `from`. Whether a
 * start qualifies is monotone (if `from` does, every earlier one does: an earlier occurrence of
 * the longer text would hold an earlier one of the shorter), so an exponential step back and a
 * binary search find it in O(log n) searches.
 */
function latestFirstOccurrence(text: string, start: number, end: number): number {
  const isFirst = (from: number): boolean => text.indexOf(text.slice(from, end)) === from;
  if (isFirst(start)) return start;
  let bad = start;
  let good = 0;
  for (let step = 1; ; step *= 2) {
    const candidate = Math.max(0, start - step);
    if (candidate === 0 || isFirst(candidate)) {
      good = candidate;
      break;
    }
    bad = candidate;
  }
  while (bad - good > 1) {
    const middle = good + Math.floor((bad - good) / 2);
    if (isFirst(middle)) good = middle;
    else bad = middle;
  }
  // Starting one code unit earlier still qualifies (monotone), and keeps the pair whole.
  if (
    good > 0 &&
    isLowSurrogate(text.charCodeAt(good)) &&
    isHighSurrogate(text.charCodeAt(good - 1))
  )
    return good - 1;
  return good;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
