import { PRELUDE_SCRIPT } from '../../lang/python/scripts/prelude-script.js';
import { MOVE_IMPORTERS_SCRIPT } from './importers-script.python.js';
import { MOVE_MODULES_SCRIPT } from './modules-script.python.js';

/**
 * Moves a module-level declaration with rope (`rope.refactor.move.create_move` / `MoveGlobal`)
 * on a throw-away copy of the workspace's Python files, so nothing in the workspace is written:
 * the declaration, then each private helper only it uses, into the target module (an empty one
 * is made for a new module, with `__init__.py` for new folders), rope limited to the source
 * and target modules; every other module follows through {@link MOVE_IMPORTERS_SCRIPT}, which
 * also covers what rope leaves stale (aliased and relative imports, package re-exports, star
 * imports, `__all__`). Runs with an interpreter that has rope. Input `{root, source, name, line,
 * dest, files, overlay?}`; output `{moved, importedFromSource, changed, created, engine}` (new
 * texts by file) or `{refusal: {reason, message}}`.
 */
export const MOVE_ROPE_SCRIPT = `${PRELUDE_SCRIPT}${MOVE_MODULES_SCRIPT}${MOVE_IMPORTERS_SCRIPT}${String.raw`
import shutil
import tempfile

import rope
from rope.base import exceptions as rope_errors
from rope.base import libutils
from rope.base.project import Project
from rope.refactor.move import MoveGlobal, create_move


class Refused(Exception):
    def __init__(self, reason, message):
        Exception.__init__(self, message)
        self.reason = reason
        self.message = message


def kind_of(node):
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return 'function'
    if isinstance(node, ast.ClassDef):
        return 'class'
    if isinstance(node, (ast.Assign, ast.AnnAssign)):
        return 'variable'
    return 'other'


def binds(node, name):
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return node.name == name
    if isinstance(node, ast.Assign):
        return len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and node.targets[0].id == name
    if isinstance(node, ast.AnnAssign):
        return isinstance(node.target, ast.Name) and node.target.id == name and node.value is not None
    return False


def find_target(tree, name, line, source):
    """The top-level statement declaring name at line; refuses one nested or of another form."""
    for node in tree.body:
        if node.lineno <= line <= node.end_lineno and binds(node, name):
            return node
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            if binds(child, name) and child.lineno <= line <= child.end_lineno and node is not tree:
                owner = getattr(node, 'name', type(node).__name__.lower())
                raise Refused('not-module-level', '%s at %s:%d is declared inside %s, not at module level: only module-level functions, classes and variables can move. Move %s itself, or lift %s out first.' % (name, source, child.lineno, owner, owner, name))
    raise Refused('not-movable', '%s at %s:%d is not a def, a class or a single assignment at module level, so it cannot move. Move a function, class or variable.' % (name, source, line))


def loads_in(node):
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def private_helpers(tree, target, others):
    """Private (_name) module-level declarations that only the target (and each other) use."""
    candidates = {}
    for node in tree.body:
        for name in ([node.name] if hasattr(node, 'name') else [t.id for t in getattr(node, 'targets', []) if isinstance(t, ast.Name)]):
            if name.startswith('_') and not name.startswith('__') and binds(node, name):
                candidates[name] = node
    entries = all_entries(tree)
    exported = {e.value for e in entries.elts if isinstance(e, ast.Constant)} if entries else set()
    chosen = set()
    stack = [target]
    while stack:
        for name in sorted(loads_in(stack.pop())):
            if name in candidates and name not in chosen and name not in exported and candidates[name] is not target:
                if not any(re.search(r'\b%s\b' % re.escape(name), text) for text in others):
                    chosen.add(name)
                    stack.append(candidates[name])
    changed = True
    while changed:
        changed = False
        inside = [target] + [candidates[name] for name in chosen]
        for name in sorted(chosen):
            if any(node not in inside and name in loads_in(node) for node in tree.body):
                chosen.discard(name)
                changed = True
    return sorted(chosen, key=lambda name: candidates[name].lineno)


def name_offset(text, name):
    """Offset of name where the top-level statement binding it declares it, in rope's text."""
    tree = ast.parse(text)
    lines = Text(text)
    for node in tree.body:
        if not binds(node, name):
            continue
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            return lines.span(target)[0]
        start = lines.starts[node.lineno - 1]
        match = re.compile(r'(?:def|class)\s+(%s)\b' % re.escape(name)).search(text, start)
        return match.start(1)
    raise Refused('not-movable', '%s is no longer declared at module level once its helpers moved.' % name)


def write_copy(tmp, rel, text):
    path = os.path.join(tmp, *rel.split('/'))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8', newline='') as handle:
        handle.write(text)


def read_copy(tmp, rel):
    with open(os.path.join(tmp, *rel.split('/')), encoding='utf-8', newline='') as handle:
        return handle.read()


def move_with_rope(tmp, source, dest, names):
    project = Project(tmp, ropefolder=None, prefer_module_from_imports=True)
    try:
        for name in names:
            resource = libutils.path_to_resource(project, os.path.join(tmp, *source.split('/')))
            target = libutils.path_to_resource(project, os.path.join(tmp, *dest.split('/')))
            mover = create_move(project, resource, name_offset(resource.read(), name))
            if not isinstance(mover, MoveGlobal):
                raise Refused('not-movable', 'rope cannot move %s as a module-level declaration.' % name)
            project.do(mover.get_changes(target, resources=[resource, target]))
    except rope_errors.RopeError as error:
        raise Refused('tool-refused', 'rope refused to move %s from %s to %s: %s' % (names[0], source, dest, error))
    finally:
        project.close()


def imported_from(modules, rel, text, source):
    names = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ImportFrom) and modules.resolve_from(rel, node.level, node.module) == source:
            names.update(a.asname or a.name for a in node.names)
    return names


def drop_unused_back_imports(modules, rel, text, source, before, moved):
    """Names rope imports back from the source that the moved code does not use (rope keeps
    every name a source __all__ lists)."""
    tree = ast.parse(text)
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    entries = all_entries(tree)
    used |= {e.value for e in entries.elts if isinstance(e, ast.Constant)} if entries else set()
    lines = Text(text)
    edits = []
    for node in tree.body:
        if not isinstance(node, ast.ImportFrom) or modules.resolve_from(rel, node.level, node.module) != source:
            continue
        kept = [a for a in node.names if a.name not in moved and ((a.asname or a.name) in before or ((a.asname or a.name) in used and a.name != '__all__'))]
        if len(kept) == len(node.names):
            continue
        if kept:
            edits.append(lines.span(node) + (render_import(node, kept),))
        else:
            whole = lines.line_span(node)
            edits.append(whole + ('',) if whole else lines.span(node) + ('pass',))
    return apply_edits(text, edits)


def compute(request):
    root, source, dest, name = request['root'], request['source'], request['dest'], request['name']
    files = sorted(set(request['files']) | {source})
    texts = {rel: (OVERLAY[rel] or '') if rel in OVERLAY else decode_source(read_source_bytes(os.path.join(root, rel))) for rel in files}
    tree = ast.parse(texts[source], filename=source)
    target = find_target(tree, name, request['line'], source)
    if dest == source:
        raise Refused('same-module', '%s is already in %s: moving it into its own module changes nothing.' % (name, dest))
    created = {}
    if dest in texts:
        existing = module_level_names(ast.parse(texts[dest], filename=dest)).get(name)
        modules = Modules(list(texts), [])
        imports_it = isinstance(existing, ast.ImportFrom) and modules.resolve_from(dest, existing.level, existing.module) == source
        if existing is not None and not imports_it:
            raise Refused('name-exists', '%s already has a module-level %s (line %d): moving %s there would replace it. Rename one of them first.' % (dest, name, existing.lineno, name))
    else:
        folders = dest.split('/')[:-1]
        for depth in range(1, len(folders) + 1):
            folder = '/'.join(folders[:depth])
            if not os.path.isdir(os.path.join(root, folder)) and not any(rel.startswith(folder + '/') for rel in files):
                created[folder + '/__init__.py'] = ''
    others = [text for rel, text in texts.items() if rel != source]
    helpers = private_helpers(tree, target, others)
    moved = [{'name': name, 'kind': kind_of(target), 'role': 'symbol', 'line': target.lineno}]
    for helper in helpers:
        node = next(n for n in tree.body if binds(n, helper))
        moved.append({'name': helper, 'kind': kind_of(node), 'role': 'helper', 'line': node.lineno})
    tmp = tempfile.mkdtemp(prefix='mcpo-move-')
    try:
        for rel, text in texts.items():
            write_copy(tmp, rel, text)
        for rel, text in created.items():
            write_copy(tmp, rel, text)
        if dest not in texts:
            write_copy(tmp, dest, '')
        move_with_rope(tmp, source, dest, [name] + helpers)
        new_source = read_copy(tmp, source)
        new_dest = read_copy(tmp, dest)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    modules = Modules(list(texts) + list(created) + [dest], [])
    changed = rewrite_importers(modules, texts, source, dest, name)
    if texts[source].endswith('\n') and new_source.endswith('\n\n'):
        new_source = new_source.rstrip('\r\n') + Text(texts[source]).newline
    if name not in module_level_names(ast.parse(new_source)):
        new_source = drop_from_all(new_source, name)
    before = imported_from(modules, dest, texts[dest], source) if dest in texts else set()
    new_dest = add_to_all(drop_unused_back_imports(modules, dest, new_dest, source, before, set([name] + helpers)), name)
    changed[source] = new_source
    if dest in texts:
        changed[dest] = new_dest
    else:
        created[dest] = new_dest.lstrip('\r\n')
    imported = imported_from(modules, dest, new_dest, source)
    return {
        'moved': moved,
        'importedFromSource': sorted(imported),
        'changed': {rel: text for rel, text in changed.items() if text != texts.get(rel)},
        'created': created,
        'engine': 'rope ' + rope.VERSION,
    }


def main():
    request = read_input()
    try:
        write_output(compute(request))
    except Refused as refusal:
        write_output({'refusal': {'reason': refusal.reason, 'message': refusal.message}})
    except SyntaxError as error:
        where = error.filename if error.filename and error.filename != '<unknown>' else request['source']
        write_output({'refusal': {'reason': 'not-movable', 'message': '%s does not parse (%s, line %s): fix it before moving code into or out of it.' % (where, error.msg, error.lineno)}})


main()
`}`;
