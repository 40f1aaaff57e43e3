#!/usr/bin/env node
import { resolveServerRoot, runStdioServer } from '../shared/run-stdio-server.js';
import { createDependencyGraphServer } from './create-dependency-graph-server.js';

/** Entry point: `node dist/servers/dependency-graph/main.js --root <workspace>`. */
const root = resolveServerRoot();
const { server, close } = createDependencyGraphServer({ root });
await runStdioServer(server, close);
