/**
 * Words in prose and code that say nothing about what a slice does: English function words,
 * keywords of the languages we index, and words every request contains ("module", "code").
 */
const STOPWORDS = new Set(
  `a an and are as at be by for from in into is it its of on or so that the then this to with
  all any each use uses using via should make makes now new old
  module modules file files code source function functions method methods class classes
  def return returns self cls import export default const let var if else elif for while
  try except catch finally raise throw await async pass none null undefined true false
  public private protected static void int str bool string number boolean`.split(/\s+/),
);

/** Words so common in code that they count for little (an IDF stand-in that needs no corpus). */
const COMMON_WORDS = new Set(
  `get set value values data item items list dict map key keys name names type types id ids
  init args kwargs result results param params options config index count size len obj
  object array test tests error errors self this print log info`.split(/\s+/),
);

/** How much a word tells about a slice: 0 for stopwords, 0.3 for common code words, else 1. */
export function wordPrior(word: string): number {
  if (STOPWORDS.has(word)) return 0;
  return COMMON_WORDS.has(word) ? 0.3 : 1;
}

const SUFFIXES = [
  'ments',
  'ment',
  'ings',
  'ing',
  'ers',
  'er',
  'ions',
  'ion',
  'ies',
  'es',
  'ed',
  's',
];

/** A light stemmer: "management", "manager", "managing" → "manag"; "risks" → "risk". */
export function toStem(word: string): string {
  let stem = word;
  for (const suffix of SUFFIXES) {
    if (stem.length - suffix.length >= 3 && stem.endsWith(suffix)) {
      stem = suffix === 'ies' ? `${stem.slice(0, -3)}y` : stem.slice(0, -suffix.length);
      break;
    }
  }
  return stem.length > 3 && stem.endsWith('e') ? stem.slice(0, -1) : stem;
}

/**
 * Splits text into lower-case words, breaking identifiers on camelCase, PascalCase, snake_case,
 * kebab-case, dots and digits: `parseHTTPResponse_v2` → parse, http, response, v2.
 */
export function toWords(text: string): string[] {
  const words: string[] = [];
  for (const token of text.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []) {
    const spaced = token
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
    for (const part of spaced.split(' ')) {
      if (part.length >= 2) words.push(part.toLowerCase());
    }
  }
  return words;
}

/** Character n-grams of a stem with boundary marks, so "manag" and "manager" share pieces. */
export function toSubwords(stem: string, sizes: readonly number[] = [3, 4]): string[] {
  const marked = `<${stem}>`;
  const grams: string[] = [];
  for (const size of sizes) {
    for (let i = 0; i + size <= marked.length; i++) grams.push(marked.slice(i, i + size));
  }
  return grams;
}
