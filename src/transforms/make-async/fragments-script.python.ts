/**
 * Python helpers of the edits script (after the prelude and the syntax helpers): `Fragments`
 * collects insertions and replacements in one file and turns them into non-overlapping edits
 * — insertions at one point merged into one edit, closing text of inner nodes before opening
 * text of outer ones (`(await ` before `await asyncio.to_thread(` … `)` after `)`); and
 * `import_point`, where `import asyncio` goes: before the first import that follows the module
 * docstring and `from __future__` imports, else after them, else before the first statement.
 */
export const FRAGMENTS_SCRIPT = String.raw`
FIRST, OPEN, CLOSE = 'first', 'open', 'close'


class Fragments:
    def __init__(self, source):
        self.source = source
        self.starts = [0] + [m.end() for m in NEWLINE.finditer(source.text)]
        self.inserts = {}
        self.replaces = []

    def offset(self, position):
        return self.starts[position[0] - 1] + position[1]

    def position_of(self, offset):
        import bisect
        index = bisect.bisect_right(self.starts, offset) - 1
        return (index + 1, offset - self.starts[index])

    def size(self, node):
        return self.offset(self.source.end(node)) - self.offset(self.source.start(node))

    def insert(self, position, kind, size, text, reason):
        order = {FIRST: (0, 0), CLOSE: (1, size), OPEN: (2, -size)}[kind]
        self.inserts.setdefault(position, []).append((order, text, reason))

    def replace(self, start, end, text, reason):
        self.replaces.append((start, end, text, reason))

    def around(self, node, before, after, reason):
        size = self.size(node)
        self.insert(self.source.start(node), OPEN, size, before, reason)
        if after:
            self.insert(self.source.end(node), CLOSE, size, after, reason)

    def open_paren_after(self, node):
        """(line, char) of the '(' that follows node, or None."""
        offset = self.offset(self.source.end(node))
        text = self.source.text
        while offset < len(text) and text[offset] in ' \t\r\n\\':
            offset += 1
        return self.position_of(offset) if offset < len(text) and text[offset] == '(' else None

    def slice(self, start, end):
        return self.source.text[self.offset(start):self.offset(end)]

    def edits(self):
        found = []
        for position, items in self.inserts.items():
            items.sort(key=lambda item: item[0])
            reasons = []
            for _, _, reason in items:
                if reason not in reasons:
                    reasons.append(reason)
            found.append((position, position, ''.join(text for _, text, _ in items), '; '.join(reasons)))
        found.extend(self.replaces)
        found.sort(key=lambda e: (self.offset(e[0]), self.offset(e[1])))
        return [{
            'start': self.source.position(*start),
            'end': self.source.position(*end),
            'oldText': self.slice(start, end),
            'newText': text,
            'reason': reason,
        } for start, end, text, reason in found]


def line_ending(text):
    match = NEWLINE.search(text)
    return match.group(0) if match else '\n'


def is_docstring(node):
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)


def has_module_import(tree, name):
    return any(isinstance(n, ast.Import) and any(a.name == name and not a.asname for a in n.names) for n in tree.body)


def first_line(node):
    decorators = getattr(node, 'decorator_list', [])
    return decorators[0].lineno if decorators else node.lineno


def import_point(source, names):
    """(position, text) of the import statements for names, in the file's own line endings."""
    eol = line_ending(source.text)
    text = ''.join('import ' + name + eol for name in names)
    body = source.tree.body
    index = 1 if body and is_docstring(body[0]) else 0
    while index < len(body) and isinstance(body[index], ast.ImportFrom) and body[index].module == '__future__':
        index += 1
    if index < len(body) and isinstance(body[index], (ast.Import, ast.ImportFrom)):
        return (body[index].lineno, 0), text
    if index > 0:
        last = body[index - 1].end_lineno
        if last < len(source.lines):
            following = source.line(last + 1)
            return (last + 1, 0), eol + text + ('' if following.strip() == '' else eol)
        return (last, len(source.line(last))), eol + eol + text
    if body:
        gap = eol * (2 if isinstance(body[0], FUNCTIONS + (ast.ClassDef,)) else 1)
        return (first_line(body[0]), 0), text + gap
    last = source.lines[-1]
    return (len(source.lines), len(last)), (eol if last else '') + text
`;
