/**
 * Python helpers of move's script: module names of workspace files (from the root and from
 * `src/`), relative module paths, exact statement spans and import rendering.
 */
export const MOVE_MODULES_SCRIPT = String.raw`
SEARCH_ROOTS = ('', 'src/')


class Modules:
    """Module names of workspace files, searched from the root and from src/ (as pyright does)."""

    def __init__(self, files, folders):
        self.files = set(files)
        self.folders = set(folders)
        self.by_name = {}
        for rel in sorted(self.files):
            for prefix in SEARCH_ROOTS:
                name = self.name_of(rel, prefix)
                if name is not None:
                    self.by_name.setdefault((prefix, name), rel)

    @staticmethod
    def name_of(rel, prefix):
        if prefix and not rel.startswith(prefix):
            return None
        stem = rel[len(prefix):]
        stem = stem[:-4] if stem.endswith('.pyi') else stem[:-3]
        parts = stem.split('/')
        if parts[-1] == '__init__':
            parts = parts[:-1]
        if not parts or not all(part.isidentifier() for part in parts):
            return None
        return '.'.join(parts)

    def resolve(self, name):
        """(prefix, file) of an absolute dotted module name, or (None, None)."""
        for prefix in SEARCH_ROOTS:
            rel = self.by_name.get((prefix, name))
            if rel is not None:
                return prefix, rel
        return None, None

    def folder_file(self, folder, dotted):
        """The file of dotted below folder ('' is the root), or None."""
        base = '/'.join(p for p in [folder] + (dotted.split('.') if dotted else []) if p)
        for candidate in (base + '.py', base + '/__init__.py', base + '.pyi', base + '/__init__.pyi'):
            if candidate in self.files:
                return candidate
        return None

    def resolve_from(self, rel, level, module):
        """The file a from <level dots><module> import in rel reads, or None."""
        if level == 0:
            return self.resolve(module or '')[1]
        folder = rel.rsplit('/', 1)[0] if '/' in rel else ''
        for _ in range(level - 1):
            if folder == '':
                return None
            folder = folder.rsplit('/', 1)[0] if '/' in folder else ''
        return self.folder_file(folder, module or '')

    def prefix_for(self, rel):
        return 'src/' if rel.startswith('src/') and Modules.name_of(rel, 'src/') else ''


def relative_module(importer, target):
    """(level, module) of a relative import of target from importer, or None outside a package."""
    here = importer.split('/')[:-1]
    there = target.split('/')
    stem = there[-1][:-3] if there[-1].endswith('.py') else there[-1][:-4]
    parts = there[:-1] + ([] if stem == '__init__' else [stem])
    common = 0
    while common < len(here) and common < len(parts) and here[common] == parts[common]:
        common += 1
    if common == 0:
        return None
    return len(here) - common + 1, '.'.join(parts[common:])


class Text:
    """A file's text with offsets of its lines and the statements' exact spans."""

    def __init__(self, text):
        self.text = text
        self.starts = [0]
        for match in NEWLINE.finditer(text):
            self.starts.append(match.end())
        first = NEWLINE.search(text)
        self.newline = first.group(0) if first else '\n'

    def offset(self, lineno, byte_col):
        start = self.starts[lineno - 1]
        end = self.starts[lineno] if lineno < len(self.starts) else len(self.text)
        line = self.text[start:end]
        return start + len(line.encode('utf-8')[:byte_col].decode('utf-8', errors='replace'))

    def span(self, node):
        return self.offset(node.lineno, node.col_offset), self.offset(node.end_lineno, node.end_col_offset)

    def line_span(self, node):
        """The statement's whole lines when it is alone on them, else None."""
        start, end = self.span(node)
        line_start = self.starts[node.lineno - 1]
        line_end = self.starts[node.end_lineno] if node.end_lineno < len(self.starts) else len(self.text)
        if self.text[line_start:start].strip() or self.text[end:line_end].strip():
            return None
        return line_start, line_end

    def indent_of(self, node):
        line_start = self.starts[node.lineno - 1]
        start = self.span(node)[0]
        before = self.text[line_start:start]
        return before if not before.strip() else None


def apply_edits(text, edits):
    """text with non-overlapping (start, end, new) edits applied."""
    result = text
    for start, end, new in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        result = result[:start] + new + result[end:]
    return result


def render_alias(alias):
    return alias.name + (' as ' + alias.asname if alias.asname else '')


def render_import(node, aliases):
    names = ', '.join(render_alias(a) for a in aliases)
    if isinstance(node, ast.Import):
        return 'import ' + names
    return 'from ' + '.' * node.level + (node.module or '') + ' import ' + names


def bound_names(tree):
    """Every name a file binds or reads anywhere (to pick a new name that clashes with none)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                names.add((alias.asname or alias.name).split('.')[0])
    return names


def all_entries(tree):
    """The module-level __all__ = [...] list or tuple node, or None."""
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == '__all__' for t in node.targets):
            if isinstance(node.value, (ast.List, ast.Tuple)):
                return node.value
    return None


def module_level_names(tree):
    """Names bound by the module's top-level statements (defs, classes, assignments, imports)."""
    names = {}

    def visit(body):
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.setdefault(node.name, node)
            elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    for sub in ast.walk(target):
                        if isinstance(sub, ast.Name):
                            names.setdefault(sub.id, node)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    if alias.name != '*':
                        names.setdefault((alias.asname or alias.name).split('.')[0], node)
            elif isinstance(node, (ast.If, ast.Try)):
                visit(node.body)
                visit(node.orelse)
                for handler in getattr(node, 'handlers', []):
                    visit(handler.body)
                visit(getattr(node, 'finalbody', []))

    visit(tree.body)
    return names
`;
