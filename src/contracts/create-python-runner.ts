import type { PythonRunner, ToolCaller } from '../core/services.js';
import { callContract } from './call-contract.js';
import { pyreplExecuteContract } from './pyrepl.js';

/** A {@link PythonRunner} over the pyrepl server, every reply checked. */
export function createPythonRunner(tools: ToolCaller, server = 'pyrepl'): PythonRunner {
  const contract = { ...pyreplExecuteContract, server };
  return {
    async execute(code, options) {
      const timeoutMs = options.timeoutMs ?? 10_000;
      const result = await callContract(
        tools,
        contract,
        {
          code,
          workspace: options.workspace,
          timeoutMs,
          ...(options.maxOutputChars === undefined
            ? {}
            : { maxOutputChars: options.maxOutputChars }),
        },
        // The call itself may take the code's limit plus the interpreter's start.
        { timeoutMs: timeoutMs + 20_000, ...(options.signal ? { signal: options.signal } : {}) },
      );
      return {
        stdout: result.stdout,
        stderr: result.stderr,
        value: result.value,
        error: result.error,
        timedOut: result.timedOut,
      };
    },
  };
}
