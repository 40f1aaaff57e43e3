import { PRELUDE_SCRIPT } from './prelude-script.js';

/**
 * Which token each position lies in, from Python's `tokenize`: `comment`, `string` (string
 * literals and docstrings, f-string text; names inside f-string braces are code) or `code`.
 * Input `{root, files: [{file, positions: [{line, column}]}]}` (1-based, UTF-16 columns);
 * output `{results: [{file, kinds: [...], members: [...]}], errors}` in the order given, where a
 * member is null or `{object, objectIsModule}` for a name used as `object.name`: the object
 * is a module when its first name is bound by `import x` / `import x as y`, or by
 * `from p import m` where `p/m` is a module of the workspace.
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


def is_workspace_module(root, dotted):
    path = os.path.join(root, *dotted.split('.'))
    return os.path.isfile(path + '.py') or os.path.isfile(os.path.join(path, '__init__.py'))


def module_names(root, tree):
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                names.add(alias.asname or alias.name.split('.')[0])
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                if alias.name != '*' and is_workspace_module(root, node.module + '.' + alias.name):
                    names.add(alias.asname or alias.name)
    return names


def root_name(node):
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def members_at(source, root, points):
    found = [None] * len(points)
    if source.tree is None:
        return found
    modules = module_names(root, source.tree)
    for node in ast.walk(source.tree):
        if not isinstance(node, ast.Attribute) or not has_span(node):
            continue
        line, end = source.end(node)
        start = end - len(node.attr)
        for index, (p_line, p_char) in enumerate(points):
            if p_line == line and start <= p_char < end:
                text = ast.get_source_segment(source.text, node.value) or ''
                text = ' '.join(text.split())
                found[index] = {
                    'object': text if len(text) <= 80 else text[:79] + '…',
                    'objectIsModule': root_name(node.value) in modules,
                }
    return found


def main():
    request = read_input()
    results = []
    errors = []
    for entry in request['files']:
        source = Source(request['root'], entry['file'])
        if source.error is not None and not source.text:
            errors.append({'file': entry['file'], 'message': source.error})
        spans = token_spans(source)
        points = [(p['line'], source.from_utf16(p['line'], p['column'])) for p in entry['positions']]
        kinds = [kind_at(spans, point) for point in points]
        members = members_at(source, request['root'], points)
        results.append({'file': entry['file'], 'kinds': kinds, 'members': members})
    write_output({'results': results, 'errors': errors})


main()
`}`;
