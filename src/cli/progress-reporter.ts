import { describePhaseEnd, formatMs, type ProgressReporter } from './progress-format.js';

export type { ProgressReporter } from './progress-format.js';

/**
 * How a run shows its progress on stderr: `live`, one status line redrawn by ora (a TTY);
 * `lines`, plain timestamped lines (not a TTY, or `--no-progress`); `quiet`, warnings only.
 */
export type ProgressMode = 'live' | 'lines' | 'quiet';

/** Narrower terminals get plain lines: a live line must never wrap. */
export const MIN_LIVE_COLUMNS = 20;

/**
 * Plain lines repeat what is running after this long without output, in ms; after the first
 * 10 s of one step, every 10 s.
 */
export const HEARTBEAT_MS = 2_000;

/**
 * `quiet` with `--quiet`; `lines` off a TTY, on one that reports no width, with `--no-progress`
 * or `CI`; else `live`.
 */
export function resolveProgressMode(
  flags: { quiet?: boolean; progress?: boolean },
  stream: { isTTY?: boolean; columns?: number } = process.stderr,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ProgressMode {
  if (flags.quiet) return 'quiet';
  if (flags.progress === false || stream.isTTY !== true) return 'lines';
  if (!((stream.columns ?? 0) >= MIN_LIVE_COLUMNS)) return 'lines';
  return env.CI === undefined || env.CI === '' || env.CI === 'false' ? 'live' : 'lines';
}

/** Creates the reporter for `mode` on `stream` (ora is loaded only for `live`). */
export async function createProgress(
  mode: ProgressMode,
  stream: NodeJS.WriteStream = process.stderr,
): Promise<ProgressReporter> {
  if (mode === 'quiet') return createWarningReporter(stream);
  if (mode === 'lines') return createLineReporter(stream);
  const { createLiveReporter } = await import('./live-progress.js');
  return createLiveReporter(stream);
}

/**
 * Timestamped lines (`[  3.1s] ▶ logic`); after {@link HEARTBEAT_MS} without a line, says
 * again what is running and for how long, so a long test run is never silent.
 */
export function createLineReporter(
  stream: NodeJS.WritableStream = process.stderr,
  heartbeatMs = HEARTBEAT_MS,
): ProgressReporter {
  const started = performance.now();
  const state = { phase: '', doing: '', phaseStarted: started, lastLine: started };
  const stamp = (): string => `[${((performance.now() - started) / 1000).toFixed(1).padStart(5)}s]`;
  const write = (text: string): void => {
    state.lastLine = performance.now();
    stream.write(`${stamp()} ${text}\n`);
  };
  const timer = setInterval(
    () => {
      const now = performance.now();
      const quietFor = now - state.phaseStarted < 10_000 ? heartbeatMs : 5 * heartbeatMs;
      if (state.phase === '' || now - state.lastLine < quietFor) return;
      const elapsed = formatMs(now - state.phaseStarted);
      write(`  ${state.phase}: ${state.doing === '' ? 'working' : state.doing} (${elapsed})`);
    },
    Math.min(1_000, heartbeatMs / 2),
  );
  timer.unref();
  return {
    note(message) {
      Object.assign(state, { phase: 'starting', doing: message, phaseStarted: performance.now() });
      write(`starting: ${message}`);
    },
    onEvent(event) {
      switch (event.type) {
        case 'phase-start':
          Object.assign(state, { phase: event.phase, doing: '', phaseStarted: performance.now() });
          write(`▶ ${event.phase}`);
          break;
        case 'progress':
          state.doing = event.message;
          write(`  ${event.phase}: ${event.message}`);
          break;
        case 'warning':
          write(`  ⚠ ${event.message}`);
          break;
        case 'phase-end':
          state.phase = '';
          write(describePhaseEnd(event.result));
          break;
      }
    },
    close: () => clearInterval(timer),
  };
}

/**
 * Only warnings, and what a model planner is asked and chose (`intent: …`), as they happen
 * (`--quiet`, and `--json`, where stdout is the result).
 */
export function createWarningReporter(
  stream: NodeJS.WritableStream = process.stderr,
): ProgressReporter {
  return {
    note: () => {},
    onEvent(event) {
      if (event.type === 'warning') stream.write(`⚠ ${event.message}\n`);
      if (event.type === 'progress' && event.phase === 'intent') {
        stream.write(`intent: ${event.message}\n`);
      }
    },
    close: () => {},
  };
}
