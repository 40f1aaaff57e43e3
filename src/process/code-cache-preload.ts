/**
 * Imported for its effect, before the TypeScript compiler is required in this process, or
 * preloaded into a child `node` (`--import`, pyright's language server): large CommonJS files
 * then compile from the build's V8 code caches (see `code-cache.ts`).
 */
import { installCodeCache } from './code-cache.js';

installCodeCache();
