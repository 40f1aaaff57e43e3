import { PRELUDE_SCRIPT } from '../scripts/prelude-script.js';
import { IMPORT_KEEP_RULES_SCRIPT } from './import-keep-rules-script.js';

/**
 * Plans the removal of import bindings (`import a`, `from m import a as b`) at given positions:
 * whole statements (whole lines, or the `;`-separated part of a line), single names out of a
 * statement (multi-line and parenthesised lists included), and `pass` where a block would be
 * left empty. Bindings are kept — and said why — when they are re-exports (`__init__.py`'s
 * imports from its own package, names in `__all__`, `import a as a`, names other workspace
 * modules import from this one), marked `# noqa` (bare or F401), or inside `try` (an optional
 * import). An alias at a `replace` position is rewritten to its text instead (a binding
 * turned into another name of the same module). Input `{root, files: [{file, positions:
 * [{line, column}], replace?: [{line, column, text}]}], workspace: [files]}`;
 * output `{files: [{file, edits, removed, kept}], errors}`; 1-based lines, UTF-16 columns.
 */
export const IMPORT_REMOVALS_SCRIPT = `${PRELUDE_SCRIPT}
${IMPORT_KEEP_RULES_SCRIPT}
${String.raw`
import bisect

TRY_TYPES = tuple(t for t in (getattr(ast, 'Try', None), getattr(ast, 'TryStar', None)) if t)
SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)


class Text:
    def __init__(self, source):
        self.source = source
        self.text = source.text
        self.starts = [0] + [m.end() for m in NEWLINE.finditer(self.text)]

    def offset(self, lineno, char_index):
        return self.starts[lineno - 1] + char_index

    def node_span(self, node):
        line, char = self.source.start(node)
        end_line, end_char = self.source.end(node)
        return self.offset(line, char), self.offset(end_line, end_char)

    def line_of(self, offset):
        return bisect.bisect_right(self.starts, offset)

    def line_start(self, offset):
        return self.starts[self.line_of(offset) - 1]

    def line_end(self, offset):
        line = self.line_of(offset)
        return self.starts[line - 1] + len(self.source.line(line))

    def next_line_start(self, offset):
        line = self.line_of(offset)
        return self.starts[line] if line < len(self.starts) else len(self.text)

    def position(self, offset):
        line = self.line_of(offset)
        return [line, self.source.utf16(line, offset - self.starts[line - 1])]


def plan_file(root, item, importers):
    rel = item['file']
    source = Source(root, rel)
    if source.tree is None:
        return None, source.error or 'unreadable'
    text = Text(source)
    parents = {}
    for node in ast.walk(source.tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node

    def in_try(statement):
        node = parents.get(statement)
        while node is not None and not isinstance(node, SCOPES):
            if TRY_TYPES and isinstance(node, TRY_TYPES):
                return True
            node = parents.get(node)
        return False

    init = rel.endswith('__init__.py') or rel.endswith('__init__.pyi')
    parts = package_parts(rel)
    context = {
        'all': all_names(source.tree),
        'init': init,
        'package': ['.'.join(parts[i:]) for i in range(len(parts))],
        'modules': module_names(rel),
        'importers': importers,
        'in_try': in_try,
    }
    wanted = [(p['line'], p['column']) for p in item['positions']]
    renames = [((r['line'], r['column']), r['text']) for r in item.get('replace') or []]
    statements = [n for n in ast.walk(source.tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
    chosen = {}
    removed = []
    kept = []
    spans = []
    for statement in statements:
        for index, alias in enumerate(statement.names):
            if not has_span(alias):
                continue
            start, end = alias_position(source, alias)
            renamed = next((new for at, new in renames if start <= at <= end), None)
            if renamed is not None:
                span = text.node_span(alias)
                spans.append((span[0], span[1], renamed, 'import replaced'))
                continue
            if not any(start <= w <= end for w in wanted):
                continue
            name = bound_name(statement, alias)
            reason = why_kept(rel, source, statement, alias, name, context)
            entry = {'line': start[0], 'column': start[1], 'name': name,
                     'length': (end[1] - start[1]) if end[0] == start[0] else len(alias.name)}
            if reason is not None:
                kept.append(dict(entry, reason=reason[0], detail=reason[1]))
                continue
            chosen.setdefault(id(statement), (statement, set()))[1].add(index)
            removed.append(entry)
    whole = []
    for statement, indexes in chosen.values():
        if len(indexes) == len(statement.names):
            whole.append(statement)
        else:
            spans.extend(alias_spans(text, statement, indexes))
    spans.extend(statement_spans(text, whole, parents))
    return {'file': rel, 'edits': to_edits(text, spans), 'removed': removed, 'kept': kept}, None


def alias_spans(text, statement, indexes):
    names = statement.names
    spans = []
    index = 0
    while index < len(names):
        if index not in indexes:
            index += 1
            continue
        last = index
        while last + 1 < len(names) and last + 1 in indexes:
            last += 1
        first_start = text.node_span(names[index])[0]
        last_end = text.node_span(names[last])[1]
        before = text.text[text.line_start(first_start):first_start]
        after = text.text[last_end:text.line_end(last_end)]
        if before.strip() == '' and re.match(r'[ \t]*,?[ \t]*(#.*)?$', after) and (
                last + 1 < len(names) or index > 0 and
                text.line_of(text.node_span(names[index - 1])[1]) < text.line_of(first_start)):
            # One name per line: its lines go, with their comma and comment.
            start, end = text.line_start(first_start), text.next_line_start(last_end)
        elif last + 1 < len(names):
            start = first_start
            end = text.node_span(names[last + 1])[0]
        else:
            start = text.node_span(names[index - 1])[1]
            end = text.node_span(names[last])[1]
        spans.append((start, end, '', 'unused import'))
        index = last + 1
    return spans


def body_of(statement, parents):
    parent = parents.get(statement)
    for _, value in ast.iter_fields(parent) if parent is not None else []:
        if isinstance(value, list) and any(v is statement for v in value):
            return parent, value
    return parent, [statement]


def statement_spans(text, statements, parents):
    removed = set(id(s) for s in statements)
    spans = []
    passed = set()
    for statement in statements:
        parent, body = body_of(statement, parents)
        emptied = not isinstance(parent, ast.Module) and all(id(s) in removed for s in body)
        start, end = text.node_span(statement)
        if emptied and id(body[0]) not in passed and body[0] is statement:
            passed.add(id(statement))
            spans.append((start, end, 'pass', 'unused import (pass keeps the block)'))
            continue
        after = text.text[end:text.line_end(end)]
        before = text.text[text.line_start(start):start]
        semi_after = re.match(r'[ \t]*;[ \t]*', after)
        semi_before = re.search(r'[ \t]*;[ \t]*$', before)
        if semi_after:
            end += semi_after.end()
        elif semi_before:
            start -= len(semi_before.group(0))
        spans.append((start, end, '', 'unused import'))
    return merge_lines(text, spans)


def merge_lines(text, spans):
    spans = sorted(spans)
    merged = []
    for span in spans:
        if merged and span[2] == '' and merged[-1][2] == '' and span[0] <= merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], span[1]), '', last[3])
        else:
            merged.append(span)
    result = []
    for start, end, new, reason in merged:
        if new == '':
            before = text.text[text.line_start(start):start]
            after = text.text[end:text.line_end(end)]
            if before.strip() == '' and re.match(r'[ \t]*(#.*)?$', after):
                start = text.line_start(start)
                end = text.next_line_start(end)
        result.append((start, end, new, reason))
    return result


def to_edits(text, spans):
    edits = []
    for start, end, new, reason in sorted(spans):
        edits.append({'start': text.position(start), 'end': text.position(end),
                      'oldText': text.text[start:end], 'newText': new, 'reason': reason})
    return edits


def main():
    request = read_input()
    root = request['root']
    wanted = set()
    for item in request['files']:
        source = Source(root, item['file'])
        for p in item['positions']:
            line = source.line(p['line'])
            match = re.match(r'[\w.]+', line[source.from_utf16(p['line'], p['column']):])
            if match:
                wanted.add(match.group(0).split('.')[0])
    importers = imported_names(root, request.get('workspace') or [], wanted) if wanted else {}
    files = []
    errors = []
    for item in request['files']:
        planned, error = plan_file(root, item, importers)
        if error is not None:
            errors.append({'file': item['file'], 'message': error})
        elif planned['edits'] or planned['kept']:
            files.append(planned)
    write_output({'files': files, 'errors': errors})


main()
`}`;
