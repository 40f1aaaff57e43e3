#!/usr/bin/env node
/**
 * The entry point of the `/refactor` GitHub Action (action.yml): runs {@link runRefactorAction}
 * on the runner's environment and exits with its code. An error before the run (a missing
 * variable, an unreadable event) is printed as a GitHub error annotation, exit 2.
 */
import { isOrchestratorError, toErrorMessage } from '../core/errors.js';
import { BAD_INPUT_CODES } from '../orchestrator.js';
import { runRefactorAction } from './run-refactor-action.js';

const controller = new AbortController();
process.once('SIGTERM', () => controller.abort());
process.once('SIGINT', () => controller.abort());

try {
  process.exitCode = await runRefactorAction(
    process.env,
    (line) => process.stdout.write(`${line}\n`),
    controller.signal,
  );
} catch (error) {
  process.stderr.write(`::error::${toErrorMessage(error).replace(/\r?\n/g, ' ')}\n`);
  process.exitCode = isOrchestratorError(error) && BAD_INPUT_CODES.has(error.code) ? 2 : 1;
}
