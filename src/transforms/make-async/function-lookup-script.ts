/**
 * Python for the dynamic make-async checks: `_mcpo_functions_at({file, name, line})` imports the
 * module `file` defines and returns the function objects reachable from it (methods included,
 * decorators unwrapped) named `name` whose code spans `line`. Needs `PYTHON_CHECK_HELPERS`.
 */
export const FUNCTION_LOOKUP_SCRIPT = `
def _mcpo_functions_at(f):
    """The function objects defined in file f['file'] named f['name'] whose code spans f['line']."""
    import dis, inspect, os, types
    module, _ = _mcpo_import(f['file'])
    wanted = os.path.realpath(f['file'])
    seen, stack, found = set(), [vars(module)], []
    while stack:
        for value in list(stack.pop().values()):
            if id(value) in seen:
                continue
            seen.add(id(value))
            if isinstance(value, (staticmethod, classmethod)):
                value = value.__func__
            if isinstance(value, property) and value.fget is not None:
                value = value.fget
            if isinstance(value, type) and getattr(value, '__module__', None) == module.__name__:
                stack.append(vars(value))
                continue
            if not callable(value):
                continue
            target = inspect.unwrap(value)
            code = getattr(target, '__code__', None)
            if not isinstance(code, types.CodeType) or target.__name__ != f['name']:
                continue
            if os.path.realpath(code.co_filename) != wanted:
                continue
            lines = [line for _, line in dis.findlinestarts(code) if line]
            if code.co_firstlineno <= f['line'] <= max(lines + [code.co_firstlineno]):
                found.append(target)
    return found
`;
