#!/usr/bin/env node
import { resolveServerRoot, runStdioServer } from '../shared/run-stdio-server.js';
import { createPyreplServer } from './create-pyrepl-server.js';

const python = process.env.PYREPL_PYTHON;
const { server, close } = createPyreplServer({
  root: resolveServerRoot(),
  ...(python ? { python } : {}),
});
await runStdioServer(server, close);
