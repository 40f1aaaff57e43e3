import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import { PROJECT_CONFIG_SCRIPT } from './project-config-script.python.js';

/** A console (or GUI) script that calls a module-level function of the workspace. */
export interface EntryPoint {
  /** `ledger = ledger.cli:main`. */
  declaration: string;
  /** The config file that declares it. */
  source: string;
  file: string;
  functionName: string;
}

/** How the repo runs async tests. */
export type AsyncTestSupport =
  | { kind: 'none' }
  /** pytest-asyncio with `asyncio_mode = auto`: an `async def` test needs nothing more. */
  | { kind: 'auto'; evidence: string }
  /** pytest-asyncio (strict) or anyio: each async test needs the marker. */
  | { kind: 'marker'; marker: 'pytest.mark.asyncio' | 'pytest.mark.anyio'; evidence: string };

/** What the project's configuration says, for make_async. */
export interface ProjectConfig {
  entryPoints: EntryPoint[];
  tests: AsyncTestSupport;
}

interface ScriptResult {
  entryPoints: Array<{ script: string; module: string; attribute: string; source: string }>;
  asyncioMode: string | null;
  declares: { pytestAsyncio: boolean; anyio: boolean };
}

/**
 * Loads the console-script entry points (resolved to workspace files) and how async tests
 * run: `asyncio_mode = auto` in the pytest configuration → async tests as they are; else
 * pytest-asyncio in use (the `pytest.mark.asyncio` marker or `pytest_asyncio` in a `.py` file,
 * or declared in the project's files) → `@pytest.mark.asyncio`; else anyio's pytest plugin in use
 * (`pytest.mark.anyio` or an `anyio_backend` fixture) → `@pytest.mark.anyio`; else none.
 */
export async function loadProjectConfig(
  workspace: PythonWorkspace,
  signal?: AbortSignal,
): Promise<ProjectConfig> {
  const result = await workspace.runScript<ScriptResult>(
    PROJECT_CONFIG_SCRIPT,
    { root: workspace.root },
    signal,
  );
  const files = new Set(await workspace.listFiles(signal));
  const entryPoints = result.entryPoints.flatMap((entry): EntryPoint[] => {
    const file = toModuleFile(entry.module, files);
    if (file === undefined || entry.attribute.includes('.')) return [];
    return [
      {
        declaration: `${entry.script} = ${entry.module}:${entry.attribute}`,
        source: entry.source,
        file,
        functionName: entry.attribute,
      },
    ];
  });
  return { entryPoints, tests: await toTestSupport(workspace, result, signal) };
}

function toModuleFile(module: string, files: ReadonlySet<string>): string | undefined {
  const base = module.split('.').join('/');
  const candidates = [
    `${base}.py`,
    `${base}/__init__.py`,
    `src/${base}.py`,
    `src/${base}/__init__.py`,
  ];
  return candidates.find((candidate) => files.has(candidate));
}

async function toTestSupport(
  workspace: PythonWorkspace,
  config: ScriptResult,
  signal?: AbortSignal,
): Promise<AsyncTestSupport> {
  if (config.asyncioMode === 'auto') {
    return { kind: 'auto', evidence: 'asyncio_mode = auto in the pytest configuration' };
  }
  const firstWith = async (text: string): Promise<string | undefined> =>
    (await workspace.filesContaining(text, signal))[0];
  const asyncioUse =
    (await firstWith('pytest.mark.asyncio')) ?? (await firstWith('pytest_asyncio'));
  if (
    asyncioUse !== undefined ||
    config.declares.pytestAsyncio ||
    config.asyncioMode === 'strict'
  ) {
    const evidence =
      asyncioUse === undefined
        ? 'pytest-asyncio declared in the project configuration'
        : `pytest-asyncio used in ${asyncioUse}`;
    return { kind: 'marker', marker: 'pytest.mark.asyncio', evidence };
  }
  const anyioUse = (await firstWith('pytest.mark.anyio')) ?? (await firstWith('anyio_backend'));
  if (anyioUse !== undefined) {
    return { kind: 'marker', marker: 'pytest.mark.anyio', evidence: `anyio used in ${anyioUse}` };
  }
  return { kind: 'none' };
}
