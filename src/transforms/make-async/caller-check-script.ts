/**
 * Python for the dynamic check that no caller of a converted function is left holding a
 * coroutine object: `_mcpo_check_callers(functions, changed, max_modules, scripts)` imports the
 * changed modules and up to `max_modules` others whose text names a converted function or an
 * alias of one (a module global bound to it; files named in `scripts` are never imported), then reads the bytecode of every function reachable in them
 * (methods, nested functions, lambdas, the module's own code) and resolves what each call calls
 * from the loaded objects: globals, attributes of modules and classes, `self`/`cls` in a
 * method, closure cells, locals bound to one value. A call of a converted function passes when
 * its result is awaited, handed to `asyncio.run` / `gather` / `create_task` / `ensure_future`
 * / `wait_for` / `wait` / `shield` / `as_completed` / `run_coroutine_threadsafe` or a
 * `.run_until_complete` / `.create_task` method, or returned from a coroutine function —
 * directly, through a local or a list or tuple; anything else is reported with its file, line,
 * caller and fate. Needs `PYTHON_CHECK_HELPERS`, `FUNCTION_LOOKUP_SCRIPT` and
 * `BYTECODE_FLOW_SCRIPT`.
 */
export const CALLER_CHECK_SCRIPT = String.raw`
def _mcpo_check_callers(functions, changed, max_modules, scripts):
    import asyncio, inspect, os, re, sys, types
    runners = {id(getattr(asyncio, n)) for n in (
        'run', 'gather', 'create_task', 'ensure_future', 'wait_for', 'wait', 'shield',
        'as_completed', 'run_coroutine_threadsafe') if hasattr(asyncio, n)}
    runner_methods = {'run_until_complete', 'create_task'}
    calls = {'CALL', 'CALL_FUNCTION', 'CALL_FUNCTION_KW', 'CALL_FUNCTION_EX', 'CALL_METHOD',
             'CALL_KW'}
    refs = {'LOAD_GLOBAL', 'LOAD_NAME', 'LOAD_DEREF', 'LOAD_CLASSDEREF', 'LOAD_ATTR',
            'LOAD_METHOD', 'LOAD_FAST', 'LOAD_FAST_CHECK', 'LOAD_FAST_BORROW'}
    # From 3.11 a callable sits beside a NULL or self slot, on either side of it.
    paired = sys.version_info >= (3, 11)
    here = os.path.realpath('.')

    def unwrap(value):
        if isinstance(value, (staticmethod, classmethod, types.MethodType)):
            value = value.__func__
        try:
            return inspect.unwrap(value)
        except Exception:
            return value

    converted = {}
    for f in functions:
        try:
            for target in _mcpo_functions_at(f):
                converted[id(target.__code__)] = (f['name'], target)
        except (Exception, SystemExit):
            pass  # The import check reports a module that does not import.

    def converted_name(value):
        code = getattr(unwrap(value), '__code__', None)
        hit = converted.get(id(code)) if code is not None else None
        return hit[0] if hit else None

    modules, skipped, unread = {}, [], []

    def load(file):
        if file in modules:
            return
        try:
            modules[file] = _mcpo_import(file)[0]
        except (Exception, SystemExit) as error:
            skipped.append(file + ': ' + type(error).__name__ + ': ' + str(error))

    if not converted:
        return {'problems': [], 'modules': [], 'skipped': [], 'unread': []}
    for file in changed:
        load(file)
    names = {hit[0] for hit in converted.values()}
    for module in list(modules.values()):
        names.update(k for k, v in list(vars(module).items()) if converted_name(v))
    words = re.compile(r'\b(?:' + '|'.join(sorted(map(re.escape, names))) + r')\b')
    extra = []
    for folder, dirs, files in os.walk('.'):
        dirs[:] = sorted(d for d in dirs if not d.startswith('.') and d not in (
            '__pycache__', 'node_modules', 'site-packages') and not os.path.exists(
                os.path.join(folder, d, 'pyvenv.cfg')))
        for name in sorted(files):
            file = os.path.relpath(os.path.join(folder, name), '.')
            if not name.endswith('.py') or file in modules or name in scripts:
                continue
            try:
                with open(file, encoding='utf-8', errors='replace') as handle:
                    if words.search(handle.read(1_000_000)):
                        extra.append(file)
            except OSError:
                pass
    for file in extra[:max_modules]:
        load(file)
    for module in list(modules.values()):
        names.update(k for k, v in list(vars(module).items()) if converted_name(v))

    problems = {}

    def check(code, scope, owner, selves, closure, qualname):
        instrs, depth, popped, net, consumer = _mcpo_bytecode_flow(code)
        lines, line = {}, code.co_firstlineno
        for ins in instrs:
            start = getattr(ins, 'line_number', None) or ins.starts_line
            if isinstance(start, int) and not isinstance(start, bool):
                line = start
            lines[ins.offset] = line
        coroutine = bool(code.co_flags & inspect.CO_COROUTINE)
        stores = {}
        for n, ins in enumerate(instrs):
            if ins.opname in ('STORE_FAST', 'STORE_DEREF'):
                stores.setdefault(ins.argval, []).append(n)
        arguments = set(code.co_varnames[:code.co_argcount + code.co_kwonlyargcount + bool(
            code.co_flags & inspect.CO_VARARGS) + bool(code.co_flags & inspect.CO_VARKEYWORDS)])

        def feeds(p, n):
            """Whether instruction p is a load whose value instruction n takes as its top input."""
            return p >= 0 and instrs[p].opname in refs and depth[p] is not None and (
                depth[p] + net[p] == depth[n])

        def value(n, seen=()):
            ins, name = instrs[n], instrs[n].argval
            if not isinstance(name, str):
                return None
            if ins.opname in ('LOAD_GLOBAL', 'LOAD_NAME'):
                if name in scope:
                    return scope[name]
                builtins = scope.get('__builtins__', {})
                return (builtins if isinstance(builtins, dict) else vars(builtins)).get(name)
            if ins.opname in ('LOAD_ATTR', 'LOAD_METHOD'):
                holder = value(n - 1, seen) if feeds(n - 1, n) else None
                if holder is None:
                    return None
                try:
                    return unwrap(inspect.getattr_static(
                        holder[1] if isinstance(holder, tuple) else holder, name))
                except AttributeError:
                    return None
            if name in selves:
                return ('instance of', owner)
            if ins.opname in ('LOAD_DEREF', 'LOAD_CLASSDEREF') and closure and name in closure:
                try:
                    return closure[name].cell_contents
                except ValueError:
                    return None
            if name in arguments or name in seen or name not in stores:
                return None
            # A local only ever bound to one loaded value (an alias).
            found = [value(s - 1, seen + (name,)) if feeds(s - 1, s) else None
                     for s in stores[name]]
            return found[0] if all(v is found[0] for v in found) else None

        callees = {}
        for n, ins in enumerate(instrs):
            if ins.opname not in refs or depth[n] is None:
                continue
            b = depth[n] - popped[n]
            c = consumer(n, b)
            if c is None:
                continue
            if instrs[c].opname == 'PRECALL':
                c += 1
            if instrs[c].opname in calls:
                r = depth[c] + net[c] - 1
                if b == r or (paired and b == r + 1):
                    callees[c] = n

        def fate(n, slot, hops=0):
            """None when the value at slot after instruction n is awaited or run; else how not."""
            m = consumer(n, slot)
            if m is None:
                return 'left on the stack'
            ins = instrs[m]
            if ins.opname == 'PRECALL':
                m, ins = m + 1, instrs[m + 1]
            if ins.opname == 'GET_AWAITABLE':
                return None
            if ins.opname == 'RETURN_VALUE':
                return None if coroutine else 'returned from a plain function'
            if ins.opname == 'POP_TOP':
                return 'discarded'
            if ins.opname in calls:
                held = instrs[callees[m]] if m in callees else None
                if held is None:
                    return 'passed to a call'
                target = value(callees[m])
                if target is not None and id(target) in runners:
                    return None
                if held.opname in ('LOAD_ATTR', 'LOAD_METHOD') and held.argval in runner_methods:
                    return None
                return 'passed to ' + str(held.argval) + '()'
            if ins.opname.startswith('STORE_FAST') and hops < 3:
                name = ins.argval
                if isinstance(name, tuple):
                    name = name[0] if slot == depth[m] - 1 else name[-1]
                loads = [(k, other.argval.index(name) if isinstance(other.argval, tuple) else 0)
                         for k, other in enumerate(instrs) if other.opname.startswith('LOAD_FAST')
                         and name in (other.argval if isinstance(other.argval, tuple)
                                      else (other.argval,))]
                if not loads:
                    return 'stored in ' + name + ' and never used'
                for k, offset in loads:
                    if depth[k] is None:
                        continue
                    why = fate(k, depth[k] + offset, hops + 1)
                    if why is not None:
                        return 'stored in ' + name + ', then ' + why
                return None
            if ins.opname in ('STORE_ATTR', 'STORE_SUBSCR'):
                return 'stored in ' + ('attribute ' + str(ins.argval) if ins.argval else 'a container')
            if ins.opname.startswith('STORE_'):
                return 'stored in ' + str(ins.argval)
            if ins.opname in ('BUILD_LIST', 'BUILD_TUPLE', 'LIST_TO_TUPLE',
                              'CALL_INTRINSIC_1') and hops < 3:
                why = fate(m, depth[m] + net[m] - 1, hops + 1)
                return None if why is None else 'collected, then ' + why
            for prefix, what in (('LIST_APPEND', 'collected by a comprehension'),
                                 ('SET_ADD', 'collected by a comprehension'),
                                 ('MAP_ADD', 'collected by a comprehension'),
                                 ('YIELD_VALUE', 'yielded'), ('COMPARE_OP', 'compared'),
                                 ('IS_OP', 'compared'), ('CONTAINS_OP', 'compared'),
                                 ('POP_JUMP', 'tested for truth'), ('JUMP_IF', 'tested for truth'),
                                 ('TO_BOOL', 'tested for truth'), ('BINARY_', 'used in an operation'),
                                 ('UNARY_', 'used in an operation'), ('FORMAT_', 'formatted'),
                                 ('GET_ITER', 'iterated'), ('LOAD_ATTR', 'used for an attribute'),
                                 ('LOAD_METHOD', 'used for an attribute')):
                if ins.opname.startswith(prefix):
                    return what
            return 'used by ' + ins.opname

        for c, n in sorted(callees.items()):
            name = converted_name(value(n))
            if name is None:
                continue
            why = fate(c, depth[c] + net[c] - 1)
            if why is None:
                continue
            ins = instrs[n]
            file = os.path.relpath(os.path.realpath(code.co_filename), here)
            at = lines.get(ins.offset, code.co_firstlineno)
            caller = getattr(code, 'co_qualname', qualname)
            alias = '' if ins.argval == name else ' (as ' + str(ins.argval) + ')'
            problems[(file, at, caller, name)] = {
                'file': file, 'line': at, 'caller': caller, 'function': name,
                'how': 'calls ' + name + alias + ' and the coroutine is ' + why}

    done = set()

    def walk(code, scope, owner, selves, closure, qualname):
        key = (code.co_filename, code.co_firstlineno, code.co_name, code.co_code)
        if key in done:
            return
        done.add(key)
        if not names.isdisjoint(code.co_names) or not names.isdisjoint(code.co_freevars):
            try:
                check(code, scope, owner, selves, closure, qualname)
            except Exception as error:
                # Bytecode this reading does not know: that function goes unchecked, not the rest.
                unread.append(os.path.relpath(os.path.realpath(code.co_filename), here) + ' (' +
                              qualname + '): ' + type(error).__name__ + ': ' + str(error))
        for const in code.co_consts:
            if isinstance(const, types.CodeType):
                inner = const.co_name if code.co_name == '<module>' else (
                    qualname + '.<locals>.' + const.co_name)
                walk(const, scope, owner, {s for s in selves if s in const.co_freevars}, None,
                     inner)

    for file, module in sorted(modules.items()):
        wanted, scope = os.path.realpath(file), vars(module)
        seen, stack = set(), [(scope, None)]
        while stack:
            space, owner = stack.pop()
            for value in list(space.values()):
                if id(value) in seen:
                    continue
                seen.add(id(value))
                method = owner is not None and not isinstance(value, staticmethod)
                if isinstance(value, property):
                    value = value.fget
                if isinstance(value, type) and getattr(value, '__module__', None) == module.__name__:
                    stack.append((vars(value), value))
                    continue
                target = unwrap(value)
                code = getattr(target, '__code__', None)
                if not isinstance(code, types.CodeType) or (
                        os.path.realpath(code.co_filename) != wanted):
                    continue
                selves = set(code.co_varnames[:1]) if method and code.co_argcount > 0 else set()
                closure = dict(zip(code.co_freevars, getattr(target, '__closure__', None) or ()))
                walk(code, getattr(target, '__globals__', scope), owner, selves, closure,
                     getattr(target, '__qualname__', code.co_name))
        # The module's own code, and functions not reachable as objects.
        try:
            whole = module.__loader__.get_code(module.__name__)
        except Exception:
            whole = None
        if isinstance(whole, types.CodeType):
            walk(whole, scope, None, set(), None, '<module>')
    return {'problems': sorted(problems.values(), key=lambda p: (p['file'], p['line'])),
            'modules': sorted(modules), 'skipped': skipped, 'unread': unread}
`;
