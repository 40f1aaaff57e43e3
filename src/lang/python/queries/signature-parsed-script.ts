/**
 * The part of the signature scripts that reads a source once: its significant tokens, the
 * parents of its nodes and where each `def`/`class` name is, and bracketed groups split at
 * their top-level commas. Positions are the prelude's (1-based lines, UTF-16 columns out).
 */
export const SIGNATURE_PARSED_SCRIPT = `
import io
import tokenize

SKIPPED = {tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT,
           tokenize.ENCODING, tokenize.ENDMARKER}
OPENERS = {'(', '[', '{'}
CLOSERS = {')', ']', '}'}
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


class Parsed:
    """A source with its significant tokens, parents and def/class name positions."""

    def __init__(self, root, rel):
        self.source = Source(root, rel)
        self.tokens = []
        if self.source.tree is not None:
            try:
                for tok in tokenize.generate_tokens(io.StringIO(self.source.text, newline='').readline):
                    if tok.type not in SKIPPED:
                        self.tokens.append(tok)
            except (tokenize.TokenError, SyntaxError):
                self.source.tree = None
        self.by_start = {tok.start: i for i, tok in enumerate(self.tokens)}
        self.by_end = {tok.end: i for i, tok in enumerate(self.tokens)}
        self.parents = {}
        self.names = {}
        if self.source.tree is None:
            return
        for node in ast.walk(self.source.tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
            if isinstance(node, FUNCTIONS + (ast.ClassDef,)):
                index = self.name_token(node)
                if index is not None:
                    self.names[self.tokens[index].start] = node

    def pos(self, point):
        return self.source.position(point[0], point[1])

    def start_of(self, node):
        return self.source.start(node)

    def end_of(self, node):
        return self.source.end(node)

    def name_token(self, node):
        """Index of the NAME token after def/class."""
        index = self.by_start.get(self.start_of(node))
        if index is None:
            return None
        keyword = 'class' if isinstance(node, ast.ClassDef) else 'def'
        while index < len(self.tokens) - 1:
            tok = self.tokens[index]
            if tok.type == tokenize.NAME and tok.string == keyword:
                following = self.tokens[index + 1]
                return index + 1 if following.string == node.name else None
            index += 1
        return None

    def group(self, open_index):
        """The closing token's index and the top-level segments [[(index, depth)]]."""
        depth = 0
        segments = []
        current = []
        for index in range(open_index, len(self.tokens)):
            tok = self.tokens[index]
            if tok.type == tokenize.OP and tok.string in OPENERS:
                depth += 1
                if depth == 1:
                    continue
            elif tok.type == tokenize.OP and tok.string in CLOSERS:
                depth -= 1
                if depth == 0:
                    if current:
                        segments.append(current)
                    return index, segments
            elif tok.type == tokenize.OP and tok.string == ',' and depth == 1:
                if current:
                    segments.append(current)
                current = []
                continue
            current.append((index, depth))
        return None, segments

    def matching_open(self, close_index):
        depth = 0
        for index in range(close_index, -1, -1):
            tok = self.tokens[index]
            if tok.type == tokenize.OP and tok.string in CLOSERS:
                depth += 1
            elif tok.type == tokenize.OP and tok.string in OPENERS:
                depth -= 1
                if depth == 0:
                    return index
        return None

    def top(self, segment):
        return [self.tokens[index] for index, depth in segment if depth == 1]

    def span(self, segment):
        return self.pos(self.tokens[segment[0][0]].start), self.pos(self.tokens[segment[-1][0]].end)

    def text(self, node):
        try:
            return ast.unparse(node)
        except Exception:
            return ''

    def at(self, position):
        line = position['line']
        return (line, self.source.from_utf16(line, position['column']))
`;
