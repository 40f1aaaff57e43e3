/**
 * The TypeScript compiler API, loaded with `require`: importing the 9 MB CommonJS bundle from
 * ESM makes Node detect its module format and lex it for named exports, which costs 1–3 s
 * at every server start; `require` skips both. The code cache is installed first, so the
 * compiler compiles from the build's V8 cache (see `process/code-cache.ts`).
 */
import '../../process/code-cache-preload.js';

import ts = require('typescript');

export default ts;
