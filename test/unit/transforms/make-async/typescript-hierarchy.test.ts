import { describe, expect, it } from 'vitest';
import {
  HIERARCHY_INPUT,
  HIERARCHY_OUTPUT,
  LITERALS_INPUT,
  LITERALS_OUTPUT,
} from '../../../fixtures/transforms/make-async-typescript/hierarchy-cases.js';
import { useMakeAsyncWorkspace } from '../../../fixtures/transforms/make-async-typescript/use-make-async.js';

const SQL_LOAD = {
  file: 'hierarchy/repo.ts',
  needle: 'load(id: number): string {\n    return `sql',
};

describe('make_async (TypeScript): class hierarchies move together', () => {
  const workspace = useMakeAsyncWorkspace({ ...HIERARCHY_INPUT, ...LITERALS_INPUT });

  it('converts the base, the overrides, the interface member and its other implementers', async () => {
    const outcome = await workspace.convert({ roots: [SQL_LOAD] });
    expect(outcome.changed).toEqual(HIERARCHY_OUTPUT);
    expect(outcome.facts.closure.map((e) => `${e.container ?? ''}.${e.name}: ${e.reason}`)).toEqual(
      [
        'Repo.load: implemented by BaseRepo.load',
        'BaseRepo.load: overridden by SqlRepo.load',
        'BaseRepo.describe: calls BaseRepo.load at hierarchy/repo.ts:9',
        'SqlRepo.load: root',
        'MemoryRepo.load: implements Repo.load',
        'DeepRepo.load: overrides SqlRepo.load',
        '.first: calls Repo.load at hierarchy/use.ts:4',
        '.viaMemory: calls MemoryRepo.load at hierarchy/use.ts:7',
      ],
    );
    workspace.checkLater(outcome.changed, Object.keys(HIERARCHY_INPUT));
  });

  it('gives the same changes from the interface member as from an implementation', async () => {
    const fromInterface = await workspace.convert({
      roots: [{ file: 'hierarchy/repo.ts', needle: 'load' }],
    });
    const fromClass = await workspace.convert({ roots: [SQL_LOAD] });
    expect(fromInterface.changes).toEqual(fromClass.changes);
    expect(fromInterface.facts.closure.find((e) => e.container === 'SqlRepo')?.reason).toBe(
      'overrides BaseRepo.load',
    );
  });

  it('converts the members of object literals typed by the interface', async () => {
    const outcome = await workspace.convert({
      roots: [
        { file: 'literals/repo.ts', needle: 'get' },
        { file: 'literals/repo.ts', needle: 'put' },
      ],
    });
    expect(outcome.changed).toEqual(LITERALS_OUTPUT);
    expect(outcome.facts.closure.map((e) => `${e.container ?? ''}.${e.name}: ${e.reason}`)).toEqual(
      [
        'Store.get: root',
        'Store.put: root',
        'memory.get: implements Store.get',
        'memory.put: implements Store.put',
        '.get: implements Store.get',
        '.put: implements Store.put',
      ],
    );
    workspace.checkLater(outcome.changed, Object.keys(LITERALS_INPUT));
  });

  it('leaves code that type-checks, in every conversion above', async () => {
    expect((await workspace.checkAll()).diagnostics).toEqual([]);
  });
});
