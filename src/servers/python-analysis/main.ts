#!/usr/bin/env node
import { resolveServerRoot, runStdioServer } from '../shared/run-stdio-server.js';
import { createPythonAnalysisServer } from './create-python-analysis-server.js';

const { server, close } = createPythonAnalysisServer({ root: resolveServerRoot() });
await runStdioServer(server, close);
