import { describeSignalAtEachPhase } from './helpers/signal-at-each-phase.js';

describeSignalAtEachPhase('SIGTERM');
