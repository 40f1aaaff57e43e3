import { PRELUDE_SCRIPT } from '../../lang/python/scripts/prelude-script.js';

/**
 * Finds `<module path>.<name>` attribute uses whose module path, resolved through the file's
 * own imports (`import pkg`, `import pkg.errors as errors`, `from pkg import errors`), is one
 * of `modules`. Input `{root, files, name, modules}`; output `{uses: [{file, line, column,
 * path}], errors}` with 1-based UTF-16 columns of the name.
 */
export const MODULE_ATTRIBUTES_SCRIPT = `${PRELUDE_SCRIPT}
${String.raw`
def bindings_of(tree):
    bound = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    bound[alias.asname] = alias.name
                else:
                    head = alias.name.split('.')[0]
                    bound.setdefault(head, head)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                if alias.name != '*':
                    bound[alias.asname or alias.name] = node.module + '.' + alias.name
    return bound


def chain_of(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return list(reversed(parts))
    return None


def main():
    request = read_input()
    name = request['name']
    modules = set(request['modules'])
    uses = []
    errors = []
    for rel in request['files']:
        source = Source(request['root'], rel)
        if source.tree is None:
            errors.append({'file': rel, 'message': source.error or 'unreadable'})
            continue
        bound = bindings_of(source.tree)
        for node in ast.walk(source.tree):
            if not isinstance(node, ast.Attribute) or node.attr != name or not has_span(node):
                continue
            chain = chain_of(node.value)
            if not chain or chain[0] not in bound:
                continue
            path = '.'.join([bound[chain[0]]] + chain[1:])
            if path not in modules:
                continue
            line, end = source.end(node)
            position = source.position(line, end - len(name))
            uses.append({'file': rel, 'line': position['line'], 'column': position['column'], 'path': path + '.' + name})
    write_output({'uses': uses, 'errors': errors})


main()
`}`;
