import { PRELUDE_SCRIPT } from '../../lang/python/scripts/prelude-script.js';
import { SYNTAX_SCRIPT } from './syntax-script.python.js';

/**
 * The calls a function makes itself, candidates for the blocking table, from `ast`. Input
 * `{root, files: [{file, functions: [{line, column}] | null}], methodNames}` (`null`: every
 * function of the file). Output per function (by its name position): each call in its own body
 * — not in nested defs, classes, lambdas or generator expressions — with its start, its callee
 * resolved through the file's imports (`callee`, absent when not a dotted name or defined in
 * the module), and, for `x.m(...)` with `m` in `methodNames` on a receiver that is not an
 * imported module, where `m` and the receiver's last name are (for pyright to resolve).
 */
export const BLOCKING_SCRIPT = `${PRELUDE_SCRIPT}
${SYNTAX_SCRIPT}
${`
def calls_of(function):
    stack = list(function.body)
    while stack:
        node = stack.pop()
        if isinstance(node, FUNCTIONS + (ast.Lambda,)):
            stack.extend(outer_parts(node))
            continue
        if isinstance(node, ast.ClassDef):
            stack.extend(node.decorator_list + node.bases)
            continue
        if isinstance(node, ast.GeneratorExp):
            stack.append(node.generators[0].iter)
            continue
        if isinstance(node, ast.Call):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def last_name(source, node):
    if isinstance(node, ast.Name):
        return source.position(*source.start(node))
    if isinstance(node, ast.Attribute):
        line, end = source.end(node)
        return source.position(line, end - len(node.attr))
    return None


def describe(source, bindings, call, method_names):
    text = dotted(call.func)
    entry = {**source.position(*source.start(call)), 'end': source.position(*source.end(call)), 'text': segment(source, call)}
    callee = bindings.resolve(text) if text else None
    if callee:
        entry['callee'] = callee
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr in method_names:
        receiver = dotted(func.value)
        if receiver is None or receiver.split('.')[0] not in bindings.imported:
            line, end = source.end(func)
            entry['method'] = {**source.position(line, end - len(func.attr)), 'name': func.attr}
            named = last_name(source, func.value)
            if named is not None:
                entry['receiver'] = named
    return entry


def main():
    request = read_input()
    method_names = set(request['methodNames'])
    files = []
    for item in request['files']:
        source = Source(request['root'], item['file'])
        if source.tree is None:
            files.append({'file': item['file'], 'error': source.error or 'unreadable', 'functions': []})
            continue
        bindings = Bindings(source.tree)
        by_position = functions_by_name_position(source)
        if item.get('functions') is None:
            wanted = sorted(by_position)
        else:
            wanted = [to_char_position(source, p) for p in item['functions']]
        functions = []
        for position in wanted:
            node = by_position.get(position)
            if node is None:
                continue
            calls = [describe(source, bindings, call, method_names) for call in calls_of(node)]
            calls.sort(key=lambda c: (c['line'], c['column']))
            functions.append({**source.position(*position), 'calls': calls})
        files.append({'file': item['file'], 'functions': functions})
    write_output({'files': files})


main()
`}`;
