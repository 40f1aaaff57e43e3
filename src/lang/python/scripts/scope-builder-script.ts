/**
 * Python's lexical scopes from `ast`: `Scope` (kind, name, names bound with their first
 * position, globals/nonlocals, star imports, the source regions where it is innermost, child
 * scopes, name loads) and `ScopeBuilder`, a visitor that builds the tree for one `Source`
 * (see the prelude). Functions bind their parameters; decorators, defaults and annotations
 * belong to the enclosing scope; comprehensions get their own scope, walrus targets do not.
 */
export const SCOPE_BUILDER_SCRIPT = String.raw`
COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


class Scope:
    def __init__(self, kind, name, parent, position):
        self.kind = kind
        self.name = name
        self.parent = parent
        self.position = position
        self.bindings = {}
        self.globals = set()
        self.nonlocals = set()
        self.star_imports = []
        self.regions = []
        self.children = []
        self.loads = []
        if parent is not None:
            parent.children.append(self)

    def bind(self, name, kind, position):
        target = self
        if name in self.globals:
            target = self.module()
        elif name in self.nonlocals:
            target = self.parent
            while target is not None and not (target.kind == 'function' and name in target.bindings):
                target = target.parent
            target = target or self
        known = target.bindings.get(name)
        if known is None or position < known[1]:
            target.bindings[name] = (kind, position)

    def module(self):
        scope = self
        while scope.parent is not None:
            scope = scope.parent
        return scope

    def contains(self, position):
        return any(start <= position < end for start, end in self.regions)


class ScopeBuilder(ast.NodeVisitor):
    def __init__(self, source):
        self.source = source
        self.module = Scope('module', None, None, (1, 0))
        self.module.regions.append(((0, 0), (10 ** 9, 0)))
        self.scope = self.module

    def span(self, node):
        return (self.source.start(node), self.source.end(node))

    def name_position(self, node, keyword):
        line = self.source.line(node.lineno)
        start = self.source.char(node.lineno, node.col_offset)
        match = re.compile(r'\b' + keyword + r'\s+(' + re.escape(node.name) + r')\b').search(line, start)
        return (node.lineno, match.start(1) if match else start)

    def visit_all(self, nodes):
        for node in nodes:
            if node is not None:
                self.visit(node)

    def visit_arguments_outside(self, args):
        self.visit_all(args.defaults)
        self.visit_all(args.kw_defaults)
        for arg in args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg]:
            if arg is not None and arg.annotation is not None:
                self.visit(arg.annotation)

    def bind_arguments(self, scope, args):
        for arg in args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg]:
            if arg is not None:
                scope.bind(arg.arg, 'parameter', self.source.start(arg))
                scope.regions.append(self.span(arg))

    def visit_function(self, node, keyword):
        self.visit_all(node.decorator_list)
        self.visit_arguments_outside(node.args)
        if node.returns is not None:
            self.visit(node.returns)
        kind = 'method' if self.scope.kind == 'class' else 'function'
        position = self.name_position(node, keyword)
        self.scope.bind(node.name, kind, position)
        scope = Scope('function', node.name, self.scope, position)
        self.bind_arguments(scope, node.args)
        for statement in node.body:
            scope.regions.append(self.span(statement))
        outer, self.scope = self.scope, scope
        self.visit_all(node.body)
        self.scope = outer

    def visit_FunctionDef(self, node):
        self.visit_function(node, 'def')

    def visit_AsyncFunctionDef(self, node):
        self.visit_function(node, 'def')

    def visit_ClassDef(self, node):
        self.visit_all(node.decorator_list)
        self.visit_all(node.bases)
        self.visit_all(node.keywords)
        position = self.name_position(node, 'class')
        self.scope.bind(node.name, 'class', position)
        scope = Scope('class', node.name, self.scope, position)
        for statement in node.body:
            scope.regions.append(self.span(statement))
        outer, self.scope = self.scope, scope
        self.visit_all(node.body)
        self.scope = outer

    def visit_Lambda(self, node):
        self.visit_arguments_outside(node.args)
        scope = Scope('lambda', '<lambda>', self.scope, self.source.start(node))
        self.bind_arguments(scope, node.args)
        scope.regions.append(self.span(node.body))
        outer, self.scope = self.scope, scope
        self.visit(node.body)
        self.scope = outer

    def visit_comprehension_node(self, node, parts):
        first = node.generators[0]
        self.visit(first.iter)
        scope = Scope('comprehension', '<comprehension>', self.scope, self.source.start(node))
        scope.regions.append(self.span(node))
        outer, self.scope = self.scope, scope
        for index, generator in enumerate(node.generators):
            self.visit(generator.target)
            if index > 0:
                self.visit(generator.iter)
            self.visit_all(generator.ifs)
        self.visit_all(parts)
        self.scope = outer

    def visit_ListComp(self, node):
        self.visit_comprehension_node(node, [node.elt])

    def visit_SetComp(self, node):
        self.visit_comprehension_node(node, [node.elt])

    def visit_GeneratorExp(self, node):
        self.visit_comprehension_node(node, [node.elt])

    def visit_DictComp(self, node):
        self.visit_comprehension_node(node, [node.key, node.value])

    def visit_Name(self, node):
        position = self.source.start(node)
        if isinstance(node.ctx, ast.Load):
            self.scope.loads.append((node.id, position))
        else:
            kind = 'constant' if node.id.isupper() else 'variable'
            self.scope.bind(node.id, kind, position)

    def visit_NamedExpr(self, node):
        self.visit(node.value)
        scope = self.scope
        while scope.kind == 'comprehension':
            scope = scope.parent
        scope.bind(node.target.id, 'variable', self.source.start(node.target))

    def visit_Global(self, node):
        self.scope.globals.update(node.names)

    def visit_Nonlocal(self, node):
        self.scope.nonlocals.update(node.names)

    def alias_position(self, alias, node):
        return self.source.start(alias) if has_span(alias) else self.source.start(node)

    def visit_Import(self, node):
        for alias in node.names:
            bound = alias.asname or alias.name.split('.')[0]
            self.scope.bind(bound, 'import', self.alias_position(alias, node))

    def visit_ImportFrom(self, node):
        for alias in node.names:
            if alias.name == '*':
                self.scope.star_imports.append('.' * node.level + (node.module or ''))
            else:
                self.scope.bind(alias.asname or alias.name, 'import', self.alias_position(alias, node))

    def visit_ExceptHandler(self, node):
        if node.name:
            self.scope.bind(node.name, 'variable', self.source.start(node))
        self.generic_visit(node)

    def visit_MatchAs(self, node):
        if node.name:
            self.scope.bind(node.name, 'variable', self.source.start(node))
        self.generic_visit(node)

    def visit_MatchStar(self, node):
        if node.name:
            self.scope.bind(node.name, 'variable', self.source.start(node))

    def visit_MatchMapping(self, node):
        if node.rest:
            self.scope.bind(node.rest, 'variable', self.source.start(node))
        self.generic_visit(node)
`;
