import { PRELUDE_SCRIPT } from '../../lang/python/scripts/prelude-script.js';
import { SYNTAX_SCRIPT } from './syntax-script.python.js';

/**
 * Every `x.<name>` attribute load in `files` for each of `names`, from `ast`, except on a
 * module bound by an `import` statement (`requests.get` is a module's function, never a
 * method). Input `{root, files, names}`; output `{uses: [{file, line, column, name,
 * lineText}]}` at the attribute's name (1-based UTF-16), sorted.
 */
export const ATTRIBUTE_USES_SCRIPT = `${PRELUDE_SCRIPT}
${SYNTAX_SCRIPT}
${`
def imported_modules(tree):
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.add(alias.asname or alias.name.split('.')[0])
    return found


def main():
    request = read_input()
    names = set(request['names'])
    uses = []
    for rel in request['files']:
        source = Source(request['root'], rel)
        if source.tree is None:
            continue
        modules = imported_modules(source.tree)
        for node in ast.walk(source.tree):
            if not isinstance(node, ast.Attribute) or node.attr not in names or not isinstance(node.ctx, ast.Load) or not has_span(node):
                continue
            receiver = dotted(node.value)
            if receiver is not None and receiver.split('.')[0] in modules:
                continue
            line, end = source.end(node)
            uses.append({'file': rel, **source.position(line, end - len(node.attr)), 'name': node.attr, 'lineText': source.line(line)})
    uses.sort(key=lambda u: (u['file'], u['line'], u['column']))
    write_output({'uses': uses})


main()
`}`;
