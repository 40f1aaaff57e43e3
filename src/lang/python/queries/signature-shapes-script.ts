import { PRELUDE_SCRIPT } from '../scripts/prelude-script.js';

/**
 * Reads function signatures and call arguments from Python's `ast` and `tokenize`. Input
 * `{root, mode, ...}`:
 * - `declarations`: `targets: [{file, line, column}]` (a `def`'s name), `name?` → per target the
 *   parameter slots in source order (with the `/` and `*` markers), the parentheses, decorators,
 *   the enclosing class, the body's span and, when `name` is given, where the body binds or uses
 *   that name (and, with `**kwargs`, reads it as a string).
 * - `references`: `positions: [{file, line, column}]` (names) → per position what is there: a
 *   call (its arguments as slots), a definition, an import (with the alias position), a
 *   decorator, a string, a value use, or other.
 * - `classes`: `files` → every class with its bases (where their last name is) and methods.
 * - `expressions`: `items: [{text, as: 'expression'|'type'}]` → the ones that are not one
 *   expression (or annotation), with the parser's message.
 * Positions are 1-based lines and UTF-16 columns; a slot's `end` is exclusive.
 */
export const SIGNATURE_SHAPES_SCRIPT = `${PRELUDE_SCRIPT}
${`
import io
import tokenize

SKIPPED = {tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT,
           tokenize.ENCODING, tokenize.ENDMARKER}
OPENERS = {'(', '[', '{'}
CLOSERS = {')', ']', '}'}
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


class Parsed:
    """A source with its significant tokens, parents and def/class name positions."""

    def __init__(self, root, rel):
        self.source = Source(root, rel)
        self.tokens = []
        if self.source.tree is not None:
            try:
                for tok in tokenize.generate_tokens(io.StringIO(self.source.text, newline='').readline):
                    if tok.type not in SKIPPED:
                        self.tokens.append(tok)
            except (tokenize.TokenError, SyntaxError):
                self.source.tree = None
        self.by_start = {tok.start: i for i, tok in enumerate(self.tokens)}
        self.by_end = {tok.end: i for i, tok in enumerate(self.tokens)}
        self.parents = {}
        self.names = {}
        if self.source.tree is None:
            return
        for node in ast.walk(self.source.tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
            if isinstance(node, FUNCTIONS + (ast.ClassDef,)):
                index = self.name_token(node)
                if index is not None:
                    self.names[self.tokens[index].start] = node

    def pos(self, point):
        return self.source.position(point[0], point[1])

    def start_of(self, node):
        return self.source.start(node)

    def end_of(self, node):
        return self.source.end(node)

    def name_token(self, node):
        """Index of the NAME token after def/class."""
        index = self.by_start.get(self.start_of(node))
        if index is None:
            return None
        keyword = 'class' if isinstance(node, ast.ClassDef) else 'def'
        while index < len(self.tokens) - 1:
            tok = self.tokens[index]
            if tok.type == tokenize.NAME and tok.string == keyword:
                following = self.tokens[index + 1]
                return index + 1 if following.string == node.name else None
            index += 1
        return None

    def group(self, open_index):
        """The closing token's index and the top-level segments [[(index, depth)]]."""
        depth = 0
        segments = []
        current = []
        for index in range(open_index, len(self.tokens)):
            tok = self.tokens[index]
            if tok.type == tokenize.OP and tok.string in OPENERS:
                depth += 1
                if depth == 1:
                    continue
            elif tok.type == tokenize.OP and tok.string in CLOSERS:
                depth -= 1
                if depth == 0:
                    if current:
                        segments.append(current)
                    return index, segments
            elif tok.type == tokenize.OP and tok.string == ',' and depth == 1:
                if current:
                    segments.append(current)
                current = []
                continue
            current.append((index, depth))
        return None, segments

    def matching_open(self, close_index):
        depth = 0
        for index in range(close_index, -1, -1):
            tok = self.tokens[index]
            if tok.type == tokenize.OP and tok.string in CLOSERS:
                depth += 1
            elif tok.type == tokenize.OP and tok.string in OPENERS:
                depth -= 1
                if depth == 0:
                    return index
        return None

    def top(self, segment):
        return [self.tokens[index] for index, depth in segment if depth == 1]

    def span(self, segment):
        return self.pos(self.tokens[segment[0][0]].start), self.pos(self.tokens[segment[-1][0]].end)

    def text(self, node):
        try:
            return ast.unparse(node)
        except Exception:
            return ''

    def at(self, position):
        line = position['line']
        return (line, self.source.from_utf16(line, position['column']))


def param_slots(parsed, segments):
    slots = []
    for segment in segments:
        top = parsed.top(segment)
        first = top[0]
        start, end = parsed.span(segment)
        slot = {'start': start, 'end': end, 'hasDefault': any(t.type == tokenize.OP and t.string == '=' for t in top)}
        if first.string == '/':
            slot['kind'] = 'positional-marker'
        elif first.string == '*' and len(top) == 1:
            slot['kind'] = 'keyword-marker'
        elif first.string in ('*', '**') and len(top) > 1:
            slot['kind'] = 'var-positional' if first.string == '*' else 'var-keyword'
            slot['name'] = top[1].string
            slot['namePosition'] = parsed.pos(top[1].start)
        else:
            slot['kind'] = 'regular'
            slot['name'] = first.string
            slot['namePosition'] = parsed.pos(first.start)
        slots.append(slot)
    if any(s['kind'] == 'positional-marker' for s in slots):
        for slot in slots:
            if slot['kind'] == 'positional-marker':
                break
            slot['kind'] = 'positional-only'
    keyword_only = False
    for slot in slots:
        if slot['kind'] in ('keyword-marker', 'var-positional'):
            keyword_only = True
        elif keyword_only and slot['kind'] == 'regular':
            slot['kind'] = 'keyword-only'
    return slots


def decorator_names(parsed, node):
    names = []
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        names.append(parsed.text(target))
    return names


def body_uses(parsed, node, name, kwargs):
    found = []
    def add(line, char, what):
        found.append({**parsed.pos((line, char)), 'what': what})
    for statement in node.body:
        for child in ast.walk(statement):
            if isinstance(child, ast.Name) and child.id == name:
                add(*parsed.start_of(child), 'load' if isinstance(child.ctx, ast.Load) else 'assignment')
            elif isinstance(child, ast.arg) and child.arg == name:
                add(*parsed.start_of(child), 'parameter of a nested function')
            elif isinstance(child, FUNCTIONS + (ast.ClassDef,)) and child.name == name:
                add(*parsed.start_of(child), 'nested definition')
            elif isinstance(child, ast.alias) and (child.asname or child.name.split('.')[0]) == name:
                add(*parsed.start_of(parsed.parents[child]), 'import')
            elif isinstance(child, ast.ExceptHandler) and child.name == name:
                add(*parsed.start_of(child), 'except clause')
            elif isinstance(child, (ast.Global, ast.Nonlocal)) and name in child.names:
                add(*parsed.start_of(child), 'global or nonlocal statement')
            elif isinstance(child, (ast.MatchAs, ast.MatchStar)) and child.name == name:
                add(*parsed.start_of(child), 'match capture')
            elif kwargs and isinstance(child, ast.Constant) and child.value == name:
                add(*parsed.start_of(child), 'string read from **' + kwargs)
    return found


def declaration(parsed, target, name):
    node = parsed.names.get(parsed.at(target))
    if node is None or not isinstance(node, FUNCTIONS):
        return {'error': 'not-a-def'}
    index = parsed.name_token(node) + 1
    if parsed.tokens[index].string == '[':
        index = parsed.group(index)[0] + 1
    close, segments = parsed.group(index)
    slots = param_slots(parsed, segments)
    parent = parsed.parents.get(node)
    kwargs = next((s['name'] for s in slots if s['kind'] == 'var-keyword'), None)
    result = {
        'name': node.name,
        'async': isinstance(node, ast.AsyncFunctionDef),
        'open': parsed.pos(parsed.tokens[index].end),
        'close': parsed.pos(parsed.tokens[close].start),
        'slots': slots,
        'decorators': decorator_names(parsed, node),
        'bodyStart': parsed.pos(parsed.start_of(node.body[0])),
        'bodyEnd': parsed.pos(parsed.end_of(node)),
        'uses': body_uses(parsed, node, name, kwargs) if name else [],
    }
    if isinstance(parent, ast.ClassDef):
        result['className'] = parent.name
        result['classPosition'] = parsed.pos(parsed.tokens[parsed.name_token(parent)].start)
    return result


def argument_slots(parsed, segments):
    slots = []
    for segment in segments:
        top = parsed.top(segment)
        start, end = parsed.span(segment)
        slot = {'start': start, 'end': end}
        if top[0].string == '*':
            slot['kind'] = 'spread'
        elif top[0].string == '**':
            slot['kind'] = 'keyword-spread'
        elif len(top) > 1 and top[0].type == tokenize.NAME and top[1].string == '=':
            slot['kind'] = 'keyword'
            slot['name'] = top[0].string
        else:
            slot['kind'] = 'positional'
        slots.append(slot)
    return slots


def call_shape(parsed, call):
    close = parsed.by_end.get(parsed.end_of(call))
    opening = None if close is None else parsed.matching_open(close)
    if opening is None:
        return {'context': 'other'}
    _, segments = parsed.group(opening)
    open_token = parsed.tokens[opening]
    shape = {
        'context': 'call',
        'open': parsed.pos(open_token.end),
        'close': parsed.pos(parsed.tokens[close].start),
        'args': argument_slots(parsed, segments),
        'bareGenerator': len(call.args) == 1 and isinstance(call.args[0], ast.GeneratorExp)
        and parsed.start_of(call.args[0]) == open_token.start,
    }
    func = call.func
    if isinstance(func, ast.Attribute):
        shape['callee'] = 'attribute'
        shape['object'] = parsed.text(func.value)[:80]
        value = func.value
        shape['viaSuper'] = isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == 'super'
    else:
        shape['callee'] = 'name'
    return shape


def import_names(parsed, node):
    """(name position, alias position or None) of each name a from-import binds."""
    index = parsed.by_start.get(parsed.start_of(node))
    end = parsed.by_end.get(parsed.end_of(node))
    found = []
    if index is None or end is None:
        return found
    while index <= end and parsed.tokens[index].string != 'import':
        index += 1
    index += 1
    while index <= end:
        tok = parsed.tokens[index]
        if tok.type == tokenize.NAME:
            alias = None
            if index + 2 <= end and parsed.tokens[index + 1].string == 'as':
                alias = parsed.tokens[index + 2].start
                found.append((tok.start, alias))
                index += 3
                continue
            found.append((tok.start, None))
        index += 1
    return found


class References:
    def __init__(self, parsed):
        self.parsed = parsed
        self.exprs = {}
        self.imports = {}
        self.strings = []
        if parsed.source.tree is None:
            return
        for node in ast.walk(parsed.source.tree):
            if isinstance(node, ast.Name):
                self.exprs[parsed.start_of(node)] = node
            elif isinstance(node, ast.Attribute):
                line, char = parsed.end_of(node)
                self.exprs[(line, char - len(node.attr))] = node
            elif isinstance(node, ast.ImportFrom):
                for name, alias in import_names(parsed, node):
                    self.imports[name] = alias
            elif isinstance(node, ast.Import):
                for index in range(parsed.by_start.get(parsed.start_of(node), 0), parsed.by_end.get(parsed.end_of(node), -1) + 1):
                    self.imports[parsed.tokens[index].start] = None
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and has_span(node):
                self.strings.append((parsed.start_of(node), parsed.end_of(node)))

    def classify(self, position):
        parsed = self.parsed
        point = parsed.at(position)
        if point in parsed.names:
            return {'context': 'definition'}
        if point in self.imports:
            alias = self.imports[point]
            return {'context': 'import'} if alias is None else {'context': 'import-alias', 'alias': parsed.pos(alias)}
        node = self.exprs.get(point)
        if node is None:
            inside = any(start <= point < end for start, end in self.strings)
            return {'context': 'string' if inside else 'other'}
        parent = parsed.parents.get(node)
        if isinstance(parent, ast.Call) and parent.func is node:
            return call_shape(parsed, parent)
        if isinstance(parent, FUNCTIONS + (ast.ClassDef,)) and node in parent.decorator_list:
            return {'context': 'decorator'}
        if isinstance(parent, ast.Attribute) and parent.value is node:
            return {'context': 'attribute', 'attribute': parent.attr}
        if not isinstance(getattr(node, 'ctx', None), ast.Load):
            return {'context': 'assignment'}
        return {'context': 'value'}


def is_stub(node):
    body = list(node.body)
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
        body = body[1:]
    for statement in body:
        if isinstance(statement, ast.Pass):
            continue
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant) and statement.value.value is Ellipsis:
            continue
        if isinstance(statement, ast.Raise) and statement.exc is not None:
            exc = statement.exc.func if isinstance(statement.exc, ast.Call) else statement.exc
            if isinstance(exc, ast.Name) and exc.id == 'NotImplementedError':
                continue
        return False
    return True


def last_name_start(parsed, node):
    if isinstance(node, ast.Subscript):
        return last_name_start(parsed, node.value)
    if isinstance(node, ast.Name):
        return parsed.start_of(node)
    if isinstance(node, ast.Attribute):
        line, char = parsed.end_of(node)
        return (line, char - len(node.attr))
    return None


def classes(parsed):
    found = []
    if parsed.source.tree is None:
        return found
    for node in ast.walk(parsed.source.tree):
        if not isinstance(node, ast.ClassDef):
            continue
        name_index = parsed.name_token(node)
        if name_index is None:
            continue
        bases = []
        for base in node.bases:
            start = last_name_start(parsed, base)
            if start is not None:
                bases.append({'text': parsed.text(base), **parsed.pos(start)})
        methods = {}
        for statement in node.body:
            if isinstance(statement, FUNCTIONS):
                index = parsed.name_token(statement)
                decorators = decorator_names(parsed, statement)
                methods[statement.name] = {
                    **parsed.pos(parsed.tokens[index].start),
                    'abstract': any(d.split('.')[-1] == 'abstractmethod' for d in decorators) or is_stub(statement),
                }
        protocol = any(b['text'].split('[')[0].split('.')[-1] == 'Protocol' for b in bases)
        found.append({'file': parsed.source.rel, 'name': node.name, **parsed.pos(parsed.tokens[name_index].start),
                      'bases': bases, 'methods': methods, 'protocol': protocol})
    return found


def bad_texts(items):
    """Texts that are not one expression (or annotation): checked where they will stand."""
    bad = []
    for index, item in enumerate(items):
        text = item['text'].strip()
        try:
            if item['as'] == 'type':
                tree = ast.parse('def _(x: ' + text + '): pass')
                ok = len(tree.body) == 1 and tree.body[0].args.args[0].annotation is not None
            else:
                tree = ast.parse('_(' + text + ')', mode='eval')
                call = tree.body
                ok = isinstance(call, ast.Call) and len(call.args) == 1 and not call.keywords and not isinstance(call.args[0], ast.Starred)
            if not ok:
                bad.append({'index': index, 'message': 'it is more than one expression'})
        except (SyntaxError, ValueError) as error:
            bad.append({'index': index, 'message': str(getattr(error, 'msg', error))})
    return bad


def main():
    request = read_input()
    root = request['root']
    mode = request['mode']
    cache = {}
    def parsed_of(rel):
        if rel not in cache:
            cache[rel] = Parsed(root, rel)
        return cache[rel]
    if mode == 'expressions':
        write_output({'bad': bad_texts(request['items'])})
        return
    if mode == 'classes':
        found = []
        for rel in request['files']:
            found.extend(classes(parsed_of(rel)))
        write_output({'classes': found})
        return
    results = []
    references = {}
    for item in request['targets'] if mode == 'declarations' else request['positions']:
        parsed = parsed_of(item['file'])
        if parsed.source.tree is None:
            results.append({'error': 'unparsable', 'message': parsed.source.error or 'tokenize failed'})
        elif mode == 'declarations':
            results.append(declaration(parsed, item, request.get('name')))
        else:
            if item['file'] not in references:
                references[item['file']] = References(parsed)
            result = references[item['file']].classify(item)
            result['lineText'] = parsed.source.line(item['line'])
            results.append(result)
    write_output({'results': results})


main()
`}`;
