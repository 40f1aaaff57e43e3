import { describe, expect, it } from 'vitest';
import type { LogicOutput, MapOutput } from '../../../../src/core/phase-outputs.js';
import type { SymbolDefinition } from '../../../../src/core/source-types.js';
import { createLogicPhase } from '../../../../src/phases/logic/logic-phase.js';
import type { SignatureFacts } from '../../../../src/transforms/shared/parameters/contract.js';
import {
  createFakeContext,
  type FakeContextOverrides,
} from '../../../fixtures/phases/fake-services.js';

/** LOGIC of add_parameter on fakes: the language half's answer is given, the rest is the orchestrator half's. */
const FETCH: SymbolDefinition = {
  file: 'net.py',
  line: 1,
  column: 5,
  name: 'fetch',
  kind: 'function',
  language: 'python',
};
const FILES = {
  'net.py': 'def fetch(url):\n    return url\n',
  'app.py':
    'from net import fetch\n\n\ndef run(client):\n    fetch("a")\n    return client.fetch("b")\n',
};
const FACTS: SignatureFacts = {
  declarations: [
    {
      file: 'net.py',
      line: 1,
      column: 5,
      name: 'fetch',
      role: 'target',
      kind: 'function',
      parameters: ['url'],
    },
  ],
  calls: [{ file: 'app.py', line: 5, column: 5, edit: 'positional' }],
  problems: [],
  reported: [],
  references: [
    { file: 'app.py', line: 1, column: 17 },
    { file: 'app.py', line: 5, column: 5 },
    { file: 'net.py', line: 1, column: 5 },
  ],
};
const CHANGES = [
  {
    op: 'edit' as const,
    file: 'app.py',
    edits: [
      {
        start: [5, 14] as const,
        end: [5, 14] as const,
        oldText: '',
        newText: ', 3',
        reason: 'call site',
      },
    ],
  },
  {
    op: 'edit' as const,
    file: 'net.py',
    edits: [
      {
        start: [1, 14] as const,
        end: [1, 14] as const,
        oldText: '',
        newText: ', retries',
        reason: 'declaration',
      },
    ],
  },
];
const MAP: MapOutput = {
  occurrences: {},
  definitions: { fetch: [FETCH] },
  files: [],
  slices: [],
  similarFiles: [],
  sources: [],
};

function logic(intent: Record<string, unknown>, overrides: FakeContextOverrides = {}) {
  const run = createFakeContext({
    intent: { kind: 'add_parameter', function: 'fetch', name: 'retries', ...intent } as never,
    files: FILES,
    computed: { changes: CHANGES, facts: { ...FACTS } },
    // `client.fetch` is a member of a value: another symbol for a module-level function.
    classes: {
      'app.py:6:19': { kind: 'code', member: { object: 'client', objectIsModule: false } },
    },
    ...overrides,
  });
  return { run, outcome: createLogicPhase().run(run.context, { map: MAP }) };
}

describe('add_parameter LOGIC', () => {
  it("keeps the half's edits, and a check REVIEW runs on the changed tree", async () => {
    const { outcome } = logic({ value: '3' });
    const result = await outcome;
    if (!result.success) throw result.error;
    const output = result.output as LogicOutput;
    expect(output.changedFiles).toEqual(['app.py', 'net.py']);
    expect(output.verify).toEqual([
      {
        check: 'parameter-signature',
        transform: 'add_parameter',
        name: 'retries',
        expect: 'present',
        callsPass: true,
        declarations: [{ file: 'net.py', line: 1, column: 5, name: 'fetch' }],
      },
    ]);
    expect(output.title).toBe('Add parameter retries to fetch');
  });

  it('refuses, without a default, a use of the name the language server cannot resolve', async () => {
    const files = {
      ...FILES,
      'jobs.py': 'import net as n\n\n\ndef later(m):\n    return m.fetch("c")\n',
    };
    const error = await logic({ value: '3' }, { files, classes: {} }).outcome.then(
      () => undefined,
      (e: unknown) => e as Error & { code: string },
    );
    expect(error?.code).toBe('UNRESOLVED_REFERENCES');
    expect(error?.message).toContain('jobs.py:5: return m.fetch("c")');
    expect(error?.message).toContain('app.py:6: return client.fetch("b")');
  });

  it('keeps them, named as left alone, with --allow-unresolved or a default', async () => {
    const files = { ...FILES, 'jobs.py': 'def later(m):\n    return m.fetch("c")\n' };
    for (const [intent, allowUnresolved, detail] of [
      [{ value: '3' }, true, 'kept by --allow-unresolved'],
      [{ default: '3' }, false, 'left as it is (the new parameter has a default)'],
    ] as const) {
      const computed = {
        changes: 'value' in intent ? CHANGES : CHANGES.slice(1),
        facts: { ...FACTS },
      };
      const { run, outcome } = logic(intent, { files, classes: {}, allowUnresolved, computed });
      const result = await outcome;
      if (!result.success) throw result.error;
      const left = (result.output as LogicOutput).leftAlone.map(
        (o) => `${o.file}:${o.line} ${o.reason}`,
      );
      expect(left).toEqual(['app.py:6 unresolved', 'jobs.py:2 unresolved']);
      expect((result.output as LogicOutput).leftAlone[0]?.detail).toContain(detail);
      expect(run.warnings.join('\n')).toContain('jobs.py:2: "fetch" left as it is');
    }
  });

  it("refuses with the half's problems, naming each line", async () => {
    const problem = {
      file: 'app.py',
      line: 5,
      column: 5,
      lineText: '    fetch(*args)',
      code: 'unknown-position' as const,
      detail: 'passes arguments through *args',
    };
    const error = await logic(
      { value: '3' },
      { computed: { changes: [], facts: { ...FACTS, problems: [problem] } } },
    ).outcome.then(
      () => undefined,
      (e: unknown) => e as Error & { code: string },
    );
    expect(error?.code).toBe('TRANSFORM_REFUSED');
    expect(error?.message).toContain(
      'Adding parameter "retries" to fetch (net.py:1) is refused; nothing was changed:\n  app.py:5: fetch(*args)  (passes arguments through *args)',
    );
    expect(error?.message).toContain('Give "retries" a default');
  });
});
