/**
 * Python helpers every analysis script starts with: JSON over stdin/stdout (UTF-8 bytes),
 * reading workspace files, and column conversion. `ast` columns are UTF-8 byte offsets; the
 * scripts work in character indexes and report 1-based UTF-16 columns, as LSP does.
 */
export const PRELUDE_SCRIPT = String.raw`
import ast
import json
import os
import re
import sys

NEWLINE = re.compile(r'\r\n|\r|\n')


OVERLAY = {}


def read_input():
    global OVERLAY
    request = json.loads(sys.stdin.buffer.read().decode('utf-8'))
    OVERLAY = request.get('overlay') or {}
    return request


def read_source_bytes(path):
    with open(path, 'rb') as handle:
        return handle.read()


def decode_source(data):
    # PEP 263: a coding cookie (or a BOM) says how the file is encoded; else UTF-8.
    try:
        import tokenize
        encoding, _ = tokenize.detect_encoding(io_bytes(data).readline)
    except (SyntaxError, LookupError):
        encoding = 'utf-8'
    return data.decode(encoding, errors='replace')


def io_bytes(data):
    import io
    return io.BytesIO(data)


def write_output(value):
    sys.stdout.buffer.write(json.dumps(value, ensure_ascii=False, sort_keys=True).encode('utf-8'))


class Source:
    def __init__(self, root, rel):
        self.rel = rel
        self.tree = None
        self.error = None
        try:
            if rel in OVERLAY:
                self.text = OVERLAY[rel] or ''
            else:
                self.text = decode_source(read_source_bytes(os.path.join(root, rel)))
        except OSError as error:
            self.text = ''
            self.error = error.strerror or str(error)
        if self.text.startswith('\ufeff'):
            self.text = self.text[1:]
        self.lines = NEWLINE.split(self.text)
        if self.error is not None:
            return
        try:
            self.tree = ast.parse(self.text, filename=rel)
        except (SyntaxError, ValueError) as error:
            self.error = str(error)

    def line(self, lineno):
        return self.lines[lineno - 1] if 0 < lineno <= len(self.lines) else ''

    def char(self, lineno, byte_col):
        """ast byte offset -> character index in the line."""
        return len(self.line(lineno).encode('utf-8')[:byte_col].decode('utf-8', errors='replace'))

    def utf16(self, lineno, char_index):
        """character index -> 1-based UTF-16 column."""
        return len(self.line(lineno)[:char_index].encode('utf-16-le')) // 2 + 1

    def from_utf16(self, lineno, column):
        """1-based UTF-16 column -> character index."""
        units = 0
        for index, ch in enumerate(self.line(lineno)):
            if units >= column - 1:
                return index
            units += 2 if ord(ch) > 0xFFFF else 1
        return len(self.line(lineno))

    def start(self, node):
        return (node.lineno, self.char(node.lineno, node.col_offset))

    def end(self, node):
        return (node.end_lineno, self.char(node.end_lineno, node.end_col_offset))

    def position(self, lineno, char_index):
        return {'line': lineno, 'column': self.utf16(lineno, char_index)}


def has_span(node):
    return getattr(node, 'lineno', None) is not None and getattr(node, 'end_lineno', None) is not None
`;
