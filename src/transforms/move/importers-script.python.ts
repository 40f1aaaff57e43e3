/**
 * The part of move's script that makes every other module follow the moved name: `from <old>
 * import name [as alias]` (absolute or relative, in `__init__.py` re-exports too) imports it
 * from the new module, a star import of the old module gains an explicit import where the name
 * is used, and qualified uses (`core.name`, `pkg.core.name`, `import pkg.core as c; c.name`)
 * reach the new module through an import like the one they used; `__all__` lists follow.
 */
export const MOVE_IMPORTERS_SCRIPT = String.raw`
def chain_of(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return list(reversed(parts))
    return None


def parents_of(tree):
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    return parents


class Importer:
    """The edits that make one file import the moved name from its new module."""

    def __init__(self, modules, rel, text, source, dest, name):
        self.modules, self.rel, self.source, self.dest, self.name = modules, rel, source, dest, name
        self.text = Text(text)
        self.tree = ast.parse(text)
        self.plans = {}
        self.edits = []
        self.taken = bound_names(self.tree)
        self.loads = {}
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                self.loads[node.id] = self.loads.get(node.id, 0) + 1
        entries = all_entries(self.tree)
        self.exported = {e.value for e in entries.elts if isinstance(e, ast.Constant)} if entries else set()
        self.is_package = rel.endswith('__init__.py')

    def plan(self, stmt):
        return self.plans.setdefault(id(stmt), {'node': stmt, 'drop': set(), 'append': []})

    def dest_name(self, prefix):
        name = Modules.name_of(self.dest, prefix or '') if prefix else None
        return name or Modules.name_of(self.dest, '') or Modules.name_of(self.dest, 'src/')

    def from_dest(self, stmt, prefix, names):
        """from <dest> import names, relative when stmt is."""
        if stmt.level > 0:
            relative = relative_module(self.rel, self.dest)
            if relative is not None:
                return 'from ' + '.' * relative[0] + relative[1] + ' import ' + names
        return 'from ' + self.dest_name(prefix) + ' import ' + names

    def module_import(self, stmt, prefix):
        """(statement, binding) that bring the new module in under a fresh name, like stmt does."""
        stem = self.dest.rsplit('/', 1)[-1].rsplit('.', 1)[0]
        if stem == '__init__':
            stem = self.dest.rsplit('/', 2)[-2]
        alias = stem
        counter = 1
        while alias in self.taken:
            alias = stem + '_module' + ('' if counter == 1 else str(counter))
            counter += 1
        self.taken.add(alias)
        suffix = '' if alias == stem else ' as ' + alias
        if isinstance(stmt, ast.ImportFrom):
            if stmt.level > 0:
                relative = relative_module(self.rel, self.dest)
                if relative is not None:
                    parent = relative[1].rsplit('.', 1)[0] if '.' in relative[1] else ''
                    return 'from ' + '.' * relative[0] + parent + ' import ' + stem + suffix, alias
            dotted = self.dest_name(prefix)
            if '.' in dotted:
                package = dotted.rsplit('.', 1)[0]
                return 'from ' + package + ' import ' + stem + suffix, alias
            return 'import ' + dotted + suffix, alias
        return 'import ' + self.dest_name(prefix) + ' as ' + alias, alias

    def run(self):
        module_aliases = {}
        dotted_imports = []
        uses_name = self.loads.get(self.name, 0) > 0
        for stmt in ast.walk(self.tree):
            if isinstance(stmt, ast.ImportFrom):
                target = self.modules.resolve_from(self.rel, stmt.level, stmt.module)
                prefix = self.modules.resolve(stmt.module or '')[0] if stmt.level == 0 else None
                if target == self.source:
                    moved = [(i, a) for i, a in enumerate(stmt.names) if a.name == self.name]
                    if moved:
                        plan = self.plan(stmt)
                        plan['drop'].update(i for i, _ in moved)
                        plan['append'].append(self.from_dest(stmt, prefix, ', '.join(render_alias(a) for _, a in moved)))
                    elif any(a.name == '*' for a in stmt.names) and (uses_name or self.is_package):
                        if self.name not in module_level_names(self.tree):
                            self.plan(stmt)['append'].append(self.from_dest(stmt, prefix, self.name))
                    continue
                for i, alias in enumerate(stmt.names):
                    dotted = ((stmt.module + '.') if stmt.module else '') + alias.name
                    if alias.name != '*' and self.modules.resolve_from(self.rel, stmt.level, dotted) == self.source:
                        module_aliases[alias.asname or alias.name] = (stmt, i, prefix)
            elif isinstance(stmt, ast.Import):
                for i, alias in enumerate(stmt.names):
                    prefix, target = self.modules.resolve(alias.name)
                    if alias.asname and target == self.source:
                        module_aliases[alias.asname] = (stmt, i, prefix)
                    elif not alias.asname:
                        dotted_imports.append((stmt, i, alias.name, target == self.source))
        self.rewrite_uses(module_aliases, dotted_imports)
        return self.render()

    def rewrite_uses(self, module_aliases, dotted_imports):
        replaced = {}
        new_names = {}
        for node in ast.walk(self.tree):
            if not isinstance(node, ast.Attribute) or node.attr != self.name:
                continue
            chain = chain_of(node.value)
            if not chain:
                continue
            start, end = self.text.span(node.value)
            if len(chain) == 1 and chain[0] in module_aliases:
                stmt, _, prefix = module_aliases[chain[0]]
                if chain[0] not in new_names:
                    statement, alias = self.module_import(stmt, prefix)
                    self.plan(stmt)['append'].append(statement)
                    new_names[chain[0]] = alias
                self.edits.append((start, end, new_names[chain[0]]))
                replaced[chain[0]] = replaced.get(chain[0], 0) + 1
                continue
            dotted = '.'.join(chain)
            prefix, target = self.modules.resolve(dotted)
            # import pkg.core (or import pkg, when pkg imports core): pkg.core.name
            match = next((d for d in dotted_imports if d[2] == dotted), None) or next(
                (d for d in dotted_imports if d[2].split('.')[0] == chain[0]), None)
            if target != self.source or match is None:
                continue
            stmt = match[0]
            new_dotted = self.dest_name(prefix)
            if ('import', new_dotted) not in new_names:
                self.plan(stmt)['append'].append('import ' + new_dotted)
                new_names[('import', new_dotted)] = new_dotted
            self.edits.append((start, end, new_dotted))
            replaced[chain[0]] = replaced.get(chain[0], 0) + 1
        if self.is_package:
            return
        for binding, (stmt, index, _) in module_aliases.items():
            if replaced.get(binding) and self.loads.get(binding, 0) == replaced[binding] and binding not in self.exported:
                self.plan(stmt)['drop'].add(index)
        for stmt, index, dotted, imports_source in dotted_imports:
            head = dotted.split('.')[0]
            if not imports_source or self.modules.resolve(dotted)[1] != self.source:
                continue
            if replaced.get(head) and self.loads.get(head, 0) == replaced[head] and head not in self.exported:
                self.plan(stmt)['drop'].add(index)

    def render(self):
        parents = None
        for plan in self.plans.values():
            stmt = plan['node']
            start, end = self.text.span(stmt)
            kept = [a for i, a in enumerate(stmt.names) if i not in plan['drop']]
            parts = []
            if kept:
                parts.append(self.text.text[start:end] if not plan['drop'] else render_import(stmt, kept))
            for statement in plan['append']:
                if statement not in parts:
                    parts.append(statement)
            indent = self.text.indent_of(stmt)
            if parts:
                separator = '; ' if indent is None or self.text.line_span(stmt) is None else self.text.newline + indent
                self.edits.append((start, end, separator.join(parts)))
                continue
            parents = parents or parents_of(self.tree)
            body = getattr(parents.get(stmt), 'body', None)
            whole = self.text.line_span(stmt)
            if isinstance(body, list) and len(body) == 1 and body[0] is stmt or whole is None:
                self.edits.append((start, end, 'pass'))
            else:
                self.edits.append((whole[0], whole[1], ''))
        return self.edits


def rewrite_importers(modules, texts, source, dest, name):
    """New texts of the files (not source or dest) whose imports of name follow it to dest."""
    changed = {}
    for rel in sorted(texts):
        text = texts[rel]
        if rel in (source, dest) or name not in text:
            continue
        try:
            importer = Importer(modules, rel, text, source, dest, name)
        except (SyntaxError, ValueError):
            continue
        edits = importer.run()
        if edits:
            changed[rel] = apply_edits(text, edits)
    return changed


def drop_from_all(text, name):
    """text without the __all__ entry for name (when it has one)."""
    tree = ast.parse(text)
    entries = all_entries(tree)
    if entries is None:
        return text
    lines = Text(text)
    elements = list(entries.elts)
    for index, element in enumerate(elements):
        if isinstance(element, ast.Constant) and element.value == name:
            start, end = lines.span(element)
            if index + 1 < len(elements):
                end = lines.span(elements[index + 1])[0]
            elif index > 0:
                start = lines.span(elements[index - 1])[1]
            return apply_edits(text, [(start, end, '')])
    return text


def add_to_all(text, name):
    """text with name appended to its __all__ (when it has one without it)."""
    tree = ast.parse(text)
    entries = all_entries(tree)
    if entries is None or any(isinstance(e, ast.Constant) and e.value == name for e in entries.elts):
        return text
    lines = Text(text)
    if not entries.elts:
        start, end = lines.span(entries)
        return apply_edits(text, [(start + 1, end - 1, repr(name))])
    last = entries.elts[-1]
    start, end = lines.span(last)
    quote = text[start] if text[start] in '\'"' else '"'
    return apply_edits(text, [(end, end, ', ' + quote + name + quote)])
`;
