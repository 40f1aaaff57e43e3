/** What the sites script (sites-script.python.ts) reports. Positions are 1-based, UTF-16. */

/** A line and column in one file. */
export interface Point {
  line: number;
  column: number;
}

/** A `def`, by its name's position. */
export interface FunctionFacts extends Point {
  file: string;
  name: string;
  /** `Ledger.total`, `outer.inner`. */
  qualname: string;
  /** Where its `def` keyword is (after `async` for an async def). */
  def: Point;
  isAsync: boolean;
  isGenerator: boolean;
  decorators: Array<{ text: string; resolved: string }>;
  /** A module-level function. */
  topLevel: boolean;
  /** The class that declares it directly (qualified). */
  container?: string;
  /** That class's name position. */
  classAt?: Point;
  /** The calls in its own body that may block (see blocking-candidates-script.python.ts). */
  blocking: BlockingCandidate[];
}

/** A call that may block: a table function by name, or a table method name pyright must resolve. */
export interface BlockingCandidate extends Point {
  end: Point;
  text: string;
  /** The table function it calls, resolved through the file's imports. */
  callee?: string;
  /** For `x.m(...)`: where `m` is. */
  method?: Point & { name: string };
  /** For `x.m(...)`: the receiver's last name, for pyright's hover. */
  receiver?: Point;
}

/** A base class expression of a class, at the name pyright resolves. */
export interface BaseFacts extends Point {
  text: string;
  /** Through the file's imports: `unittest.TestCase`. */
  resolved: string;
}

/** A `class`, by its name's position. */
export interface ClassFacts extends Point {
  file: string;
  name: string;
  qualname: string;
  bases: BaseFacts[];
  /** The methods it declares directly, by name. */
  methods: Record<string, Point>;
}

/** A doctest example and the names it calls. */
export interface DoctestFacts extends Point {
  names: string[];
}

/** One file's definitions. */
export interface FileFacts {
  file: string;
  functions: FunctionFacts[];
  classes: ClassFacts[];
  doctests: DoctestFacts[];
}

/** A lambda, class body or comprehension between a site and its function, innermost first. */
export interface ScopeFacts extends Point {
  kind: 'lambda' | 'class' | 'list' | 'set' | 'dict' | 'genexp';
  /** For a comprehension passed to a call: the callee (`sum`, `.join`). */
  consumer?: string;
  argIndex?: number;
}

/** What is at a position pyright reported as a reference. */
export interface Site extends Point {
  file: string;
  lineText: string;
  role: 'definition' | 'import' | 'string' | 'keyword' | 'call' | 'value' | 'other';
  /** For `import … as y`: where `y` is. */
  alias?: Point;
  /** The enclosing function's name position; absent at module level and in class bodies. */
  function?: Point;
  scopes: ScopeFacts[];
  /** In a module-level `if __name__ == "__main__":` block. */
  mainBlock: boolean;
  /** Used as a decorator (`@f` or `@f(...)`). */
  decorator?: boolean;
  call?: Point & {
    end: Point;
    awaited: boolean;
    /** The call it is an argument of (resolved through imports), e.g. `asyncio.run`. */
    handedTo?: string;
    text: string;
  };
  /** For a value: the call it is passed to. */
  argOf?: { callee: string; keyword?: string };
  /** For a value: the expression it is in. */
  text?: string;
}

/** The key of a position: `file:line:column`. */
export function toKey(at: { file: string; line: number; column: number }): string {
  return `${at.file}:${at.line}:${at.column}`;
}
