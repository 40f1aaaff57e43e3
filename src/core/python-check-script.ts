import { OrchestratorError } from './errors.js';
import type { PythonExecution } from './services.js';

/**
 * Python helpers for dynamic checks run through a {@link PythonRunner} in a worktree:
 * `_mcpo_import(file)` imports the module a workspace-relative `.py` file defines (its package
 * found by walking up `__init__.py` files, that folder put on `sys.path`) and returns the module
 * and the warnings the import raised (its young garbage collected first, so a coroutine it left
 * unawaited in a reference cycle is reported); `_mcpo_result(value)` hands a JSON value back as the
 * code's last expression (base64, so its `repr()` needs no unquoting).
 */
export const PYTHON_CHECK_HELPERS = `
import base64 as _mcpo_base64, gc as _mcpo_gc, importlib as _mcpo_importlib, json as _mcpo_json
import os as _mcpo_os, sys as _mcpo_sys, warnings as _mcpo_warnings


def _mcpo_module_name(file):
    parts = file[:-3].split('/')
    folders, stem = parts[:-1], parts[-1]
    top = len(folders)
    while top > 0 and _mcpo_os.path.isfile(_mcpo_os.path.join(*folders[:top], '__init__.py')):
        top -= 1
    base = _mcpo_os.path.realpath(_mcpo_os.path.join('.', *folders[:top]))
    names = folders[top:] + ([] if stem == '__init__' else [stem])
    return base, '.'.join(names)


def _mcpo_import(file):
    base, name = _mcpo_module_name(file)
    if base not in _mcpo_sys.path:
        _mcpo_sys.path.insert(0, base)
    with _mcpo_warnings.catch_warnings(record=True) as caught:
        _mcpo_warnings.simplefilter('always')
        module = _mcpo_importlib.import_module(name)
        # The young generations only: what this import made. A full collection after each of
        # 4,001 imports scanned every module loaded before it (40 s, quadratic); a caller
        # that imports many modules collects the rest once at the end.
        _mcpo_gc.collect(1)
    return module, [str(w.message) for w in caught]


def _mcpo_result(value):
    return _mcpo_base64.b64encode(_mcpo_json.dumps(value).encode('utf-8')).decode('ascii')
`;

/**
 * Characters a check script's answer may take (the pyrepl server's most): a report on 4,001
 * modules is ~130,000, past the server's default of 65,536, which cut it.
 */
export const CHECK_VALUE_CHARS = 1_000_000;

/**
 * The JSON value a check script handed back with `_mcpo_result(...)` as its last expression.
 * Throws `INTERNAL` naming the interpreter's error when the script itself failed.
 */
export function toCheckValue(execution: PythonExecution): unknown {
  if (execution.error !== null || execution.value === null) {
    const why = execution.error
      ? `${execution.error.type}: ${execution.error.message}`
      : 'it returned nothing';
    throw new OrchestratorError('INTERNAL', `The Python check script failed: ${why}`);
  }
  if (!/^'[A-Za-z0-9+/=]*'$/.test(execution.value)) {
    throw new OrchestratorError(
      'INTERNAL',
      `The Python check script's answer was cut at ${execution.value.length} characters (the pyrepl server's output limit).`,
    );
  }
  const encoded = execution.value.slice(1, -1);
  return JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
}
