/**
 * Python helpers of the sites script: the calls a function makes itself that may be blocking
 * — in its own body, not in nested defs, classes, lambdas or generator expressions. A call is a
 * candidate when its callee, resolved through the file's imports, is one of the table's
 * function names, or when it is `x.m(...)` with `m` one of the table's method names on a
 * receiver that is not an imported module (pyright then says what `m` is).
 */
export const BLOCKING_CANDIDATES_SCRIPT = `
def own_calls(function):
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


def blocking_candidate(source, bindings, call, table):
    text = dotted(call.func)
    callee = bindings.resolve(text) if text else None
    entry = {**source.position(*source.start(call)), 'end': source.position(*source.end(call)), 'text': segment(source, call)}
    if callee in table['functions']:
        entry['callee'] = callee
        return entry
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr not in table['methods']:
        return None
    receiver = dotted(func.value)
    if receiver is not None and receiver.split('.')[0] in bindings.imported:
        return None
    line, end = source.end(func)
    entry['method'] = {**source.position(line, end - len(func.attr)), 'name': func.attr}
    named = last_name(source, func.value)
    if named is not None:
        entry['receiver'] = named
    return entry


def blocking_candidates(source, bindings, function, table):
    found = [blocking_candidate(source, bindings, call, table) for call in own_calls(function)]
    return sorted((c for c in found if c is not None), key=lambda c: (c['line'], c['column']))
`;
