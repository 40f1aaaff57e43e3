import { PRELUDE_SCRIPT } from './prelude-script.js';

/**
 * Which token each position lies in, from Python's `tokenize`: `comment`, `string` (string
 * literals and docstrings, f-string text; names inside f-string braces are code) or `code`.
 * Input `{root, files: [{file, positions: [{line, column}]}]}` (1-based, UTF-16 columns);
 * output `{results: [{file, kinds: [...]}], errors}` with the kinds in the order given.
 */
export const TOKEN_KINDS_SCRIPT = `${PRELUDE_SCRIPT}
${String.raw`
import io
import tokenize

STRING_TYPES = {tokenize.STRING}
for extra in ('FSTRING_MIDDLE',):
    if hasattr(tokenize, extra):
        STRING_TYPES.add(getattr(tokenize, extra))


def token_spans(source):
    spans = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(source.text).readline):
            if token.type == tokenize.COMMENT:
                spans.append((token.start, token.end, 'comment'))
            elif token.type in STRING_TYPES:
                spans.append((token.start, token.end, 'string'))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    return spans


def kind_at(spans, point):
    for start, end, kind in spans:
        if start <= point < end:
            return kind
    return 'code'


def main():
    request = read_input()
    results = []
    errors = []
    for entry in request['files']:
        source = Source(request['root'], entry['file'])
        if source.error is not None and not source.text:
            errors.append({'file': entry['file'], 'message': source.error})
        spans = token_spans(source)
        kinds = []
        for position in entry['positions']:
            line = position['line']
            kinds.append(kind_at(spans, (line, source.from_utf16(line, position['column']))))
        results.append({'file': entry['file'], 'kinds': kinds})
    write_output({'results': results, 'errors': errors})


main()
`}`;
