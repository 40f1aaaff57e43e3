/**
 * Python helpers of the sites script: what a file with calls holds at module level — its
 * imports (absolute module, names with their positions), every module-level name, its line
 * ending, and where a new import line goes (after the docstring and the leading imports, else
 * before the first statement). Needs the prelude and the sites script's `start_of`, `end_of`
 * and `absolute_module`.
 */
export const FILE_SUMMARY_SCRIPT = String.raw`
def file_summary(facts):
    source = facts.source
    tree = source.tree
    eol = NEWLINE.search(source.text)
    statements = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.names and node.names[0].name != '*':
            last = node.names[-1]
            statements.append({'kind': 'from', 'module': absolute_module(facts.rel, node), 'line': node.lineno,
                               'names': [{'name': a.name, 'asname': a.asname, 'start': start_of(source, a), 'end': end_of(source, a)} for a in node.names],
                               'lastEnd': end_of(source, last)})
        elif isinstance(node, ast.Import):
            statements.append({'kind': 'import', 'line': node.lineno,
                               'names': [{'name': a.name, 'asname': a.asname, 'start': start_of(source, a), 'end': end_of(source, a)} for a in node.names]})
    top = module_level_names(tree)
    return {'eol': eol.group(0) if eol else '\n', 'imports': statements, 'insertAt': insertion_point(source, tree),
            'bound': sorted(top), 'bindings': facts.bindings}


def module_level_names(tree):
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                if alias.name != '*':
                    names.add(alias.asname or alias.name.split('.')[0])
        else:
            for sub in ast.walk(node):
                if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store):
                    names.add(sub.id)
    return names


def insertion_point(source, tree):
    """After the leading block of imports (docstring and __future__ first); else before the code."""
    body = tree.body
    index = 0
    after = None
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
        after = body[0]
        index = 1
    while index < len(body) and isinstance(body[index], (ast.Import, ast.ImportFrom)):
        after = body[index]
        index += 1
    if after is not None:
        return {'line': after.end_lineno + 1, 'column': 1, 'after': True}
    if body:
        first = body[0]
        line = min([first.lineno] + [d.lineno for d in getattr(first, 'decorator_list', [])])
        definition = isinstance(first, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        return {'line': line, 'column': 1, 'after': False, 'blankLines': 2 if definition else 1}
    return {'line': len(source.lines), 'column': len(source.lines[-1]) + 1 if source.lines else 1, 'after': True}


`;
