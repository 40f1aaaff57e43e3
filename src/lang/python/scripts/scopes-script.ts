import { PRELUDE_SCRIPT } from './prelude-script.js';
import { SCOPE_BUILDER_SCRIPT } from './scope-builder-script.js';

/**
 * Builds Python's lexical scopes (module, class, function, lambda, comprehension) with the
 * names bound in each, from `ast`. Input
 * `{root, mode: 'query', files: [{file, positions: [{line, column}]}], names?, freeName?}` gives,
 * per file, the context and scope chain (innermost first) at each position (only `names` listed
 * when given) and `freeLoads` of `freeName` (loads that resolve to a builtin or a star import:
 * no binding in the file). Input `{root, mode: 'definitions', files, name}` gives every
 * def/class, and every module- or class-level assignment, named `name`.
 */
export const SCOPES_SCRIPT = `${PRELUDE_SCRIPT}
${SCOPE_BUILDER_SCRIPT}
${`
def innermost(scope, position):
    for child in scope.children:
        if child.contains(position):
            return innermost(child, position)
    return scope


def resolves_to_module(scope, name):
    current = scope
    first = True
    while current.parent is not None:
        if name in current.globals:
            return True
        if (current.kind != 'class' or first) and name in current.bindings:
            return False
        first = False
        current = current.parent
    return True


def context_at(source, position):
    line, char = position
    for node in ast.walk(source.tree):
        if not has_span(node):
            continue
        if isinstance(node, ast.Attribute):
            end = source.end(node)
            if end[0] == line and end[1] - len(node.attr) <= char < end[1]:
                return 'attribute'
        elif isinstance(node, ast.alias):
            start = source.start(node)
            if start[0] == line and start[1] <= char < start[1] + len(node.name):
                return 'import-alias' if node.asname else 'import'
        elif isinstance(node, ast.keyword) and node.arg is not None:
            start = source.start(node)
            if start[0] == line and start[1] <= char < start[1] + len(node.arg):
                return 'keyword'
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if source.start(node) <= position < source.end(node):
                return 'string'
    return 'name'


def describe(source, scope, only):
    names = []
    for name in sorted(scope.bindings):
        if only is not None and name not in only:
            continue
        kind, (line, char) = scope.bindings[name]
        names.append({'name': name, 'kind': kind, **source.position(line, char)})
    line, char = scope.position
    return {
        'kind': scope.kind,
        'name': scope.name,
        **source.position(line, char),
        'names': names,
        'starImports': sorted(scope.star_imports),
    }


def chain(source, scope, only):
    result = []
    while scope is not None:
        result.append(describe(source, scope, only))
        scope = scope.parent
    return result


def walk_scopes(scope):
    yield scope
    for child in scope.children:
        yield from walk_scopes(child)


def query(source, builder, positions, only, free_name):
    answers = []
    for item in positions:
        line = item['line']
        position = (line, source.from_utf16(line, item['column']))
        scope = innermost(builder.module, position)
        answers.append({
            'line': line,
            'column': item['column'],
            'context': context_at(source, position),
            'scopes': chain(source, scope, only),
        })
    free = []
    if free_name is not None and free_name not in builder.module.bindings:
        for scope in walk_scopes(builder.module):
            for name, (line, char) in scope.loads:
                if name == free_name and resolves_to_module(scope, name):
                    free.append(source.position(line, char))
    return {'file': source.rel, 'positions': answers, 'freeLoads': sorted(free, key=lambda p: (p['line'], p['column']))}


def definitions(source, builder, name):
    found = []
    for scope in walk_scopes(builder.module):
        binding = scope.bindings.get(name)
        if binding is None:
            continue
        kind, (line, char) = binding
        if kind in ('parameter', 'import'):
            continue
        if scope.kind not in ('module', 'class') and kind not in ('function', 'class'):
            continue
        if scope.kind == 'class' and kind in ('variable', 'constant'):
            kind = 'property'
        entry = {'file': source.rel, 'name': name, 'kind': kind, **source.position(line, char)}
        if scope.kind in ('class', 'function'):
            entry['container'] = scope.name
        found.append(entry)
    return found


def main():
    request = read_input()
    results = []
    errors = []
    for item in request['files']:
        source = Source(request['root'], item['file'])
        if source.tree is None:
            errors.append({'file': item['file'], 'message': source.error})
            continue
        builder = ScopeBuilder(source)
        builder.visit_all(source.tree.body)
        if request['mode'] == 'definitions':
            results.extend(definitions(source, builder, request['name']))
        else:
            only = set(request['names']) if request.get('names') is not None else None
            positions = item.get('positions', [])
            results.append(query(source, builder, positions, only, request.get('freeName')))
    write_output({'results': results, 'errors': errors})


main()
`}`;
