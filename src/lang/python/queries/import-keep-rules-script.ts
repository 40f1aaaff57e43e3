/**
 * Python helpers of the import-removal script: why an import nothing in its file reads stays —
 * a re-export (`__init__.py`'s imports from its own package, a name in `__all__`, `import a as
 * a`, a name other workspace modules import from this one) or a side effect (`__future__`,
 * `# noqa` bare or F401, an optional import inside `try`). Needs the prelude's `ast` and `re`.
 */
export const IMPORT_KEEP_RULES_SCRIPT = String.raw`
NOQA = re.compile(r'#\s*noqa(?::\s*([A-Za-z0-9]+(?:[\s,]+[A-Za-z0-9]+)*))?', re.I)


def module_names(rel):
    parts = re.sub(r'\.pyi?$', '', rel).split('/')
    if parts and parts[-1] == '__init__':
        parts = parts[:-1]
    return set('.'.join(parts[i:]) for i in range(len(parts))) - {''}


def package_parts(rel):
    parts = rel.split('/')[:-1]
    return parts


def absolute_module(rel, node):
    if not node.level:
        return node.module or ''
    parts = package_parts(rel)
    up = node.level - 1
    if up > len(parts):
        return None
    base = parts[:len(parts) - up] if up else parts
    return '.'.join(base + ([node.module] if node.module else []))


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


def imported_names(root, files, wanted):
    """module name -> {name: ['file:line', ...]}: where files import a name from a module."""
    index = {}
    for rel in files:
        source = Source(root, rel)
        if source.tree is None or not any(name in source.text for name in wanted):
            continue
        bound = bindings_of(source.tree)
        for node in ast.walk(source.tree):
            if isinstance(node, ast.ImportFrom):
                module = absolute_module(rel, node)
                if module is None:
                    continue
                for alias in node.names:
                    if alias.name in wanted:
                        index.setdefault(module, {}).setdefault(alias.name, []).append(rel + ':' + str(node.lineno))
            elif isinstance(node, ast.Attribute) and node.attr in wanted:
                chain = chain_of(node.value)
                if chain and chain[0] in bound:
                    module = '.'.join([bound[chain[0]]] + chain[1:])
                    index.setdefault(module, {}).setdefault(node.attr, []).append(rel + ':' + str(node.lineno))
    return index


def all_names(tree):
    names = set()
    for node in tree.body:
        targets = []
        value = None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets, value = [node.target], node.value
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            func = node.value.func
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == '__all__':
                for arg in node.value.args:
                    names.update(strings_in(arg))
            continue
        if any(isinstance(t, ast.Name) and t.id == '__all__' for t in targets) and value is not None:
            names.update(strings_in(value))
    return names


def strings_in(node):
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def noqa_applies(line):
    match = NOQA.search(line)
    if not match:
        return False
    if not match.group(1):
        return True
    return any('F401'.startswith(code.upper()) for code in re.split(r'[\s,]+', match.group(1)) if code)


def bound_name(statement, alias):
    if alias.asname:
        return alias.asname
    return alias.name.split('.')[0] if isinstance(statement, ast.Import) else alias.name


def alias_position(source, alias):
    line, char = source.start(alias)
    end_line, end_char = source.end(alias)
    return (line, source.utf16(line, char)), (end_line, source.utf16(end_line, end_char))


def why_kept(rel, source, statement, alias, name, context):
    if isinstance(statement, ast.ImportFrom) and statement.module == '__future__':
        return ('side-effect', 'a __future__ import changes how the module compiles')
    if alias.asname is not None and alias.asname == alias.name:
        return ('re-export', 'written "import %s as %s": an explicit re-export' % (alias.name, alias.asname))
    if name in context['all']:
        return ('re-export', '"%s" is named in __all__' % name)
    if context['init'] and isinstance(statement, ast.ImportFrom):
        module = absolute_module(rel, statement) or ''
        own = context['package']
        if statement.level or any(module == p or module.startswith(p + '.') for p in own):
            return ('re-export', "the package's __init__.py imports it from the package itself: a re-export")
    for module in sorted(context['modules']):
        users = [u for u in context['importers'].get(module, {}).get(name, []) if not u.startswith(rel + ':')]
        if users:
            return ('re-export', 'imported from this module by %s' % sorted(users)[0])
    if noqa_applies(source.line(alias.lineno)) or noqa_applies(source.line(statement.lineno)):
        return ('side-effect', 'marked "# noqa": kept for its side effect')
    if context['in_try'](statement):
        return ('side-effect', 'inside try/except: an optional import whose failure the code handles')
    return None


`;
