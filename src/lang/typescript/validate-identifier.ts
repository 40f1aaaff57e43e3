import { OrchestratorError } from '../../core/errors.js';
import ts from './typescript.js';

/** ECMAScript reserved words. */
const RESERVED_WORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends ' +
    'false finally for function if import in instanceof new null return super switch this throw ' +
    'true try typeof var void while with'
  ).split(' '),
);

/** Words that may not name a binding in a module (strict mode), beyond the reserved keywords. */
const STRICT_MODE_RESERVED = new Set([
  'implements',
  'interface',
  'let',
  'package',
  'private',
  'protected',
  'public',
  'static',
  'yield',
  'await',
  'arguments',
  'eval',
]);

/** Names TypeScript refuses for a class, interface, enum or type alias. */
const RESERVED_TYPE_NAMES = new Set([
  'any',
  'unknown',
  'never',
  'void',
  'undefined',
  'null',
  'object',
  'string',
  'number',
  'bigint',
  'boolean',
  'symbol',
]);

/**
 * Checks that `newName` can name a JS/TS binding: an identifier that is not a reserved word
 * (and, when `declaresType`, not a built-in type name).
 * @throws OrchestratorError `INVALID_IDENTIFIER` naming the bad value.
 */
export function validateIdentifier(
  newName: string,
  options: { declaresType?: boolean } = {},
): void {
  const reason = identifierProblem(newName, options.declaresType === true);
  if (reason !== undefined) {
    throw new OrchestratorError(
      'INVALID_IDENTIFIER',
      `${JSON.stringify(newName)} cannot be the new name: ${reason}. Pass a valid JavaScript identifier.`,
      { data: { newName } },
    );
  }
}

function identifierProblem(newName: string, declaresType: boolean): string | undefined {
  if (!isIdentifierText(newName)) return 'it is not an identifier';
  if (RESERVED_WORDS.has(newName)) return 'it is a reserved word';
  if (STRICT_MODE_RESERVED.has(newName)) return 'it is reserved in strict-mode code';
  if (declaresType && RESERVED_TYPE_NAMES.has(newName)) return 'it is a built-in type name';
  return undefined;
}

function isIdentifierText(text: string): boolean {
  const codePoints = [...text].map((char) => char.codePointAt(0) as number);
  const [first, ...rest] = codePoints;
  return (
    first !== undefined &&
    ts.isIdentifierStart(first, ts.ScriptTarget.Latest) &&
    rest.every((codePoint) => ts.isIdentifierPart(codePoint, ts.ScriptTarget.Latest))
  );
}
