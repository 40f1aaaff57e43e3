/**
 * The part of the signature scripts that says what a name position is: a call (with its
 * arguments as slots: positional, keyword, `*x`, `**x`), an import (with its alias), a
 * decorator, a string, an attribute read, a value use. Needs the parsed-source part.
 */
export const SIGNATURE_USES_SCRIPT = `
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
        # A call whose parentheses are no tokens of their own (inside an f-string before 3.12).
        return {'context': 'opaque-call'}
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
`;
