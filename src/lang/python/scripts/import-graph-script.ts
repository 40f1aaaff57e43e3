import { PRELUDE_SCRIPT } from './prelude-script.js';

/**
 * Resolves every import in the given workspace files to workspace files. Input:
 * `{root, files: [relative paths]}`. Module names come from paths, searched from the root and
 * from `src/` (as pyright's autoSearchPaths does). `import a.b.c` → the file of `a.b.c`;
 * `from p import x` → `p`'s file with names [x], or the submodule `p/x.py` when there is one;
 * `from . import x` and `from .m import y` resolve against the importing file's package.
 * Output: `{edges: [{from, to, names}], errors}`.
 */
export const IMPORT_GRAPH_SCRIPT = `${PRELUDE_SCRIPT}
${`
SEARCH_ROOTS = ('', 'src/')


def module_table(files):
    table = {}
    for rel in files:
        for prefix in SEARCH_ROOTS:
            if prefix and not rel.startswith(prefix):
                continue
            stem = rel[len(prefix):]
            stem = stem[:-4] if stem.endswith('.pyi') else stem[:-3]
            parts = stem.split('/')
            if parts[-1] == '__init__':
                parts = parts[:-1]
            if parts and all(part.isidentifier() for part in parts):
                table.setdefault('.'.join(parts), rel)
    return table


def package_of(rel, names):
    name = names.get(rel)
    if name is None:
        return None
    parts = name.split('.') if name else []
    return parts if rel.endswith(('__init__.py', '__init__.pyi')) else parts[:-1]


def main():
    request = read_input()
    files = request['files']
    table = module_table(files)
    names = {}
    for name, path in table.items():
        names.setdefault(path, name)
    edges = {}
    errors = []

    def add(source, target, names):
        if target is None or target == source:
            return
        edges.setdefault((source, target), set()).update(names)

    for rel in files:
        source = Source(request['root'], rel)
        if source.tree is None:
            errors.append({'file': rel, 'message': source.error})
            continue
        package = package_of(rel, names)
        for node in ast.walk(source.tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    add(rel, table.get(alias.name), [])
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    if package is None or node.level - 1 > len(package):
                        continue
                    base = package[:len(package) - (node.level - 1)]
                    module = '.'.join(base + (node.module.split('.') if node.module else []))
                else:
                    module = node.module or ''
                target = table.get(module)
                for alias in node.names:
                    submodule = table.get(module + '.' + alias.name if module else alias.name)
                    if alias.name != '*' and submodule is not None:
                        add(rel, submodule, [])
                    else:
                        add(rel, target, [alias.name])
    write_output({
        'edges': [
            {'from': source, 'to': target, 'names': sorted(names)}
            for (source, target), names in sorted(edges.items())
        ],
        'errors': errors,
    })


main()
`}`;
