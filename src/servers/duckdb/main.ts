#!/usr/bin/env node
import { resolveServerRoot, runStdioServer } from '../shared/run-stdio-server.js';
import { createDuckdbServer } from './create-duckdb-server.js';

const { server, close } = createDuckdbServer({ root: resolveServerRoot() });
await runStdioServer(server, close);
