#!/usr/bin/env node
import { resolveServerRoot, runStdioServer } from '../shared/run-stdio-server.js';
import { createRipgrepServer } from './create-ripgrep-server.js';

const { server, close } = createRipgrepServer({ root: resolveServerRoot() });
await runStdioServer(server, close);
