/**
 * The Python table of blocking operations: what makes a module-form root, and what a converted
 * function's blocking calls become. Matching is exact, never by a name alone:
 *
 * - **Functions** match the callee's dotted name resolved through the file's own imports:
 *   `import time` / `import time as t` / `from time import sleep [as nap]` all make `time.sleep`;
 *   a name the module defines itself, or imports relatively, never matches; `open` matches the
 *   builtin only when nothing in the module binds `open`.
 * - **Methods** match the class pyright declares the method in (its `textDocument/definition`,
 *   read in the typeshed stub): `p.wait()` where pyright types `p` as `subprocess.Popen`,
 *   `conn.execute()` on a `sqlite3.Connection`, `fh.read()` on a file object. File-object
 *   methods are declared on `_io` base classes that `io.StringIO`/`io.BytesIO` share, so those
 *   also need pyright's hover type of the receiver not to be an in-memory stream.
 *
 * Calls inside lambdas and generator expressions of a converted function are left as they are.
 * `sqlite3` calls block but are not moved to a thread: a connection belongs to the thread that
 * made it (`check_same_thread`), so `asyncio.to_thread` would fail at run time; they make a
 * module-form root and stay as written (`none`).
 */

/** How a blocking call is rewritten inside a converted function. */
export type BlockingRewrite = 'asyncio.sleep' | 'asyncio.to_thread' | 'none';

/** Blocking functions by dotted name, with their rewrite. */
export const BLOCKING_FUNCTIONS: Readonly<Record<string, BlockingRewrite>> = Object.fromEntries([
  ['time.sleep', 'asyncio.sleep'],
  ...[
    'requests.request',
    'requests.get',
    'requests.head',
    'requests.options',
    'requests.post',
    'requests.put',
    'requests.patch',
    'requests.delete',
    'urllib.request.urlopen',
    'urllib.request.urlretrieve',
    'subprocess.run',
    'subprocess.call',
    'subprocess.check_call',
    'subprocess.check_output',
    'subprocess.getoutput',
    'subprocess.getstatusoutput',
    'os.system',
    'socket.create_connection',
    'socket.getaddrinfo',
    'socket.gethostbyname',
    'socket.gethostbyaddr',
    'open',
    'io.open',
  ].map((name) => [name, 'asyncio.to_thread' as const]),
  ['sqlite3.connect', 'none'],
]);

const FILE_METHODS = ['read', 'readline', 'readlines', 'write', 'writelines', 'flush'];

/** Blocking methods, by the module and classes that declare them (as typeshed does). */
export const BLOCKING_METHODS: ReadonlyArray<{
  module: string;
  classes: readonly string[];
  methods: readonly string[];
  /** Receivers of these (pyright's hover type) are not blocking. */
  exceptReceivers?: readonly string[];
  /** @default 'asyncio.to_thread' */
  rewrite?: BlockingRewrite;
}> = [
  { module: 'subprocess', classes: ['Popen'], methods: ['wait', 'communicate'] },
  {
    module: '_socket',
    classes: ['socket'],
    methods: [
      'connect',
      'recv',
      'recv_into',
      'recvfrom',
      'recvfrom_into',
      'send',
      'sendall',
      'sendto',
    ],
  },
  { module: 'socket', classes: ['socket'], methods: ['accept', 'sendfile'] },
  {
    module: 'sqlite3',
    classes: ['Connection', 'Cursor'],
    methods: [
      'execute',
      'executemany',
      'executescript',
      'commit',
      'rollback',
      'fetchone',
      'fetchmany',
      'fetchall',
    ],
    rewrite: 'none',
  },
  {
    module: '_io',
    classes: [
      '_IOBase',
      '_RawIOBase',
      '_BufferedIOBase',
      '_TextIOBase',
      'FileIO',
      'BufferedReader',
      'BufferedWriter',
      'BufferedRandom',
      'TextIOWrapper',
    ],
    methods: [...FILE_METHODS, 'read1', 'readinto', 'readall'],
    exceptReceivers: ['StringIO', 'BytesIO'],
  },
  {
    module: 'typing',
    classes: ['IO', 'TextIO', 'BinaryIO'],
    methods: FILE_METHODS,
    exceptReceivers: ['StringIO', 'BytesIO'],
  },
  {
    module: 'requests.sessions',
    classes: ['Session'],
    methods: ['request', 'get', 'head', 'options', 'post', 'put', 'patch', 'delete'],
  },
  {
    module: 'pathlib',
    classes: ['Path'],
    methods: ['read_text', 'write_text', 'read_bytes', 'write_bytes'],
  },
];

/** Every method name in {@link BLOCKING_METHODS} (the only attribute calls pyright is asked about). */
export const BLOCKING_METHOD_NAMES: readonly string[] = [
  ...new Set(BLOCKING_METHODS.flatMap((entry) => entry.methods)),
].sort();

/** The rule of a resolved function name, or undefined. */
export function toFunctionRule(name: string): BlockingRewrite | undefined {
  return Object.hasOwn(BLOCKING_FUNCTIONS, name) ? BLOCKING_FUNCTIONS[name] : undefined;
}

/** The table entry of `module.Class.method`, or undefined. */
export function toMethodRule(
  module: string,
  className: string,
  method: string,
): (typeof BLOCKING_METHODS)[number] | undefined {
  return BLOCKING_METHODS.find(
    (entry) =>
      entry.module === module &&
      entry.classes.includes(className) &&
      entry.methods.includes(method),
  );
}
