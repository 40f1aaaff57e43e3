import { PRELUDE_SCRIPT } from './prelude-script.js';

/**
 * What a change does to each module's surface — the names other modules can import from it —
 * as far as the source text says. Input `{root, files: [{file, after}]}` (the base read from
 * disk, `after` the changed text); output `{results: [{file, opaque, names: [{name, base,
 * after, hover}]}]}` listing every surface name whose statements differ (`ast.dump`, so
 * comments and layout do not count): `base`/`after` are the 1-based positions of its name on
 * each side (null where it does not exist), `hover` whether its type can be compared there
 * (undecorated functions and methods, names assigned alone; not classes' headers, imports,
 * decorated functions or names bound inside `if`/`try`/`for`/`with`). Class members are named
 * `Class.member`. `opaque` when either side does not parse: then every name counts.
 */
export const SURFACE_SCRIPT = `${PRELUDE_SCRIPT}
${String.raw`
def name_position(source, node, name):
    line = node.lineno
    start = source.char(line, node.col_offset)
    found = source.line(line).find(name, start)
    return source.position(line, found if found >= 0 else start)


def bound_names(node):
    """Names a compound statement binds anywhere inside it (defs, classes, targets, imports)."""
    names = set()
    for inner in ast.walk(node):
        if isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(inner.name)
        elif isinstance(inner, ast.Name) and isinstance(inner.ctx, ast.Store):
            names.add(inner.id)
        elif isinstance(inner, (ast.Import, ast.ImportFrom)):
            for alias in inner.names:
                names.add('*' if alias.name == '*' else (alias.asname or alias.name.split('.')[0]))
    return names


def surface(source, body, prefix, members):
    """members: qualified name -> {'dumps': [...], 'position': ..., 'hover': bool}."""
    header = []
    def add(name, node, position, hover):
        entry = members.setdefault(prefix + name, {'dumps': [], 'position': position, 'hover': hover})
        entry['dumps'].append(ast.dump(node))
        if len(entry['dumps']) > 1:
            entry['hover'] = False
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            # A decorator may make the name anything: its type is not compared, only its text.
            add(node.name, node, name_position(source, node, node.name), not node.decorator_list)
        elif isinstance(node, ast.ClassDef):
            # The class itself: its header (name, bases, keywords, decorators, type parameters).
            shell = ast.ClassDef(**{field: getattr(node, field) for field in node._fields if field != 'body'}, body=[])
            add(node.name, shell, name_position(source, node, node.name), False)
            surface(source, node.body, prefix + node.name + '.', members)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t for target in targets for t in ast.walk(target)
                     if isinstance(t, ast.Name) and isinstance(t.ctx, ast.Store)]
            for target in names:
                add(target.id, node, source.position(target.lineno, source.char(target.lineno, target.col_offset)),
                    isinstance(node, (ast.Assign, ast.AnnAssign)) and len(names) == 1)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for name in bound_names(node):
                add(name, node, name_position(source, node, name), False)
        else:
            names = bound_names(node)
            for name in names:
                add(name, node, name_position(source, node, name), False)
            if not names and prefix:
                header.append(ast.dump(node))
    if prefix and header:
        # Statements of a class body that bind nothing (a docstring, pass) belong to the class.
        owner = members.get(prefix[:-1])
        if owner is not None:
            owner['dumps'].extend(header)


def module_surface(source):
    members = {}
    surface(source, source.tree.body, '', members)
    return members


def compare(root, file, after_text):
    global OVERLAY
    OVERLAY = {}
    base = Source(root, file)
    OVERLAY = {file: after_text}
    after = Source(root, file)
    OVERLAY = {}
    if base.tree is None or after.tree is None:
        return {'file': file, 'opaque': True, 'names': []}
    before, now = module_surface(base), module_surface(after)
    names = []
    for name in sorted(set(before) | set(now)):
        old, new = before.get(name), now.get(name)
        if old is not None and new is not None and old['dumps'] == new['dumps']:
            continue
        names.append({
            'name': name,
            'base': old and old['position'],
            'after': new and new['position'],
            'hover': bool(old and new and old['hover'] and new['hover']),
        })
    return {'file': file, 'opaque': False, 'names': names}


def main():
    request = read_input()
    write_output({'results': [compare(request['root'], f['file'], f['after']) for f in request['files']]})


main()
`}`;
