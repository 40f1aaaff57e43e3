import { PRELUDE_SCRIPT } from '../../lang/python/scripts/prelude-script.js';
import { FILE_SUMMARY_SCRIPT } from './file-summary-script.python.js';

/**
 * Reads what stands at each reference of the old function (a call by name, a call through a
 * module, an import, the declaration, a value) with each call's arguments and context, and,
 * per file with calls, its module-level imports, where a new import line goes, and which
 * names the scopes around each call bind. Input `{root, sites: [{file, line, column, name}],
 * candidates: [names]}`; output `{sites: [...], files: {file: {...}}, errors}`. Positions are
 * 1-based lines and UTF-16 columns.
 */
export const SITES_SCRIPT = `${PRELUDE_SCRIPT}
${FILE_SUMMARY_SCRIPT}
${String.raw`
import symtable

SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def pos(source, line, char):
    return {'line': line, 'column': source.utf16(line, char)}


def start_of(source, node):
    line, char = source.start(node)
    return pos(source, line, char)


def end_of(source, node):
    line, char = source.end(node)
    return pos(source, line, char)


def absolute_module(rel, node):
    if not node.level:
        return node.module or ''
    parts = rel.split('/')[:-1]
    up = node.level - 1
    if up > len(parts):
        return None
    base = parts[:len(parts) - up] if up else parts
    return '.'.join(base + ([node.module] if node.module else []))


def module_bindings(rel, tree):
    """Module-level names bound by imports: name -> {'kind': 'module'|'from', 'module', 'name'}."""
    bound = {}
    for node in tree.body:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    bound[alias.asname] = {'kind': 'module', 'module': alias.name}
                else:
                    head = alias.name.split('.')[0]
                    bound.setdefault(head, {'kind': 'module', 'module': head})
        elif isinstance(node, ast.ImportFrom):
            module = absolute_module(rel, node)
            for alias in node.names:
                if alias.name != '*' and module is not None:
                    bound[alias.asname or alias.name] = {'kind': 'from', 'module': module, 'name': alias.name}
    return bound


def chain_of(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return list(reversed(parts))
    return None


class FileFacts:
    def __init__(self, root, rel, candidates):
        self.rel = rel
        self.source = Source(root, rel)
        self.index = {}
        self.parents = {}
        self.bindings = {}
        self.candidates = set(candidates)
        self._tables = None
        if self.source.tree is None:
            return
        source = self.source
        for node in ast.walk(source.tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
            if isinstance(node, ast.Name):
                self.index[self.key(start_of(source, node))] = node
            elif isinstance(node, ast.Attribute) and has_span(node):
                line, end = source.end(node)
                self.index[self.key(pos(source, line, end - len(node.attr)))] = node
            elif isinstance(node, ast.alias) and has_span(node):
                self.index[self.key(start_of(source, node))] = node
                if node.asname:
                    line, end = source.end(node)
                    self.index[self.key(pos(source, line, end - len(node.asname)))] = node
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                text = source.line(node.lineno)
                found = re.compile(r'(?:async\s+)?(?:def|class)\s+(' + re.escape(node.name) + r')\b').search(text, source.char(node.lineno, node.col_offset))
                if found:
                    self.index[self.key(pos(source, node.lineno, found.start(1)))] = node
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and has_span(node):
                line, char = source.start(node)
                self.index[self.key(pos(source, line, char + 1))] = node
        self.bindings = module_bindings(rel, source.tree)
        self.candidates |= set(self.bindings)

    def tables(self):
        if self._tables is None:
            self._tables = build_tables(self)
        return self._tables

    def key(self, p):
        return (p['line'], p['column'])

    def enclosing(self, node):
        chain = []
        current = self.parents.get(node)
        while current is not None:
            if isinstance(current, SCOPES):
                chain.append(current)
            current = self.parents.get(current)
        return chain


def describe_value(facts, node):
    parent = facts.parents.get(node)
    if isinstance(parent, ast.Call) and node in parent.args + [k.value for k in parent.keywords]:
        callee = ast.unparse(parent.func)[:60]
        return 'passed as an argument to ' + callee
    if isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node in parent.decorator_list:
        return 'used as a decorator'
    if isinstance(parent, ast.Attribute):
        return 'used through .' + parent.attr + ', not called by name'
    if isinstance(parent, (ast.Assign, ast.AnnAssign, ast.NamedExpr)):
        return 'stored in a variable'
    if isinstance(parent, (ast.Dict, ast.List, ast.Tuple, ast.Set)):
        return 'stored in a collection'
    if isinstance(parent, (ast.Return, ast.Lambda)):
        return 'returned'
    return 'used as a value, not called'


def classify(facts, site):
    source = facts.source
    node = facts.index.get((site['line'], site['column']))
    line_text = source.line(site['line'])
    base = {'file': site['file'], 'line': site['line'], 'column': site['column'], 'name': site['name'], 'lineText': line_text}
    if node is None:
        return dict(base, role='unknown')
    parent = facts.parents.get(node)
    if isinstance(node, ast.alias):
        out = dict(base, role='import')
        if node.asname and node.name.split('.')[-1] == site['name'] and node.asname != site['name']:
            line, end = source.end(node)
            out['alias'] = dict(pos(source, line, end - len(node.asname)), name=node.asname)
        return out
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return dict(base, role='definition')
    if isinstance(node, ast.Constant):
        return dict(base, role='string')
    if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
        return dict(base, role='definition')
    if isinstance(parent, ast.Call) and parent.func is node:
        call = parent
        chain = facts.enclosing(call)
        function = next((s for s in chain if not isinstance(s, ast.ClassDef)), None)
        outer = facts.parents.get(call)
        out = dict(base, role='call' if isinstance(node, ast.Name) else 'qualified-call',
                   calleeStart=start_of(source, node), calleeEnd=end_of(source, node),
                   callee=ast.unparse(node), callEnd=end_of(source, call), call=ast.unparse(call)[:120],
                   positional=sum(1 for a in call.args if not isinstance(a, ast.Starred)),
                   starred=sum(1 for a in call.args if isinstance(a, ast.Starred)),
                   keywords=[k.arg for k in call.keywords if k.arg is not None],
                   doubleStarred=sum(1 for k in call.keywords if k.arg is None),
                   inAsync=isinstance(function, ast.AsyncFunctionDef),
                   function=getattr(function, 'name', None) if function is not None else None,
                   awaited=isinstance(outer, ast.Await),
                   needsParens=(isinstance(outer, (ast.Attribute, ast.Subscript)) and outer.value is call) or (isinstance(outer, ast.Call) and outer.func is call),
                   shadowed=shadowed_names(facts, call))
        if isinstance(node, ast.Attribute):
            chain_names = chain_of(node.value)
            out['qualifier'] = ast.unparse(node.value)
            if chain_names and chain_names[0] in facts.bindings:
                binding = facts.bindings[chain_names[0]]
                head_module = binding['module'] if binding['kind'] == 'module' else binding['module'] + '.' + binding['name']
                out['qualifierHead'] = chain_names[0]
                out['qualifierModule'] = '.'.join([head_module] + chain_names[1:])
        return out
    return dict(base, role='value', detail=describe_value(facts, node if not isinstance(parent, ast.Attribute) or parent.value is node else parent))


def shadowed_names(facts, node):
    """Names bound in the function (or class) scopes around node, by CPython's symbol tables."""
    tables = facts.tables()
    names = set()
    for index, scope in enumerate(facts.enclosing(node)):
        if isinstance(scope, ast.ClassDef) and index > 0:
            continue
        table = tables.get((scope.lineno, getattr(scope, 'name', 'lambda')))
        if table is None:
            continue
        for symbol in table.get_symbols():
            if symbol.is_global() or symbol.is_free():
                continue
            if symbol.is_local() or symbol.is_parameter():
                names.add(symbol.get_name())
    return sorted(names & facts.candidates)


def build_tables(facts):
    found = {}
    try:
        top = symtable.symtable(facts.source.text, facts.rel, 'exec')
    except SyntaxError:
        return found
    stack = [top]
    while stack:
        table = stack.pop()
        for child in table.get_children():
            found[(child.get_lineno(), child.get_name())] = child
            stack.append(child)
    return found


def main():
    request = read_input()
    root = request['root']
    candidates = set(request.get('candidates') or [])
    cache = {}
    out = []
    errors = []
    for site in request['sites']:
        rel = site['file']
        if rel not in cache:
            facts = FileFacts(root, rel, candidates)
            cache[rel] = facts
            if facts.source.tree is None:
                errors.append({'file': rel, 'message': facts.source.error or 'unreadable'})
        facts = cache[rel]
        if facts.source.tree is None:
            continue
        out.append(classify(facts, site))
    files = {}
    for result in out:
        if result['role'] in ('call', 'qualified-call') and result['file'] not in files:
            files[result['file']] = file_summary(cache[result['file']])
    write_output({'sites': out, 'files': files, 'errors': errors})


main()
`}`;
