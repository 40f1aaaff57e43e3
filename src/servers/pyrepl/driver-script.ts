/**
 * The Python side of a pyrepl session, run with `python -u -c DRIVER_SCRIPT <root>`. It reads one
 * JSON request per line on stdin (`{id, code, maxOutputChars}`), runs the code in one persistent
 * namespace with stdout/stderr captured (and capped), and writes one JSON reply per line on the
 * original stdout; file descriptor 1 itself goes to /dev/null, so output written below Python
 * cannot corrupt the replies. An audit hook keeps the code to `root`: writing, deleting,
 * renaming or changing directory outside it, starting processes, signalling and network
 * connections are refused with PermissionError. It guards against accidents, not against
 * hostile code (ctypes can get past any audit hook).
 */
export const DRIVER_SCRIPT = String.raw`
import ast, builtins, io, json, os, sys, traceback

ROOT = os.path.realpath(sys.argv[1])
_replies = os.fdopen(os.dup(1), 'w', encoding='utf-8', buffering=1)
_null = os.open(os.devnull, os.O_WRONLY)
os.dup2(_null, 1)
sys.dont_write_bytecode = True
os.chdir(ROOT)
if sys.path[:1] != [ROOT]:
    sys.path.insert(0, ROOT)

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
PATH_EVENTS = {'os.remove', 'os.rmdir', 'os.mkdir', 'os.truncate', 'os.chmod', 'os.chown',
               'os.utime', 'shutil.rmtree', 'os.chdir', 'os.chflags', 'os.lchflags', 'os.setxattr',
               'os.removexattr', 'os.mkfifo', 'os.mknod'}
PAIR_EVENTS = {'os.rename', 'os.link', 'os.symlink', 'shutil.copyfile', 'shutil.copytree',
               'shutil.move'}
REFUSED_EVENTS = {'subprocess.Popen', 'os.system', 'os.exec', 'os.posix_spawn', 'os.spawn',
                  'os.fork', 'os.forkpty', 'os.kill', 'os.killpg', 'pty.spawn', 'os.startfile'}
_guard = [False]


def _inside(path):
    if isinstance(path, int):
        return True
    full = os.path.realpath(os.path.join(os.getcwd(), os.fsdecode(path)))
    return full == ROOT or full.startswith(ROOT + os.sep)


def _refuse(what):
    raise PermissionError('pyrepl is confined to ' + ROOT + ': ' + what + ' is refused')


def _audit(event, args):
    if not _guard[0]:
        return
    if event == 'open':
        path, mode, flags = args
        if path is None:
            return
        writing = (isinstance(mode, str) and any(c in mode for c in 'wax+')) or (
            isinstance(flags, int) and flags & WRITE_FLAGS)
        if writing and not _inside(path):
            _refuse('writing ' + os.fsdecode(path))
    elif event in PATH_EVENTS:
        if args and not _inside(args[0]):
            _refuse(event + ' on ' + os.fsdecode(args[0]))
    elif event in PAIR_EVENTS:
        for path in args[:2]:
            if isinstance(path, (str, bytes, os.PathLike)) and not _inside(path):
                _refuse(event + ' on ' + os.fsdecode(path))
    elif event in REFUSED_EVENTS:
        _refuse(event)
    elif event in ('socket.connect', 'socket.bind', 'socket.sendto'):
        address = args[1] if len(args) > 1 else None
        if isinstance(address, tuple):
            _refuse(event + ' to ' + repr(address))


sys.addaudithook(_audit)


class _Capped(io.TextIOBase):
    def __init__(self, limit):
        self.parts, self.size, self.limit, self.truncated = [], 0, limit, False

    def writable(self):
        return True

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError('write() argument must be str, not ' + type(text).__name__)
        room = self.limit - self.size
        if len(text) > room:
            self.truncated = True
            text = text[:max(room, 0)]
        if text:
            self.parts.append(text)
            self.size += len(text)
        return len(text)

    def value(self):
        return ''.join(self.parts)


NAMESPACE = {'__name__': '__pyrepl__', '__builtins__': builtins}


def _run(code, limit):
    tree = ast.parse(code, '<pyrepl>', 'exec')
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    exec(compile(tree, '<pyrepl>', 'exec'), NAMESPACE)
    if last is None:
        return None
    value = eval(compile(last, '<pyrepl>', 'eval'), NAMESPACE)
    if value is None:
        return None
    NAMESPACE['_'] = value
    text = repr(value)
    return text if len(text) <= limit else text[:limit]


def _serve():
    _replies.write(json.dumps({'ready': True, 'python': sys.version.split()[0],
                               'executable': sys.executable}) + '\n')
    while True:
        try:
            line = sys.stdin.readline()
        except KeyboardInterrupt:
            continue
        if not line:
            return
        try:
            request = json.loads(line)
        except ValueError:
            continue
        limit = int(request.get('maxOutputChars') or 65536)
        out, err = _Capped(limit), _Capped(limit)
        reply = {'id': request.get('id'), 'value': None, 'error': None}
        saved = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = out, err
        _guard[0] = True
        try:
            reply['value'] = _run(request.get('code', ''), limit)
        except BaseException as error:
            if isinstance(error, SystemExit):
                reply['error'] = {'type': 'SystemExit', 'message': str(error.code), 'traceback': ''}
            else:
                text = ''.join(traceback.format_exception(type(error), error, error.__traceback__))
                reply['error'] = {'type': type(error).__name__, 'message': str(error),
                                  'traceback': text[-limit:]}
        finally:
            _guard[0] = False
            sys.stdout, sys.stderr = saved
        reply['stdout'], reply['stderr'] = out.value(), err.value()
        reply['outputTruncated'] = out.truncated or err.truncated
        try:
            _replies.write(json.dumps(reply) + '\n')
        except KeyboardInterrupt:
            _replies.write(json.dumps(reply) + '\n')


_serve()
`;
