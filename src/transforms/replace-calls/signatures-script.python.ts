import { PRELUDE_SCRIPT } from '../../lang/python/scripts/prelude-script.js';

/**
 * Reads the parameters of the functions declared at given positions (workspace files or
 * library stubs): `def` / `async def` (a class: its `__init__` without `self`). Input
 * `{root, defs: [{path, line, name}]}` (1-based line of the name); output `{defs: [{path, line,
 * found, kind, name, isAsync, params: [{name, kind, optional}], text}]}` — `kind` of a
 * parameter is `positional-only`, `positional`, `var-positional`, `keyword-only` or `var-keyword`.
 */
export const SIGNATURES_SCRIPT = `${PRELUDE_SCRIPT}
${String.raw`
def params_of(args, skip_first):
    params = []
    positional = list(args.posonlyargs) + list(args.args)
    defaults = len(args.defaults)
    for index, arg in enumerate(positional):
        kind = 'positional-only' if index < len(args.posonlyargs) else 'positional'
        params.append({'name': arg.arg, 'kind': kind, 'optional': index >= len(positional) - defaults})
    if args.vararg is not None:
        params.append({'name': args.vararg.arg, 'kind': 'var-positional', 'optional': True})
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        params.append({'name': arg.arg, 'kind': 'keyword-only', 'optional': default is not None})
    if args.kwarg is not None:
        params.append({'name': args.kwarg.arg, 'kind': 'var-keyword', 'optional': True})
    if skip_first and params and params[0]['kind'] in ('positional-only', 'positional'):
        params = params[1:]
    return params


def returns_awaitable(node):
    annotation = node.returns
    if annotation is None:
        return False
    text = ast.unparse(annotation)
    return bool(re.match(r'^(typing\.|collections\.abc\.|types\.)?(Coroutine|CoroutineType|Awaitable)\b', text))


def describe(name, params):
    parts = []
    marked = False
    for index, param in enumerate(params):
        if param['kind'] == 'keyword-only' and not marked:
            parts.append('*')
            marked = True
        prefix = {'var-positional': '*', 'var-keyword': '**'}.get(param['kind'], '')
        if param['kind'] == 'var-positional':
            marked = True
        parts.append(prefix + param['name'] + ('=…' if param['optional'] and not prefix else ''))
        following = params[index + 1] if index + 1 < len(params) else None
        if param['kind'] == 'positional-only' and (following is None or following['kind'] != 'positional-only'):
            parts.append('/')
    return name + '(' + ', '.join(parts) + ')'


def find(tree, line, name):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name:
            first = node.lineno
            if first <= line <= (node.body[0].lineno if node.body else first):
                return node
    return None


def main():
    request = read_input()
    root = request['root']
    cache = {}
    out = []
    for item in request['defs']:
        path = item['path']
        if path not in cache:
            cache[path] = Source(root, path)
        source = cache[path]
        node = find(source.tree, item['line'], item['name']) if source.tree is not None else None
        entry = {'path': path, 'line': item['line'], 'found': node is not None, 'name': item['name']}
        if isinstance(node, ast.ClassDef):
            init = next((n for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == '__init__'), None)
            params = params_of(init.args, True) if init is not None else []
            entry.update(kind='class', isAsync=False, params=params, text=describe(node.name, params))
        elif node is not None:
            params = params_of(node.args, False)
            is_async = isinstance(node, ast.AsyncFunctionDef) or returns_awaitable(node)
            entry.update(kind='function', isAsync=is_async, params=params, text=describe(node.name, params))
        out.append(entry)
    write_output({'defs': out})


main()
`}`;
