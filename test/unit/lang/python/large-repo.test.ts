import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPythonAdapter, type PythonAdapter } from '../../../../src/lang/python/index.js';
import type { PythonFixture } from '../../../fixtures/lang-python/create-python-fixture.js';
import { createLargeRepoFixture } from '../../../fixtures/lang-python/large-repo-fixture.js';
import { renameCollisions, renameEdits } from '../../../fixtures/transforms/rename-via-halves.js';

const mode =
  process.env.PYTHON_ADAPTER_DIAGNOSTIC_MODE === 'workspace' ? 'workspace' : 'openFilesOnly';

// ~1 minute of CPU on 2 cores: opt in with PYTHON_ADAPTER_LARGE=1 (it logs the timings).
describe.runIf(process.env.PYTHON_ADAPTER_LARGE === '1')(
  `Python adapter on 1,000 files with 200 users (diagnosticMode ${mode})`,
  () => {
    let fixture: PythonFixture;
    let adapter: PythonAdapter;
    const at = { file: 'ledger/core.py', line: 1, column: 5 };
    const timings: Record<string, number> = {};
    const time = async <T>(label: string, body: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      const result = await body();
      timings[label] = Math.round(performance.now() - started);
      return result;
    };

    beforeAll(async () => {
      fixture = await createLargeRepoFixture();
      adapter = createPythonAdapter({ root: fixture.root, diagnosticMode: mode });
    });

    afterAll(async () => {
      await adapter?.close();
      await fixture?.cleanup();
      console.log(
        JSON.stringify({ mode, settleMs: Math.round(adapter?.settleMs ?? -1), ...timings }),
      );
    });

    it('renames a symbol used from 200 of 1,000 files, with every edit checked', {
      timeout: 300_000,
    }, async () => {
      const definitions = await time('findDefinitionsMs', () =>
        adapter.findDefinitions('post_entry'),
      );
      expect(definitions).toHaveLength(1);
      const references = await time('firstFindReferencesMs', () => adapter.findReferences(at));
      expect(references).toHaveLength(401);
      const edits = await time('findRenameEditsMs', () => renameEdits(adapter, at, 'record_entry'));
      expect(edits).toHaveLength(401);
      expect(new Set(edits.map((e) => e.file)).size).toBe(201);
      const collisions = await time('findRenameCollisionsMs', () =>
        renameCollisions(adapter, at, 'record_entry'),
      );
      expect(collisions).toEqual([]);
      const callers = await time('findCallersMs', () => adapter.findCallers(at));
      expect(callers).toHaveLength(200);
      const graph = await time('findImportGraphMs', () => adapter.findImportGraph());
      expect(graph).toHaveLength(200);
    });
  },
);
