import { PRELUDE_SCRIPT } from '../../lang/python/scripts/prelude-script.js';
import { FRAGMENTS_SCRIPT } from './fragments-script.python.js';
import { SYNTAX_SCRIPT } from './syntax-script.python.js';

/**
 * make_async's text edits, from `ast`. Input `{root, files: [{file, plan}]}` with the plan of
 * edit-plan.python.ts. Output per file: `edits` (1-based UTF-16 `{start, end, oldText,
 * newText, reason}`, in text order, none overlapping), `rewrites` (`{line, column, from, to,
 * operation, rewrite}`) and `missing` (plan items whose node was not found). `await` and the
 * blocking rewrites get parentheses where a call is the object of `.x`, `[i]` or `(...)`:
 * `(await f()).x`. `import asyncio` (and `import pytest` for a marker) is added once; an import whose every use a rewrite replaced is deleted.
 */
export const EDITS_SCRIPT = `${PRELUDE_SCRIPT}
${SYNTAX_SCRIPT}
${FRAGMENTS_SCRIPT}
${String.raw`
class Nodes:
    def __init__(self, source):
        self.names = {}
        self.calls = {}
        self.genexps = {}
        for node in ast.walk(source.tree):
            if isinstance(node, ast.Name) and has_span(node):
                self.names[source.start(node)] = node
            elif isinstance(node, ast.Attribute) and has_span(node):
                line, end = source.end(node)
                self.names[(line, end - len(node.attr))] = node
            if isinstance(node, ast.Call):
                self.calls.setdefault(source.start(node), []).append(node)
            elif isinstance(node, ast.GeneratorExp):
                self.genexps[source.start(node)] = node


def needs_parens(contexts, call):
    parent = contexts.parent.get(id(call))
    if isinstance(parent, (ast.Attribute, ast.Subscript)):
        return parent.value is call
    return isinstance(parent, ast.Call) and parent.func is call


class FileEdits:
    def __init__(self, source):
        self.source = source
        self.contexts = Contexts(source.tree)
        self.nodes = Nodes(source)
        self.functions = functions_by_name_position(source)
        self.frags = Fragments(source)
        self.imports = set()
        self.dropped = []
        self.rewrites = []
        self.missing = []

    def call_named_at(self, item):
        node = self.nodes.names.get(to_char_position(self.source, item))
        parent = self.contexts.parent.get(id(node)) if node is not None else None
        if isinstance(parent, ast.Call) and parent.func is node:
            return parent
        self.missing.append(item)
        return None

    def make_async(self, item):
        node = self.functions.get(to_char_position(self.source, item))
        if node is None or isinstance(node, ast.AsyncFunctionDef):
            return self.missing.append(item)
        start = (node.lineno, self.source.char(node.lineno, node.col_offset))
        self.frags.replace(start, (start[0], start[1] + 3), 'async def', item['reason'])

    def await_call(self, item):
        call = self.call_named_at(item)
        if call is None:
            return
        parens = needs_parens(self.contexts, call)
        self.frags.around(call, '(await ' if parens else 'await ', ')' if parens else '', 'await call')

    def wrap(self, item):
        call = self.call_named_at(item)
        if call is not None:
            self.frags.around(call, 'asyncio.run(', ')', item['reason'])
            self.imports.add('asyncio')

    def listify(self, item):
        genexp = self.nodes.genexps.get(to_char_position(self.source, item))
        if genexp is None:
            return self.missing.append(item)
        start, end = self.source.start(genexp), self.source.end(genexp)
        parent = self.contexts.parent.get(id(genexp))
        shared = isinstance(parent, ast.Call) and self.frags.open_paren_after(parent.func) == start
        reason = 'generator expression → list comprehension'
        if shared:
            size = self.frags.size(genexp)
            self.frags.insert((start[0], start[1] + 1), OPEN, size, '[', reason)
            self.frags.insert((end[0], end[1] - 1), CLOSE, size, ']', reason)
        else:
            self.frags.replace(start, (start[0], start[1] + 1), '[', reason)
            self.frags.replace((end[0], end[1] - 1), end, ']', reason)

    def blocking(self, item):
        position = to_char_position(self.source, item)
        end = to_char_position(self.source, item['end'])
        call = next((c for c in self.nodes.calls.get(position, []) if self.source.end(c) == end), None)
        paren = self.frags.open_paren_after(call.func) if call is not None else None
        if paren is None:
            return self.missing.append(item)
        rewrite = item['rewrite']
        reason = 'blocking call → ' + rewrite
        parens = needs_parens(self.contexts, call)
        call_end = self.source.end(call)
        inner = self.frags.slice((paren[0], paren[1] + 1), (call_end[0], call_end[1] - 1))
        has_args = bool(call.args or call.keywords)
        func_start, func_end = self.source.start(call.func), self.source.end(call.func)
        if rewrite == 'asyncio.sleep':
            self.frags.around(call, '(await ' if parens else 'await ', ')' if parens else '', reason)
            self.frags.replace(func_start, func_end, 'asyncio.sleep', reason)
            self.dropped.append(root_name(call.func))
            to = 'await asyncio.sleep(' + inner + ')'
        else:
            self.frags.around(call, ('(' if parens else '') + 'await asyncio.to_thread(', ')' if parens else '', reason)
            if has_args:
                self.frags.replace(paren, (paren[0], paren[1] + 1), ', ', reason)
            else:
                self.frags.replace(paren, call_end, ')', reason)
            func = self.frags.slice(func_start, func_end)
            to = 'await asyncio.to_thread(' + func + (', ' + inner if has_args else '') + ')'
        self.imports.add('asyncio')
        self.rewrites.append({
            **self.source.position(*position),
            'from': self.frags.slice(self.source.start(call), call_end),
            'to': to,
            'operation': item['operation'],
            'rewrite': rewrite,
        })

    def base(self, item):
        node = self.nodes.names.get(to_char_position(self.source, item))
        reason = 'unittest.IsolatedAsyncioTestCase'
        if isinstance(node, ast.Attribute):
            line, end = self.source.end(node)
            self.frags.replace((line, end - len(node.attr)), (line, end), 'IsolatedAsyncioTestCase', reason)
        elif isinstance(node, ast.Name):
            self.frags.replace(self.source.start(node), self.source.end(node), 'IsolatedAsyncioTestCase', reason)
            self.import_async_case(reason)
        else:
            self.missing.append(item)

    def import_async_case(self, reason):
        for statement in self.source.tree.body:
            if isinstance(statement, ast.ImportFrom) and statement.module == 'unittest' and statement.level == 0:
                names = {alias.name: alias for alias in statement.names}
                if 'IsolatedAsyncioTestCase' in names:
                    return
                alias = names.get('TestCase')
                if alias is not None and not alias.asname:
                    self.frags.insert(self.source.start(alias), FIRST, 0, 'IsolatedAsyncioTestCase, ', reason)
                    return

    def marker(self, item):
        node = self.functions.get(to_char_position(self.source, item))
        if node is None:
            return self.missing.append(item)
        line = first_line(node)
        indent = re.match(r'[ \t]*', self.source.line(line)).group(0)
        eol = line_ending(self.source.text)
        self.frags.insert((line, len(indent)), FIRST, 0, '@' + item['marker'] + eol + indent, item['marker'])
        if not has_module_import(self.source.tree, 'pytest'):
            self.imports.add('pytest')

    def remove_unused_imports(self):
        """Deletes the module-level imports whose every use a rewrite replaced ("import time"
        once "time.sleep" became "asyncio.sleep"); returns {line start: replace index}."""
        dropped = {}
        for name in self.dropped:
            if name is not None:
                dropped[name] = dropped.get(name, 0) + 1
        uses = {}
        for node in ast.walk(self.source.tree):
            if isinstance(node, ast.Name):
                uses[node.id] = uses.get(node.id, 0) + 1
        unused = {name for name, count in dropped.items() if uses.get(name, 0) == count and not self.exported(name)}
        removed = {}
        body = self.source.tree.body
        for index, statement in enumerate(body):
            if not isinstance(statement, (ast.Import, ast.ImportFrom)) or len(statement.names) != 1:
                continue
            if bound_name(statement, statement.names[0]) not in unused or statement.col_offset != 0:
                continue
            shares_line = any(other is not statement and other.lineno <= statement.end_lineno and other.end_lineno >= statement.lineno for other in body)
            if shares_line:
                continue
            start = (statement.lineno, 0)
            if statement.end_lineno < len(self.source.lines):
                end = (statement.end_lineno + 1, 0)
            else:
                end = (statement.end_lineno, len(self.source.line(statement.end_lineno)))
            removed[start] = len(self.frags.replaces)
            self.frags.replace(start, end, '', 'unused import removed')
        return removed

    def exported(self, name):
        for statement in self.source.tree.body:
            if isinstance(statement, ast.Assign) and any(isinstance(t, ast.Name) and t.id == '__all__' for t in statement.targets):
                if any(isinstance(e, ast.Constant) and e.value == name for e in ast.walk(statement.value)):
                    return True
        return False

    def add_imports(self, removed):
        names = sorted(n for n in self.imports if not has_module_import(self.source.tree, n))
        if names:
            position, text = import_point(self.source, names)
            reason = '; '.join('import ' + n for n in names)
            if position in removed:
                start, end, _, old_reason = self.frags.replaces[removed[position]]
                self.frags.replaces[removed[position]] = (start, end, text, reason + '; ' + old_reason)
            else:
                self.frags.inserts.setdefault(position, []).insert(0, ((-1, 0), text, reason))


def root_name(node):
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def bound_name(statement, alias):
    if alias.asname:
        return alias.asname
    return alias.name.split('.')[0] if isinstance(statement, ast.Import) else alias.name


def main():
    request = read_input()
    files = []
    for item in request['files']:
        source = Source(request['root'], item['file'])
        if source.tree is None:
            files.append({'file': item['file'], 'error': source.error or 'unreadable'})
            continue
        edits = FileEdits(source)
        plan = item['plan']
        for entry in plan['defs']:
            edits.make_async(entry)
        for entry in plan['awaits']:
            edits.await_call(entry)
        for entry in plan['wraps']:
            edits.wrap(entry)
        for entry in plan['listify']:
            edits.listify(entry)
        for entry in plan['blocking']:
            edits.blocking(entry)
        for entry in plan['bases']:
            edits.base(entry)
        for entry in plan['markers']:
            edits.marker(entry)
        edits.add_imports(edits.remove_unused_imports())
        files.append({'file': item['file'], 'edits': edits.frags.edits(), 'rewrites': edits.rewrites, 'missing': edits.missing})
    write_output({'files': files})


main()
`}`;
