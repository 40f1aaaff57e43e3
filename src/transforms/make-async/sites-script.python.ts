import { PRELUDE_SCRIPT } from '../../lang/python/scripts/prelude-script.js';
import { BLOCKING_CANDIDATES_SCRIPT } from './blocking-candidates-script.python.js';
import { SYNTAX_SCRIPT } from './syntax-script.python.js';

/**
 * make_async's view of files, from `ast`. Input `{root, files: [{file, positions: [{line,
 * column}], facts}], blocking: {functions, methods}}` (the table's names). Per file: with
 * `facts`, its functions (name position, `def` position, async, generator, decorators, class,
 * candidate blocking calls — see blocking-candidates-script.python.ts), classes (bases at the
 * position pyright resolves, methods) and doctest examples with the names they call; and for
 * each position (a name pyright reported) the site there: its role (`definition`, `import` with
 * the `as` name, `string`, `keyword`, `call`, `value`), the enclosing function, the lambdas,
 * classes and comprehensions between them, whether it is in the `__main__` block, and for a
 * call its span, whether it is awaited and which call it is handed to.
 */
export const SITES_SCRIPT = `${PRELUDE_SCRIPT}
${SYNTAX_SCRIPT}
${BLOCKING_CANDIDATES_SCRIPT}
${`
def function_facts(source, bindings, contexts, table):
    result = []
    for node in ast.walk(source.tree):
        if not isinstance(node, FUNCTIONS):
            continue
        frames = contexts.frames[id(node)]
        line, char = name_position(source, node)
        def_char = source.char(node.lineno, node.col_offset)
        if isinstance(node, ast.AsyncFunctionDef):
            def_char = source.line(node.lineno).index('def', def_char)
        decorators = []
        for decorator in node.decorator_list:
            target = decorator.func if isinstance(decorator, ast.Call) else decorator
            text = dotted(target)
            decorators.append({'text': segment(source, decorator), 'resolved': bindings.resolve(text) or text or ''})
        entry = {
            'name': node.name,
            'qualname': qualname(frames, node.name),
            **source.position(line, char),
            'def': source.position(node.lineno, def_char),
            'isAsync': isinstance(node, ast.AsyncFunctionDef),
            'isGenerator': is_generator(node),
            'decorators': decorators,
            'topLevel': len(frames) == 0,
            'blocking': blocking_candidates(source, bindings, node, table),
        }
        if frames and isinstance(frames[-1], ast.ClassDef):
            entry['container'] = qualname(frames[:-1], frames[-1].name)
            entry['classAt'] = source.position(*name_position(source, frames[-1]))
        result.append(entry)
    return result


def base_position(source, node):
    target = node.value if isinstance(node, ast.Subscript) else node
    if isinstance(target, ast.Name):
        return source.start(target)
    if isinstance(target, ast.Attribute):
        line, end = source.end(target)
        return (line, end - len(target.attr))
    return None


def class_facts(source, bindings, contexts):
    result = []
    for node in ast.walk(source.tree):
        if not isinstance(node, ast.ClassDef):
            continue
        bases = []
        for base in node.bases:
            at = base_position(source, base)
            if at is None:
                continue
            text = dotted(base.value if isinstance(base, ast.Subscript) else base)
            bases.append({'text': segment(source, base), 'resolved': bindings.resolve(text) or text or '', **source.position(*at)})
        methods = {}
        for statement in node.body:
            if isinstance(statement, FUNCTIONS):
                methods.setdefault(statement.name, source.position(*name_position(source, statement)))
        result.append({
            'name': node.name,
            'qualname': qualname(contexts.frames[id(node)], node.name),
            **source.position(*name_position(source, node)),
            'bases': bases,
            'methods': methods,
        })
    return result


def doctest_calls(source):
    if '>>>' not in source.text:
        return []
    import doctest
    parser = doctest.DocTestParser()
    owners = [source.tree] + [n for n in ast.walk(source.tree) if isinstance(n, FUNCTIONS + (ast.ClassDef,))]
    found = []
    for owner in owners:
        body = owner.body
        if not body or not isinstance(body[0], ast.Expr):
            continue
        doc = body[0].value
        if not isinstance(doc, ast.Constant) or not isinstance(doc.value, str):
            continue
        try:
            examples = parser.get_examples(doc.value)
        except ValueError:
            continue
        for example in examples:
            try:
                tree = ast.parse(example.source)
            except SyntaxError:
                continue
            names = set()
            for call in ast.walk(tree):
                if isinstance(call, ast.Call):
                    func = call.func
                    if isinstance(func, ast.Name):
                        names.add(func.id)
                    elif isinstance(func, ast.Attribute):
                        names.add(func.attr)
            if names:
                line = doc.lineno + example.lineno
                found.append({**source.position(line, max(source.line(line).find('>>>'), 0)), 'names': sorted(names)})
    return found


class PositionIndex:
    """The node whose name starts at each (line, char)."""

    def __init__(self, source):
        self.nodes = {}
        for node in ast.walk(source.tree):
            if isinstance(node, ast.Name) and has_span(node):
                self.nodes.setdefault(source.start(node), ('name', node))
            elif isinstance(node, ast.Attribute) and has_span(node):
                line, end = source.end(node)
                self.nodes.setdefault((line, end - len(node.attr)), ('name', node))
            elif isinstance(node, FUNCTIONS + (ast.ClassDef,)):
                self.nodes[name_position(source, node)] = ('definition', node)
            elif isinstance(node, ast.alias) and has_span(node):
                line, char = source.start(node)
                for part in node.name.split('.'):
                    self.nodes[(line, char)] = ('import', node)
                    char += len(part) + 1
                if node.asname:
                    line, end = source.end(node)
                    self.nodes[(line, end - len(node.asname))] = ('asname', node)
            elif isinstance(node, ast.keyword) and node.arg and has_span(node):
                self.nodes[source.start(node)] = ('keyword', node)
        self.strings = [n for n in ast.walk(source.tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and has_span(n)]

    def at(self, source, position):
        found = self.nodes.get(position)
        if found is not None:
            return found
        for node in self.strings:
            if source.start(node) <= position < source.end(node):
                return ('string', node)
        return ('other', None)


HANDED_THROUGH = (ast.Starred, ast.List, ast.Tuple, ast.Set, ast.keyword) + tuple(COMPREHENSION_KINDS)


def handed_to(bindings, contexts, call):
    """The call an expression is passed to, through stars, literals and comprehensions."""
    child = call
    for ancestor in contexts.ancestors(call):
        if isinstance(ancestor, ast.Call) and ancestor.func is not child:
            text = dotted(ancestor.func)
            resolved = bindings.resolve(text) if text else None
            if resolved:
                return resolved
            return '.' + ancestor.func.attr if isinstance(ancestor.func, ast.Attribute) else '?'
        if not isinstance(ancestor, HANDED_THROUGH):
            return None
        if type(ancestor) in COMPREHENSION_KINDS and child not in (getattr(ancestor, 'elt', None), getattr(ancestor, 'key', None), getattr(ancestor, 'value', None)):
            return None
        child = ancestor
    return None


def scopes_of(source, bindings, contexts, node):
    scopes = []
    function = None
    for frame in reversed(contexts.frames.get(id(node), ())):
        if isinstance(frame, FUNCTIONS):
            function = source.position(*name_position(source, frame))
            break
        scope = {**source.position(*source.start(frame))}
        if isinstance(frame, ast.Lambda):
            scope['kind'] = 'lambda'
        elif isinstance(frame, ast.ClassDef):
            scope['kind'] = 'class'
        else:
            scope['kind'] = COMPREHENSION_KINDS[type(frame)]
            consumer = contexts.parent.get(id(frame))
            if isinstance(consumer, ast.Call) and frame in consumer.args:
                text = dotted(consumer.func)
                scope['consumer'] = (bindings.resolve(text) if text else None) or (
                    '.' + consumer.func.attr if isinstance(consumer.func, ast.Attribute) else '?')
                scope['argIndex'] = consumer.args.index(frame)
        scopes.append(scope)
    return function, scopes


def argument_of(source, contexts, node):
    parent = contexts.parent.get(id(node))
    keyword = None
    if isinstance(parent, ast.keyword):
        keyword = parent.arg
        parent = contexts.parent.get(id(parent))
    if isinstance(parent, ast.Call) and parent.func is not node:
        entry = {'callee': segment(source, parent.func)}
        if keyword is not None:
            entry['keyword'] = keyword
        return entry
    return None


def is_decorator(contexts, node):
    parent = contexts.parent.get(id(node))
    if isinstance(parent, ast.Call) and parent.func is node:
        node, parent = parent, contexts.parent.get(id(parent))
    return isinstance(parent, FUNCTIONS + (ast.ClassDef,)) and any(node is d for d in parent.decorator_list)


def classify(source, bindings, contexts, index, position):
    kind, node = index.at(source, position)
    site = {**source.position(*position), 'lineText': source.line(position[0]), 'scopes': [], 'mainBlock': False}
    if kind == 'import':
        site['role'] = 'import'
        if node.asname:
            line, end = source.end(node)
            site['alias'] = source.position(line, end - len(node.asname))
        return site
    if kind != 'name':
        site['role'] = {'asname': 'import'}.get(kind, kind)
        return site
    function, scopes = scopes_of(source, bindings, contexts, node)
    if function is not None:
        site['function'] = function
    site['scopes'] = scopes
    site['mainBlock'] = function is None and contexts.in_main_block(node)
    site['decorator'] = is_decorator(contexts, node)
    parent = contexts.parent.get(id(node))
    if isinstance(node.ctx, ast.Load) and isinstance(parent, ast.Call) and parent.func is node:
        site['role'] = 'call'
        end_line, end_char = source.end(parent)
        site['call'] = {
            **source.position(*source.start(parent)),
            'end': source.position(end_line, end_char),
            'awaited': isinstance(contexts.parent.get(id(parent)), ast.Await),
            'text': segment(source, parent),
        }
        target = handed_to(bindings, contexts, parent)
        if target is not None:
            site['call']['handedTo'] = target
        return site
    site['role'] = 'value'
    site['text'] = segment(source, parent if isinstance(parent, (ast.Call, ast.keyword)) else node)
    argument = argument_of(source, contexts, node)
    if argument is not None:
        site['argOf'] = argument
    return site


def main():
    request = read_input()
    table = {'functions': set(request['blocking']['functions']), 'methods': set(request['blocking']['methods'])}
    files = []
    for item in request['files']:
        source = Source(request['root'], item['file'])
        if source.tree is None:
            files.append({'file': item['file'], 'error': source.error or 'unreadable', 'sites': []})
            continue
        bindings = Bindings(source.tree)
        contexts = Contexts(source.tree)
        entry = {'file': item['file']}
        if item.get('facts'):
            entry['functions'] = function_facts(source, bindings, contexts, table)
            entry['classes'] = class_facts(source, bindings, contexts)
            entry['doctests'] = doctest_calls(source)
        index = PositionIndex(source)
        entry['sites'] = [classify(source, bindings, contexts, index, to_char_position(source, p)) for p in item.get('positions', [])]
        files.append(entry)
    write_output({'files': files})


main()
`}`;
