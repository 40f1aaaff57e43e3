import { PRELUDE_SCRIPT } from '../scripts/prelude-script.js';
import { SIGNATURE_PARSED_SCRIPT } from './signature-parsed-script.js';
import { SIGNATURE_USES_SCRIPT } from './signature-uses-script.js';

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
${SIGNATURE_PARSED_SCRIPT}
${SIGNATURE_USES_SCRIPT}
${`
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
