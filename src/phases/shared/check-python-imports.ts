import { z } from 'zod';
import { toErrorMessage } from '../../core/errors.js';
import type { PythonImportReport } from '../../core/phase-outputs.js';
import {
  CHECK_VALUE_CHARS,
  PYTHON_CHECK_HELPERS,
  toCheckValue,
} from '../../core/python-check-script.js';
import type { PythonRunner } from '../../core/services.js';

/** Files never imported: importing them runs them. */
const SCRIPTS = /(?:^|\/)(?:setup|__main__|noxfile|fabfile)\.py$/;

/**
 * Exceptions an edit causes on import (a name that is gone, a bad signature, broken syntax);
 * anything else (a missing third-party package, a side effect refused) is noted, not failed.
 */
const SCRIPT = `
def _mcpo_check_imports(files):
    import inspect, os
    imported, findings = [], []
    for file in files:
        entry = {'file': file, 'module': _mcpo_module_name(file)[1]}
        try:
            module, caught = _mcpo_import(file)
            imported.append(entry['module'])
            entry['unawaited'] = [m for m in caught if 'was never awaited' in m]
            entry['coroutines'] = sorted(k for k, v in vars(module).items() if inspect.iscoroutine(v))
        except BaseException as error:
            entry['error'] = type(error).__name__ + ': ' + str(error)
            missing = getattr(error, 'name', None) if isinstance(error, ModuleNotFoundError) else None
            top = (missing or '').split('.')[0]
            ours = bool(top) and (os.path.exists(top + '.py') or os.path.isdir(top))
            entry['counts'] = isinstance(error, (SyntaxError, NameError, AttributeError, TypeError)) or (
                isinstance(error, ImportError) and (missing is None or ours))
        # Only modules with something to say are listed in full: the answer stays small.
        if entry.get('error') or entry.get('unawaited') or entry.get('coroutines'):
            findings.append(entry)
    # Garbage that outlived the young generations while the modules loaded: collected once.
    with _mcpo_warnings.catch_warnings(record=True) as caught:
        _mcpo_warnings.simplefilter('always')
        _mcpo_gc.collect()
    late = [str(w.message) for w in caught if 'was never awaited' in str(w.message)]
    return {'imported': imported, 'findings': findings, 'late': late}
`;

const reportSchema = z.object({
  /** Every module that imported, in the files' order. */
  imported: z.array(z.string()),
  /** The modules with something to report: an error, unawaited coroutines, coroutine globals. */
  findings: z.array(
    z.object({
      file: z.string(),
      module: z.string(),
      error: z.string().optional(),
      counts: z.boolean().optional(),
      unawaited: z.array(z.string()).optional(),
      coroutines: z.array(z.string()).optional(),
    }),
  ),
  /** Unawaited coroutines found only by the full collection after the last import. */
  late: z.array(z.string()),
});

/**
 * Imports every changed Python module in the worktree's interpreter (the pyrepl server) and
 * reports modules that no longer import, coroutines created and never awaited while importing,
 * and module globals left holding coroutine objects. A check that cannot run is a note.
 */
export async function checkPythonImports(
  python: PythonRunner,
  worktreePath: string,
  changedFiles: readonly string[],
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<PythonImportReport> {
  const files = changedFiles.filter((file) => file.endsWith('.py') && !SCRIPTS.test(file));
  const result: PythonImportReport = { imported: [], problems: [], notes: [] };
  if (files.length === 0) return result;
  const timeoutMs = options.timeoutMs ?? 20_000;
  let report: z.infer<typeof reportSchema>;
  try {
    const execution = await python.execute(
      `${PYTHON_CHECK_HELPERS}\n${SCRIPT}\n_mcpo_result(_mcpo_check_imports(${JSON.stringify(files)}))`,
      {
        workspace: worktreePath,
        timeoutMs,
        maxOutputChars: CHECK_VALUE_CHARS,
        ...(options.signal ? { signal: options.signal } : {}),
      },
    );
    if (execution.timedOut) {
      result.notes.push(
        `Importing the changed Python modules took over ${timeoutMs} ms; not checked.`,
      );
      return result;
    }
    report = reportSchema.parse(toCheckValue(execution));
  } catch (error) {
    options.signal?.throwIfAborted();
    result.notes.push(
      `The changed Python modules could not be import-checked: ${toErrorMessage(error)}`,
    );
    return result;
  }
  result.imported.push(...report.imported);
  for (const entry of report.findings) {
    if (entry.error !== undefined) {
      (entry.counts ? result.problems : result.notes).push(
        `${entry.file} (module ${entry.module}) does not import: ${entry.error}`,
      );
      continue;
    }
    for (const message of entry.unawaited ?? []) {
      result.problems.push(`Importing ${entry.module} left a coroutine unawaited: ${message}`);
    }
    for (const name of entry.coroutines ?? []) {
      result.problems.push(
        `Module ${entry.module} holds a coroutine object in "${name}": a caller of a converted function is not awaiting it.`,
      );
    }
  }
  for (const message of report.late) {
    result.problems.push(
      `Importing the changed modules (${files.length}) left a coroutine unawaited: ${message}`,
    );
  }
  return result;
}
