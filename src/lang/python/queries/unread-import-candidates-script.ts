import { PRELUDE_SCRIPT } from '../scripts/prelude-script.js';

/**
 * Which files may hold an import nothing reads, by their syntax alone: a file is a candidate
 * unless every name its imports bind is read somewhere in it (a `Load` of the name, a word of a
 * string annotation or of `__all__`). What it cannot judge makes a candidate: a file that does
 * not parse, a dotted `import a.b` (reading `a` may not read `a.b`), a name imported twice, a
 * type comment other than `# type: ignore`. `from __future__` imports bind no name to read. A
 * read of a name that a nested scope rebinds still counts as a read: such an import is missed,
 * never one removed that is read. Input `{root, files, overlay?}`; output `{candidates: [file]}`
 * in input order.
 */
export const UNREAD_IMPORT_CANDIDATES_SCRIPT = `${PRELUDE_SCRIPT}
WORD = re.compile(r'[A-Za-z_][A-Za-z0-9_]*')
# A type comment that may read names (\`# type: List[int]\`); \`# type: ignore\` reads none.
TYPE_COMMENT = re.compile(r'#s*type:s*(?!ignore\b)')


def bound_names(tree):
    # None: the file's imports need pyright's eye (a dotted import, a name imported twice).
    names = set()
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        # A __future__ import is a compiler switch, never read and never reported unused.
        if isinstance(node, ast.ImportFrom) and node.module == '__future__':
            continue
        for alias in node.names:
            if alias.name == '*':
                continue
            if isinstance(node, ast.Import) and alias.asname is None and '.' in alias.name:
                return None
            name = alias.asname or alias.name
            if name in names:
                return None
            names.add(name)
    return names


def string_words(node):
    words = set()
    for inner in ast.walk(node):
        if isinstance(inner, ast.Constant) and isinstance(inner.value, str):
            words.update(WORD.findall(inner.value))
    return words


def read_names(tree):
    read = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            read.add(node.id)
        for annotation in annotations_of(node):
            read.update(string_words(annotation))
        if is_all_assignment(node):
            read.update(string_words(node.value))
    return read


def annotations_of(node):
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        found = [node.returns] if node.returns is not None else []
        arguments = node.args
        for arg in arguments.posonlyargs + arguments.args + arguments.kwonlyargs:
            if arg.annotation is not None:
                found.append(arg.annotation)
        for arg in (arguments.vararg, arguments.kwarg):
            if arg is not None and arg.annotation is not None:
                found.append(arg.annotation)
        return found
    if isinstance(node, ast.AnnAssign):
        return [node.annotation]
    return []


def is_all_assignment(node):
    if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)) and node.value is not None:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return any(isinstance(t, ast.Name) and t.id == '__all__' for t in targets)
    return False


def may_hold_unread_import(source):
    if source.tree is None:
        return True
    if TYPE_COMMENT.search(source.text):
        return True
    names = bound_names(source.tree)
    if names is None:
        return True
    return not names <= read_names(source.tree)


def main():
    request = read_input()
    root = request['root']
    candidates = [rel for rel in request['files'] if may_hold_unread_import(Source(root, rel))]
    write_output({'candidates': candidates})


main()
`;
