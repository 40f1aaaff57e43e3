import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConvertRun,
  createMakeAsyncPythonFixture,
  type MakeAsyncPythonFixture,
} from '../../../fixtures/transforms/make-async-python.js';
import {
  MANAGEMENT_EXPECTED,
  RISK_FILES,
  RUN_EXPECTED,
} from '../../../fixtures/transforms/make-async-python-risk.js';

const RUN = `import asyncio
from risk.management import assess, run_report, wait_for
with open("limits.txt", "w") as out:
    out.write("abc")
print(asyncio.run(assess("limits.txt", ":memory:")), asyncio.run(run_report(["echo", "hi"])).strip(), asyncio.run(wait_for(["true"])))
`;

describe('make_async (Python): the module form and the blocking table', () => {
  let fixture: MakeAsyncPythonFixture;
  let run: ConvertRun;

  beforeAll(async () => {
    fixture = await createMakeAsyncPythonFixture(RISK_FILES);
    run = await fixture.convert({ files: ['risk/management.py'] });
  });

  afterAll(async () => {
    await fixture?.cleanup();
  });

  it('finds the functions that block directly or through the module, not the others', () => {
    expect(run.facts.roots.map((r) => r.name)).toEqual([
      'load_limits',
      'fetch_prices',
      'backoff',
      'run_report',
      'ping',
      'query',
      'wait_for',
      'send',
      'assess',
    ]);
    expect(run.facts.blocking.map((b) => `${b.function}: ${b.call}`)).toEqual([
      'load_limits: open(path)',
      'load_limits: handle.read()',
      'fetch_prices: requests.get(url, timeout=5)',
      'backoff: nap(0.01)',
      'run_report: subprocess.run(command, capture_output=True, text=True)',
      'ping: urllib.request.urlopen(url)',
      'query: sqlite3.connect(db)',
      'query: conn.execute("select 1").fetchall()',
      'query: conn.execute("select 1")',
      'wait_for: process.wait()',
      'send: socket.create_connection((host, 80))',
      'send: connection.sendall(data)',
    ]);
    expect(run.facts.closure.find((c) => c.name === 'main')?.reason).toBe(
      'calls assess at desk/caller.py:5',
    );
  });

  it('rewrites each blocking call by its table rule, sqlite3 aside, and keeps the CRLF line endings', () => {
    expect(run.changed['risk/management.py']).toBe(MANAGEMENT_EXPECTED);
    expect(run.changed['desk/run.py']).toBe(RUN_EXPECTED);
    expect(run.facts.rewrites.map((r) => r.rule)).toEqual([
      'open → asyncio.to_thread',
      '_io._TextIOBase.read → asyncio.to_thread',
      'requests.get → asyncio.to_thread',
      'time.sleep → asyncio.sleep',
      'subprocess.run → asyncio.to_thread',
      'urllib.request.urlopen → asyncio.to_thread',
      'subprocess.Popen.wait → asyncio.to_thread',
      'socket.create_connection → asyncio.to_thread',
      '_socket.socket.sendall → asyncio.to_thread',
    ]);
    const imports = run.changes.flatMap((c) =>
      c.op === 'edit' && c.file === 'risk/management.py'
        ? c.edits.filter((e) => e.reason === 'import asyncio')
        : [],
    );
    expect(imports).toEqual([
      {
        start: [4, 1],
        end: [4, 1],
        oldText: '',
        newText: 'import asyncio\r\n',
        reason: 'import asyncio',
      },
    ]);
  });

  it('runs with the same results', async () => {
    expect(await run.exec('python3', ['-c', RUN])).toEqual({ code: 0, output: '5 hi 0\n' });
    const script = "import runpy; runpy.run_path('desk/run.py', run_name='__main__')";
    expect(await run.exec('python3', ['-c', script])).toEqual({ code: 0, output: '5\n' });
  });

  it('gives the same closure and diff as the function form naming the same roots', async () => {
    const roots = run.facts.roots.map(({ file, line, column }) => ({ file, line, column }));
    const functionForm = await fixture.convert({ roots });
    expect(functionForm.changes).toEqual(run.changes);
    expect(functionForm.facts.closure.map((c) => c.name)).toEqual(
      run.facts.closure.map((c) => c.name),
    );
  });
});
