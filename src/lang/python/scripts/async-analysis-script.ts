import { PRELUDE_SCRIPT } from './prelude-script.js';

/**
 * Async facts per file, from Python's `ast`. Input: `{root, files: [relative paths]}`.
 * Output per file: `asyncFunctions` (with their `await`s and the blocking calls inside them:
 * time.sleep, requests.*, urllib/http.client, subprocess, os.system, input(), open() and file
 * reads/writes, flagged `inLoop` inside loops), `syncCallers` (sync functions that call a
 * workspace async function without awaiting it) and `unawaitedCalls` (async functions calling
 * another async function without `await`).
 */
export const ASYNC_ANALYSIS_SCRIPT = `${PRELUDE_SCRIPT}
${String.raw`
BLOCKING_PREFIXES = {
    'time.sleep': 'time.sleep blocks the event loop; use await asyncio.sleep',
    'requests.': 'requests is synchronous; use an async HTTP client',
    'urllib.request.': 'urllib.request is synchronous',
    'http.client.': 'http.client is synchronous',
    'subprocess.': 'subprocess waits synchronously; use asyncio.create_subprocess_exec',
    'os.system': 'os.system blocks; use asyncio.create_subprocess_shell',
    'socket.': 'blocking socket call',
}
BLOCKING_NAMES = {
    'open': 'open() does blocking file I/O',
    'input': 'input() blocks on stdin',
    'sleep': 'sleep blocks the event loop (imported from time?)',
}
FILE_METHODS = {'read', 'readline', 'readlines', 'write', 'writelines', 'read_text', 'write_text', 'read_bytes', 'write_bytes'}
LOOPS = (ast.For, ast.While, ast.AsyncFor)
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


def dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return '.'.join(reversed(parts))
    return None


def expression_text(source, node):
    if hasattr(ast, 'unparse'):
        return ast.unparse(node)[:200]
    return (ast.get_source_segment(source.text, node) or '')[:200]


def callee_name(call):
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def blocking_reason(call, in_loop):
    name = dotted(call.func)
    if name is not None:
        for prefix, reason in BLOCKING_PREFIXES.items():
            if name == prefix or (prefix.endswith('.') and name.startswith(prefix)):
                return reason
        if name in BLOCKING_NAMES:
            return BLOCKING_NAMES[name]
    if isinstance(call.func, ast.Attribute) and call.func.attr in FILE_METHODS:
        return 'file ' + call.func.attr + '() is blocking I/O' + (' inside a loop' if in_loop else '')
    return None


class FunctionFacts(ast.NodeVisitor):
    """Walks one function body, not nested functions or classes."""

    def __init__(self, source):
        self.source = source
        self.loop_depth = 0
        self.awaited = set()
        self.awaits = []
        self.calls = []

    def visit_FunctionDef(self, node):
        pass

    def visit_AsyncFunctionDef(self, node):
        pass

    def visit_ClassDef(self, node):
        pass

    def visit_Lambda(self, node):
        pass

    def visit_loop(self, node):
        self.loop_depth += 1
        self.generic_visit(node)
        self.loop_depth -= 1

    visit_For = visit_loop
    visit_While = visit_loop
    visit_AsyncFor = visit_loop

    def visit_Await(self, node):
        if isinstance(node.value, ast.Call):
            self.awaited.add(id(node.value))
        self.awaits.append({**self.source.position(*self.source.start(node)), 'expression': expression_text(self.source, node.value)})
        self.generic_visit(node)

    def visit_Call(self, node):
        self.calls.append((node, self.loop_depth > 0))
        self.generic_visit(node)


def functions_of(tree):
    stack = [(tree, None)]
    while stack:
        node, container = stack.pop()
        for child in ast.iter_child_nodes(node):
            if isinstance(child, FUNCTIONS):
                yield child, container
                stack.append((child, child.name))
            elif isinstance(child, ast.ClassDef):
                stack.append((child, child.name))
            else:
                stack.append((child, container))


def main():
    request = read_input()
    sources = [Source(request['root'], rel) for rel in request['files']]
    errors = [{'file': s.rel, 'message': s.error} for s in sources if s.tree is None]
    parsed = [s for s in sources if s.tree is not None]
    async_names = set()
    for source in parsed:
        for node, _ in functions_of(source.tree):
            if isinstance(node, ast.AsyncFunctionDef):
                async_names.add(node.name)
    files = []
    for source in parsed:
        async_functions, sync_callers, unawaited = [], [], []
        for node, container in functions_of(source.tree):
            facts = FunctionFacts(source)
            for statement in node.body:
                facts.visit(statement)
            line = source.line(node.lineno)
            column = source.char(node.lineno, node.col_offset)
            match = re.compile(r'\bdef\s+(' + re.escape(node.name) + r')\b').search(line, column)
            where = source.position(node.lineno, match.start(1) if match else column)
            base = {'name': node.name, **where}
            if container is not None:
                base['container'] = container
            async_calls = []
            for call, in_loop in facts.calls:
                name = callee_name(call)
                if name in async_names and id(call) not in facts.awaited:
                    async_calls.append({'callee': name, **source.position(*source.start(call))})
            if isinstance(node, ast.AsyncFunctionDef):
                blocking = []
                for call, in_loop in facts.calls:
                    reason = blocking_reason(call, in_loop)
                    if reason is not None:
                        blocking.append({'call': dotted(call.func) or callee_name(call) or '?', 'reason': reason, 'inLoop': in_loop, **source.position(*source.start(call))})
                async_functions.append({**base, 'awaits': facts.awaits, 'blockingCalls': blocking})
                if async_calls:
                    unawaited.append({**base, 'calls': async_calls})
            elif async_calls:
                sync_callers.append({**base, 'calls': async_calls})
        key = lambda item: (item['line'], item['column'])
        files.append({
            'file': source.rel,
            'asyncFunctions': sorted(async_functions, key=key),
            'syncCallers': sorted(sync_callers, key=key),
            'unawaitedCalls': sorted(unawaited, key=key),
        })
    write_output({'files': files, 'errors': errors})


main()
`}`;
