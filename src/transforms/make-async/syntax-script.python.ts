/**
 * Python helpers make_async's scripts share (after the prelude): dotted names, what a file's
 * imports bind (`Bindings`), each node's parent and the frames it runs in (`Contexts`:
 * functions, lambdas, classes and comprehensions, as Python scopes them — decorators, defaults
 * and annotations in the enclosing frame, a comprehension's first iterable outside it), the
 * `if __name__ == "__main__":` test, and the positions of `def`/`class` names.
 */
export const SYNTAX_SCRIPT = String.raw`
sys.setrecursionlimit(20000)

FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
COMPREHENSION_KINDS = {ast.ListComp: 'list', ast.SetComp: 'set', ast.DictComp: 'dict', ast.GeneratorExp: 'genexp'}
MAX_TEXT = 160


def dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return '.'.join(reversed(parts))
    return None


def segment(source, node):
    text = ast.get_source_segment(source.text, node) or ''
    text = ' '.join(text.split())
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT - 1] + '…'


class Bindings:
    """What the file's imports (anywhere in it) and its module-level definitions bind names to."""

    def __init__(self, tree):
        self.imported = {}
        self.local = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        self.imported[alias.asname] = alias.name
                    else:
                        head = alias.name.split('.')[0]
                        self.imported.setdefault(head, head)
            elif isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if alias.name == '*':
                        continue
                    module = ('.' * node.level) + (node.module or '')
                    self.imported[alias.asname or alias.name] = module + '.' + alias.name
        for node in tree.body:
            if isinstance(node, FUNCTIONS + (ast.ClassDef,)):
                self.local.add(node.name)
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        self.local.add(target.id)

    def resolve(self, text):
        """'t.sleep' -> 'time.sleep' through the imports; None for a name the module defines."""
        if text is None:
            return None
        head, dot, rest = text.partition('.')
        if head in self.imported:
            return self.imported[head] + dot + rest
        if head in self.local:
            return None
        return text


def all_args(args):
    found = args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg]
    return [arg for arg in found if arg is not None]


def outer_parts(node):
    """The parts of a def or lambda evaluated where it is defined, not when it runs."""
    parts = list(getattr(node, 'decorator_list', []))
    parts += node.args.defaults + [d for d in node.args.kw_defaults if d is not None]
    parts += [arg.annotation for arg in all_args(node.args) if arg.annotation is not None]
    if getattr(node, 'returns', None) is not None:
        parts.append(node.returns)
    return parts


class Contexts:
    """Each node's parent, and the frames it runs in (outermost first)."""

    def __init__(self, tree):
        self.parent = {}
        self.frames = {}
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                self.parent[id(child)] = node
        stack = [(tree, ())]
        while stack:
            node, frames = stack.pop()
            self.frames[id(node)] = frames
            stack.extend(self.children(node, frames))

    def children(self, node, frames):
        if isinstance(node, FUNCTIONS + (ast.Lambda,)):
            inner = frames + (node,)
            body = node.body if isinstance(node.body, list) else [node.body]
            return [(part, frames) for part in outer_parts(node)] + [(child, inner) for child in all_args(node.args) + body]
        if isinstance(node, ast.ClassDef):
            outer = node.decorator_list + node.bases + node.keywords
            return [(child, frames) for child in outer] + [(child, frames + (node,)) for child in node.body]
        if type(node) in COMPREHENSION_KINDS:
            inner = frames + (node,)
            result = []
            for index, generator in enumerate(node.generators):
                self.frames[id(generator)] = inner
                result.append((generator.iter, frames if index == 0 else inner))
                result.append((generator.target, inner))
                result.extend((condition, inner) for condition in generator.ifs)
            elements = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
            return result + [(element, inner) for element in elements]
        return [(child, frames) for child in ast.iter_child_nodes(node)]

    def ancestors(self, node):
        current = self.parent.get(id(node))
        while current is not None:
            yield current
            current = self.parent.get(id(current))

    def in_main_block(self, node):
        child = node
        for ancestor in self.ancestors(node):
            if isinstance(ancestor, ast.Module):
                return False
            if is_main_guard(ancestor) and isinstance(self.parent.get(id(ancestor)), ast.Module):
                return any(child is statement for statement in ancestor.body)
            child = ancestor
        return False


def is_main_guard(node):
    if not isinstance(node, ast.If) or not isinstance(node.test, ast.Compare):
        return False
    test = node.test
    if len(test.ops) != 1 or not isinstance(test.ops[0], ast.Eq):
        return False
    sides = [test.left, test.comparators[0]]
    names = [s for s in sides if isinstance(s, ast.Name) and s.id == '__name__']
    mains = [s for s in sides if isinstance(s, ast.Constant) and s.value == '__main__']
    return len(names) == 1 and len(mains) == 1


def name_position(source, node):
    """(line, char) of a def's or class's name."""
    keyword = 'class' if isinstance(node, ast.ClassDef) else 'def'
    line = source.line(node.lineno)
    start = source.char(node.lineno, node.col_offset)
    match = re.compile(r'\b' + keyword + r'\s+(' + re.escape(node.name) + r')\b').search(line, start)
    return (node.lineno, match.start(1) if match else start)


def qualname(frames, name):
    parts = [frame.name for frame in frames if isinstance(frame, FUNCTIONS + (ast.ClassDef,))]
    return '.'.join(parts + [name])


def own_nodes(node):
    """The nodes of a def's body that run in it: not nested defs, lambdas or classes."""
    stack = list(node.body)
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, FUNCTIONS + (ast.Lambda, ast.ClassDef)):
            stack.extend(outer_parts(current) if not isinstance(current, ast.ClassDef) else current.decorator_list + current.bases)
            continue
        stack.extend(ast.iter_child_nodes(current))


def is_generator(node):
    return any(isinstance(child, (ast.Yield, ast.YieldFrom)) for child in own_nodes(node))


def functions_by_name_position(source):
    found = {}
    for node in ast.walk(source.tree):
        if isinstance(node, FUNCTIONS):
            found[name_position(source, node)] = node
    return found


def to_char_position(source, item):
    return (item['line'], source.from_utf16(item['line'], item['column']))
`;
