import { PRELUDE_SCRIPT } from '../../lang/python/scripts/prelude-script.js';

/**
 * Every `x.<name>` attribute load in `files` for each of `names`, from `ast`. Input
 * `{root, files, names}`; output `{uses: [{file, line, column, name, lineText}]}` at the
 * attribute's name (1-based UTF-16), sorted.
 */
export const ATTRIBUTE_USES_SCRIPT = `${PRELUDE_SCRIPT}
${`
def main():
    request = read_input()
    names = set(request['names'])
    uses = []
    for rel in request['files']:
        source = Source(request['root'], rel)
        if source.tree is None:
            continue
        for node in ast.walk(source.tree):
            if isinstance(node, ast.Attribute) and node.attr in names and isinstance(node.ctx, ast.Load) and has_span(node):
                line, end = source.end(node)
                uses.append({'file': rel, **source.position(line, end - len(node.attr)), 'name': node.attr, 'lineText': source.line(line)})
    uses.sort(key=lambda u: (u['file'], u['line'], u['column']))
    write_output({'uses': uses})


main()
`}`;
