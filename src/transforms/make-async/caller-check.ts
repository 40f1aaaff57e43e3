import { z } from 'zod';
import { toErrorMessage } from '../../core/errors.js';
import type { EarlyChecksReport } from '../../core/phase-outputs.js';
import {
  CHECK_VALUE_CHARS,
  PYTHON_CHECK_HELPERS,
  toCheckValue,
} from '../../core/python-check-script.js';
import type { VerifyContext } from '../transform.js';
import { BYTECODE_FLOW_SCRIPT } from './bytecode-flow-script.js';
import { CALLER_CHECK_SCRIPT } from './caller-check-script.js';
import { FUNCTION_LOOKUP_SCRIPT } from './function-lookup-script.js';
import type { AwaitedCallsCheck } from './verify.js';

/** Files never imported, by name: importing them runs them. */
const SCRIPTS = ['setup.py', '__main__.py', 'noxfile.py', 'fabfile.py'];
const isScript = (file: string): boolean => SCRIPTS.includes(file.slice(file.lastIndexOf('/') + 1));

/** Modules beyond the changed ones that the check imports at most. @default 200 */
const MAX_OTHER_MODULES = 200;

/** How long the check may take, in ms. */
const TIMEOUT_MS = 20_000;

/** Problems shown by name; the rest are counted. */
const SHOWN = 10;

const reportSchema = z.object({
  problems: z.array(
    z.object({
      file: z.string(),
      line: z.number(),
      caller: z.string(),
      function: z.string(),
      how: z.string(),
    }),
  ),
  modules: z.array(z.string()),
  skipped: z.array(z.string()),
  /** Functions whose bytecode could not be read (an opcode this Python added, say). */
  unread: z.array(z.string()),
});

/**
 * With a Python runner (the pyrepl server) in the changed tree: reads the loaded bytecode of the
 * changed modules, and of every other module naming a converted function, and fails each call
 * of a converted function that leaves its caller holding a coroutine object (not awaited, not
 * handed to an asyncio runner, not returned from a coroutine function) — calls the static
 * analysis missed included, such as one through an alias. A check that cannot run is a note.
 */
export async function verifyCallersAwait(
  check: AwaitedCallsCheck,
  context: VerifyContext,
): Promise<EarlyChecksReport> {
  const functions = check.functions
    .filter((f) => f.file.endsWith('.py'))
    .map(({ file, line, name }) => ({ file, line, name }));
  const result: EarlyChecksReport = { problems: [], notes: [] };
  if (!context.python || functions.length === 0) return result;
  const changed = context.changedFiles.filter((file) => file.endsWith('.py') && !isScript(file));
  let report: z.infer<typeof reportSchema>;
  try {
    const call = `_mcpo_result(_mcpo_check_callers(${JSON.stringify(functions)}, ${JSON.stringify(changed)}, ${MAX_OTHER_MODULES}, ${JSON.stringify(SCRIPTS)}))`;
    const execution = await context.python.execute(
      [
        PYTHON_CHECK_HELPERS,
        FUNCTION_LOOKUP_SCRIPT,
        BYTECODE_FLOW_SCRIPT,
        CALLER_CHECK_SCRIPT,
        call,
      ].join('\n'),
      {
        workspace: context.worktreePath,
        timeoutMs: TIMEOUT_MS,
        maxOutputChars: CHECK_VALUE_CHARS,
        signal: context.signal,
      },
    );
    if (execution.timedOut) {
      result.notes.push(
        `Checking the callers of the converted functions took over ${TIMEOUT_MS} ms; not checked.`,
      );
      return result;
    }
    report = reportSchema.parse(toCheckValue(execution));
  } catch (error) {
    context.signal.throwIfAborted();
    result.notes.push(
      `The callers of the converted functions could not be checked in Python: ${toErrorMessage(error)}`,
    );
    return result;
  }
  if (report.skipped.length > 0) {
    result.notes.push(
      `${report.skipped.length} module(s) naming a converted function do not import, so their callers were not checked: ${report.skipped.slice(0, 3).join('; ')}`,
    );
  }
  if (report.unread.length > 0) {
    result.notes.push(
      `${report.unread.length} function(s) whose bytecode could not be read were not checked for callers holding coroutines: ${report.unread.slice(0, 3).join('; ')}`,
    );
  }
  const { problems } = report;
  if (problems.length === 0) return result;
  const shown = problems.slice(0, SHOWN).map((p) => `${p.file}:${p.line}: ${p.caller} ${p.how}`);
  const more = problems.length > SHOWN ? `\n  … and ${problems.length - SHOWN} more` : '';
  result.problems.push(
    `${problems.length} call(s) of converted functions leave the caller holding a coroutine object (read from the loaded bytecode):\n  ${shown.join('\n  ')}${more}`,
  );
  return result;
}
