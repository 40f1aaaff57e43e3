import { z } from 'zod';
import { defineContract } from './tool-contract.js';

/** Longest time limit one `execute` may ask for, in ms. */
export const MAX_EXECUTE_TIMEOUT_MS = 120_000;

const workspace = z
  .string()
  .min(1)
  .optional()
  .describe(
    'Folder inside the server root whose interpreter to use (e.g. a run worktree). Default: the root.',
  );

/** `execute` on the pyrepl server: code run in the workspace's persistent interpreter. */
export const pyreplExecuteContract = defineContract({
  server: 'pyrepl',
  tool: 'execute',
  description:
    'Run Python code in a persistent interpreter for the workspace (its .venv or venv, else python3), started in the workspace folder with it first on sys.path; names defined stay defined for the next call. Returns stdout, stderr, the repr of a final expression, and the exception if one was raised. Writing, deleting or changing directory outside the workspace, starting processes and network connections raise PermissionError. Past timeoutMs the code is interrupted (KeyboardInterrupt); if it does not stop, the interpreter is killed (interpreterLost).',
  input: {
    code: z.string().describe('Python source: statements, optionally ending in an expression.'),
    workspace,
    timeoutMs: z
      .number()
      .int()
      .positive()
      .max(MAX_EXECUTE_TIMEOUT_MS)
      .optional()
      .describe('Time limit, in ms. Default 10000.'),
    maxOutputChars: z
      .number()
      .int()
      .positive()
      .max(1_000_000)
      .optional()
      .describe('Characters kept of stdout, of stderr and of the value each. Default 65536.'),
  },
  output: {
    stdout: z.string(),
    stderr: z.string(),
    value: z.string().nullable(),
    error: z.object({ type: z.string(), message: z.string(), traceback: z.string() }).nullable(),
    timedOut: z.boolean(),
    outputTruncated: z.boolean(),
    interpreterLost: z.boolean(),
    elapsedMs: z.number().nonnegative(),
    python: z.string().describe('The interpreter that ran the code.'),
  },
});

/** `restart` on the pyrepl server: a fresh interpreter for the workspace on the next call. */
export const pyreplRestartContract = defineContract({
  server: 'pyrepl',
  tool: 'restart',
  description:
    'End the workspace interpreter, forgetting everything it defined; the next execute starts a fresh one.',
  input: { workspace },
  output: { restarted: z.boolean().describe('False when no interpreter was running.') },
});
