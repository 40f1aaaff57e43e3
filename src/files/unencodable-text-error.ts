import { OrchestratorError } from '../core/errors.js';

/**
 * The `FILE_UNDECODABLE` error for new text that `file`'s encoding cannot represent.
 * @param where what the text is, for people: `the new text at 3:5`.
 */
export function toUnencodableTextError(
  file: string,
  encoding: string,
  text: string,
  index: number,
  where: string,
): OrchestratorError {
  const point = text.codePointAt(index) ?? 0;
  const hex = point.toString(16).toUpperCase().padStart(4, '0');
  const isLone = point >= 0xd800 && point <= 0xdfff;
  const what = isLone
    ? `an unpaired surrogate (U+${hex})`
    : `${JSON.stringify(String.fromCodePoint(point))} (U+${hex})`;
  return new OrchestratorError(
    'FILE_UNDECODABLE',
    `${file} is ${encoding}, which cannot represent ${what} in ${where}. Write the character as an escape, or convert ${file} to UTF-8 first.`,
    { data: { file, encoding, character: `U+${hex}` } },
  );
}
