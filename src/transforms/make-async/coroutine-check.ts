import { z } from 'zod';
import {
  CHECK_VALUE_CHARS,
  PYTHON_CHECK_HELPERS,
  toCheckValue,
} from '../../core/python-check-script.js';
import type { VerifyContext } from '../transform.js';
import { FUNCTION_LOOKUP_SCRIPT } from './function-lookup-script.js';
import type { AwaitedCallsCheck } from './verify.js';

/**
 * Finds each converted function by file, name and the line of its name (functions and methods
 * reachable from the module; decorators unwrapped) and says whether it is a coroutine function.
 */
const SCRIPT = `
def _mcpo_check_coroutines(functions):
    import inspect
    report = []
    for f in functions:
        entry = {'file': f['file'], 'line': f['line'], 'name': f['name']}
        try:
            matches = [inspect.iscoroutinefunction(target) for target in _mcpo_functions_at(f)]
            entry['found'] = len(matches) > 0
            entry['coroutine'] = len(matches) > 0 and all(matches)
        except BaseException as error:
            entry['error'] = type(error).__name__ + ': ' + str(error)
        report.append(entry)
    return report
`;

const reportSchema = z.array(
  z.object({
    file: z.string(),
    line: z.number(),
    name: z.string(),
    found: z.boolean().optional(),
    coroutine: z.boolean().optional(),
    error: z.string().optional(),
  }),
);

/**
 * With a Python runner (the pyrepl server) in the changed tree: every converted Python
 * function must now be a coroutine function. A function the check cannot reach (nested, or a
 * module that does not import — REVIEW reports that itself) is not a problem.
 */
export async function verifyCoroutineFunctions(
  check: AwaitedCallsCheck,
  context: VerifyContext,
): Promise<string[]> {
  const functions = check.functions.filter((f) => f.file.endsWith('.py'));
  if (!context.python || functions.length === 0) return [];
  let report: z.infer<typeof reportSchema>;
  try {
    const execution = await context.python.execute(
      `${PYTHON_CHECK_HELPERS}\n${FUNCTION_LOOKUP_SCRIPT}\n${SCRIPT}\n_mcpo_result(_mcpo_check_coroutines(${JSON.stringify(functions)}))`,
      {
        workspace: context.worktreePath,
        timeoutMs: 20_000,
        maxOutputChars: CHECK_VALUE_CHARS,
        signal: context.signal,
      },
    );
    if (execution.timedOut) return [];
    report = reportSchema.parse(toCheckValue(execution));
  } catch {
    // The import check of REVIEW reports a module that does not import.
    context.signal.throwIfAborted();
    return [];
  }
  const sync = report.filter((entry) => entry.found === true && entry.coroutine === false);
  if (sync.length === 0) return [];
  const shown = sync.map((entry) => `${entry.file}:${entry.line}: ${entry.name}`);
  return [
    `${sync.length} converted function(s) are not coroutine functions when imported:\n  ${shown.join('\n  ')}`,
  ];
}
