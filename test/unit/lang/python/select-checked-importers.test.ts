import { describe, expect, it } from 'vitest';
import type { ImportEdge } from '../../../../src/core/source-types.js';
import {
  changedFilesSeenFromOutside,
  type SurfaceChange,
  selectCheckedImporters,
} from '../../../../src/lang/python/queries/select-checked-importers.js';

const edge = (from: string, to: string): ImportEdge => ({ from, to, names: [] });

// ast.py <- parser.py <- __init__.py <- tests/test_search.py; ast.py <- tests/test_parser.py
const EDGES = [
  edge('parser.py', 'ast.py'),
  edge('__init__.py', 'parser.py'),
  edge('tests/test_search.py', '__init__.py'),
  edge('tests/test_parser.py', 'ast.py'),
  edge('tests/test_lexer.py', 'lexer.py'),
];
const TEXTS: Record<string, string> = {
  '__init__.py':
    'from jmespath import parser\n\ndef compile(e):\n    return parser.Parser().parse(e)\n',
  'tests/test_search.py': 'import jmespath\n',
  'tests/test_parser.py': 'from jmespath import ast\n\nast.field("a")  # not the renamed one\n',
};
const textOf = (file: string) => TEXTS[file];

const select = (surfaces: Record<string, SurfaceChange>, texts = textOf) =>
  selectCheckedImporters(new Map(Object.entries(surfaces)), EDGES, texts);

describe('selectCheckedImporters', () => {
  it('leaves out an importer that never names what a module renamed at its top level', () => {
    const picked = select({
      'ast.py': new Set(['filter_projection', 'make_filter_projection']),
      'parser.py': new Set(),
    });
    // parser.py changed and kept its surface: __init__.py and the tests through it are left out.
    expect(picked).toEqual({
      checked: ['ast.py', 'parser.py'],
      leftOut: ['__init__.py', 'tests/test_parser.py'],
    });
  });

  it('checks every direct importer of a module whose class gained or lost a member', () => {
    const picked = select({
      'ast.py': new Set(['Node.walk', 'Node.visit']),
      'parser.py': new Set(),
    });
    // A class may stop matching a protocol where it is passed, naming neither member.
    expect(picked).toEqual({
      checked: ['ast.py', 'parser.py', 'tests/test_parser.py'],
      leftOut: ['__init__.py'],
    });
  });

  it('follows an unchanged importer that mentions a renamed name to all its importers', () => {
    const picked = select({ 'parser.py': new Set(['Parser.parse', 'Parser.parse_all']) });
    // __init__.py mentions Parser: its own types may have changed, so its importers are checked.
    expect(picked.checked).toEqual(['__init__.py', 'parser.py', 'tests/test_search.py']);
    expect(picked.leftOut).toEqual([]);
  });

  it("checks every importer, transitively, of a module whose names may have changed type ('all')", () => {
    const picked = select({ 'ast.py': 'all', 'parser.py': new Set() });
    expect(picked.checked).toEqual([
      '__init__.py',
      'ast.py',
      'parser.py',
      'tests/test_parser.py',
      'tests/test_search.py',
    ]);
  });

  it('takes a star import, or an importer it cannot read, to mention every name', () => {
    const star = (file: string) => (file === '__init__.py' ? 'from .parser import *\n' : '');
    expect(select({ 'parser.py': new Set(['Other']) }, star).checked).toContain(
      'tests/test_search.py',
    );
    const unreadable = () => undefined;
    expect(select({ 'parser.py': new Set(['Other']) }, unreadable).checked).toContain(
      'tests/test_search.py',
    );
  });

  it('matches whole words only: visit_filter_projection is not filter_projection', () => {
    const texts = (file: string) =>
      file === '__init__.py' ? 'def visit_filter_projection(): pass\n' : '';
    expect(select({ 'parser.py': new Set(['filter_projection']) }, texts)).toEqual({
      checked: ['parser.py'],
      leftOut: ['__init__.py'],
    });
  });

  it('leaves every importer out when no changed module changed its surface', () => {
    expect(select({ 'ast.py': new Set(), 'lexer.py': new Set() })).toEqual({
      checked: ['ast.py', 'lexer.py'],
      leftOut: ['parser.py', 'tests/test_lexer.py', 'tests/test_parser.py'],
    });
  });
});

describe('changedFilesSeenFromOutside', () => {
  it('names the changed files an unchanged file imports, directly or through changed ones', () => {
    // core <- user1, user2 (changed); user1 <- test (unchanged); user2 <- user3 (changed)
    const edges = [
      edge('user1.py', 'core.py'),
      edge('user2.py', 'core.py'),
      edge('test.py', 'user1.py'),
      edge('user3.py', 'user2.py'),
    ];
    const changed = new Set(['core.py', 'user1.py', 'user2.py', 'user3.py']);
    expect([...changedFilesSeenFromOutside(changed, edges)].sort()).toEqual([
      'core.py',
      'user1.py',
    ]);
  });

  it('names none when nothing unchanged imports the change', () => {
    const edges = [edge('b.py', 'a.py')];
    expect(changedFilesSeenFromOutside(new Set(['a.py', 'b.py']), edges).size).toBe(0);
  });
});
