export type { ErrorCode, OrchestratorErrorOptions } from './core/errors.js';
export { isOrchestratorError, OrchestratorError } from './core/errors.js';
