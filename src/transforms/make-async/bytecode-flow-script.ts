/**
 * Python for the dynamic make-async checks: `_mcpo_bytecode_flow(code)` reads one code
 * object's bytecode with `dis` and returns its instructions, the stack depth before each (by
 * following jumps and, from 3.11, the exception table, so every path agrees), how many values
 * each pops, its net stack effect, and `consumer(n, slot)`: the first instruction after `n`
 * that pops the value at stack slot `slot`. Only documented `dis` facts and opcode names are
 * used, so it reads the bytecode of every CPython from 3.9 to 3.13 alike.
 */
export const BYTECODE_FLOW_SCRIPT = `
def _mcpo_bytecode_flow(code):
    """Instructions of code, the stack depth before each, and helpers to follow a value."""
    import dis, sys
    instrs = [i for i in dis.get_instructions(code) if i.opname != 'CACHE']
    index = {ins.offset: n for n, ins in enumerate(instrs)}
    jumps = {op for name in ('hasjrel', 'hasjabs', 'hasjump') for op in getattr(dis, name, ())}
    stops = {'RETURN_VALUE', 'RETURN_CONST', 'RAISE_VARARGS', 'RERAISE', 'JUMP_FORWARD',
             'JUMP_ABSOLUTE', 'JUMP_BACKWARD', 'JUMP_BACKWARD_NO_INTERRUPT', 'JUMP',
             'JUMP_NO_INTERRUPT'}
    gotos = stops - {'RETURN_VALUE', 'RETURN_CONST', 'RAISE_VARARGS', 'RERAISE'}

    def effect(ins, jump):
        try:
            return dis.stack_effect(ins.opcode, ins.arg, jump=jump)
        except ValueError:
            return dis.stack_effect(ins.opcode, jump=jump)

    depth = [None] * len(instrs)
    work = [(0, 0)]
    entries = getattr(dis.Bytecode(code), 'exception_entries', None) or []
    for entry in entries:
        if entry.target in index:
            work.append((index[entry.target], entry.depth + int(entry.lasti) + 1))
    while work:
        n, d = work.pop()
        while n < len(instrs) and depth[n] is None:
            ins = instrs[n]
            depth[n] = d
            if ins.opcode in jumps and ins.argval in index:
                work.append((index[ins.argval], d + effect(ins, True)))
            if ins.opname in stops:
                break
            d += effect(ins, False)
            n += 1

    def pushes(ins):
        name, net = ins.opname, effect(ins, False)
        if name in ('LOAD_ATTR', 'LOAD_SUPER_ATTR'):
            return 2 if (sys.version_info >= (3, 12) and (ins.arg or 0) & 1) else 1
        if name in ('LOAD_METHOD', 'BEFORE_WITH', 'BEFORE_ASYNC_WITH', 'SETUP_WITH', 'FOR_ITER',
                    'GET_ANEXT'):
            return 2
        if name.startswith(('LOAD_', 'PUSH_', 'COPY', 'DUP_')) and not name.startswith(
                'LOAD_FROM_DICT'):
            return max(net, 0)
        if name in ('UNPACK_SEQUENCE', 'UNPACK_EX'):
            return net + 1
        if name.startswith(('ROT_', 'SWAP')):
            return 1 - net + (ins.arg or 0)
        if name.startswith(('STORE_', 'DELETE_', 'POP_', 'JUMP', 'RETURN_', 'RAISE_', 'RERAISE',
                            'END_', 'SETUP_', 'PRINT_', 'IMPORT_STAR', 'EXTENDED_ARG', 'NOP',
                            'RESUME', 'KW_NAMES', 'NOT_TAKEN', 'PRECALL', 'INTERPRETER_EXIT',
                            'LIST_APPEND', 'SET_ADD', 'MAP_ADD', 'LIST_EXTEND', 'SET_UPDATE',
                            'DICT_UPDATE', 'DICT_MERGE')):
            return 0
        return 1

    net = [effect(ins, False) for ins in instrs]
    popped = [pushes(ins) - net[n] for n, ins in enumerate(instrs)]

    def after(n):
        """The index of the instruction run after n when it falls through (jumps followed)."""
        n += 1
        for _ in range(len(instrs)):
            if n >= len(instrs):
                return None
            ins = instrs[n]
            if ins.opname not in gotos or ins.argval not in index:
                return n
            n = index[ins.argval]
        return None

    def consumer(n, slot):
        """The first instruction after n that pops the value at stack slot slot, if one does."""
        seen = set()
        m = after(n)
        while m is not None and m not in seen and depth[m] is not None:
            seen.add(m)
            if popped[m] > 0 and depth[m] - popped[m] <= slot:
                return m
            ends = instrs[m].opname in stops and instrs[m].opname not in gotos
            if ends or depth[m] + net[m] <= slot:
                return None
            m = after(m)
        return None

    return instrs, depth, popped, net, consumer
`;
