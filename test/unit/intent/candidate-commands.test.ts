import { describe, expect, it } from 'vitest';
import type { SymbolDefinition } from '../../../src/core/source-types.js';
import type { Intent } from '../../../src/intent/all-intents.js';
import { toCandidateCommands } from '../../../src/intent/candidate-commands.js';
import { parseIntent } from '../../../src/intent/parse-intent.js';
import type { RenameIntent } from '../../../src/transforms/rename/intent.js';
import { toSymbolQuery } from '../../../src/transforms/rename/symbol-query.js';
import { filterDefinitions } from '../../../src/transforms/shared/resolve-symbol.js';

const at = (
  file: string,
  line: number,
  kind: SymbolDefinition['kind'],
  container?: string,
  name = 'helper',
): SymbolDefinition => ({
  file,
  line,
  column: 5,
  name,
  kind,
  language: file.endsWith('.py') ? 'python' : 'typescript',
  ...(container === undefined ? {} : { container }),
});

const RENAME: Intent = { kind: 'rename', from: 'helper', to: 'assist' };

describe('toCandidateCommands', () => {
  it('gives each candidate of an ambiguous rename a command the grammar reads as that symbol alone', () => {
    const candidates = [
      at('extra/a.py', 1, 'function'),
      at('extra/b.py', 1, 'function'),
      at('src/cache.ts', 4, 'method', 'UserCache'),
      at('src/config.ts', 2, 'constant'),
    ];
    const commands = toCandidateCommands(RENAME, candidates);
    expect(commands).toEqual([
      {
        candidate: 'extra/a.py:1 (function)',
        command: 'rename function `helper` to assist in `extra/a.py`',
      },
      {
        candidate: 'extra/b.py:1 (function)',
        command: 'rename function `helper` to assist in `extra/b.py`',
      },
      {
        candidate: 'src/cache.ts:4 (method in UserCache)',
        command: 'rename method UserCache.helper to assist in `src/cache.ts`',
      },
      {
        candidate: 'src/config.ts:2 (constant)',
        command: 'rename variable `helper` to assist in `src/config.ts`',
      },
    ]);
    // Each, read back, keeps exactly its own candidate.
    commands.forEach(({ command }, index) => {
      const intent = parseIntent(command) as RenameIntent;
      expect(filterDefinitions(toSymbolQuery(intent), candidates)).toEqual([candidates[index]]);
    });
  });

  it('keeps the new name and quotes names that are grammar words', () => {
    const [first] = toCandidateCommands({ kind: 'rename', from: 'to', to: 'target' }, [
      at('a.py', 1, 'function', undefined, 'to'),
      at('b.py', 1, 'function', undefined, 'to'),
    ]);
    expect(first?.command).toBe('rename function `to` to target in a.py');
    expect(parseIntent(first?.command ?? '')).toMatchObject({ from: 'to', scope: 'a.py' });
  });

  it('gives none to candidates its words cannot tell apart', () => {
    const commands = toCandidateCommands(RENAME, [
      at('extra/a.py', 1, 'function'),
      at('extra/a.py', 9, 'function'),
      at('extra/b.py', 1, 'function'),
    ]);
    expect(commands.map((c) => c.candidate)).toEqual(['extra/b.py:1 (function)']);
  });

  it('narrows a move by its module, a signature change by its class, and not a kind without a narrower', () => {
    const move = toCandidateCommands({ kind: 'move', symbol: 'helper', to: 'lib/util.py' }, [
      at('extra/a.py', 1, 'function'),
      at('extra/b.py', 1, 'function'),
    ]);
    expect(move.map((c) => c.command)).toEqual([
      'move `helper` from extra/a.py to lib/util.py',
      'move `helper` from extra/b.py to lib/util.py',
    ]);
    const add = toCandidateCommands(
      { kind: 'add_parameter', function: 'helper', name: 'limit', default: '10' },
      [at('src/a.ts', 1, 'function'), at('src/cache.ts', 4, 'method', 'UserCache')],
    );
    expect(add.map((c) => c.command)).toEqual(['add parameter limit = 10 to UserCache.helper']);
    expect(
      toCandidateCommands({ kind: 'make_async', target: 'helper', targetKind: 'symbol' }, [
        at('a.py', 1, 'function'),
      ]),
    ).toEqual([]);
  });
});
