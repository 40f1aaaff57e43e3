import ora from 'ora';
import { describePhaseEnd, formatMs, type ProgressReporter } from './progress-format.js';

/** How often the live line's elapsed time is redrawn, in ms. */
const REDRAW_MS = 250;

/**
 * One live status line on a TTY (ora): the phase, what it is doing now and how long it has
 * run (`execute: tests running · 14.2 s`); each finished phase stays as a line of its own.
 */
export function createLiveReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  const spinner = ora({ stream, discardStdin: false, hideCursor: true });
  const state = { label: 'starting', doing: '', since: performance.now(), closed: false };
  const draw = (): void => {
    const doing = state.doing === '' ? '' : `: ${state.doing}`;
    const elapsed = ` · ${formatMs(performance.now() - state.since)}`;
    // One line, never wrapped (ora clears as many lines as it thinks it drew).
    const room = Math.max(10, (stream.columns ?? 80) - 3 - elapsed.length);
    const text = `${state.label}${doing}`.replace(/\s+/g, ' ');
    spinner.text = `${text.length > room ? `${text.slice(0, room - 1)}…` : text}${elapsed}`;
  };
  const timer = setInterval(draw, REDRAW_MS);
  timer.unref();
  spinner.start();
  draw();
  /** Prints `line` above the live line, which then goes on. */
  const persist = (symbol: string, line: string): void => {
    spinner.clear();
    spinner.stopAndPersist({ symbol, text: line });
    draw();
    spinner.start();
  };
  return {
    note(message) {
      state.doing = message;
      draw();
    },
    onEvent(event) {
      if (state.closed) return;
      switch (event.type) {
        case 'phase-start':
          Object.assign(state, { label: event.phase, doing: '', since: performance.now() });
          draw();
          break;
        case 'progress':
          // What a model planner is asked and chose stays on screen; other steps pass.
          if (event.phase === 'intent') persist('ℹ', `intent: ${event.message}`);
          else {
            state.doing = event.message;
            draw();
          }
          break;
        case 'warning':
          persist('⚠', event.message);
          break;
        case 'phase-end': {
          const [mark = '', ...rest] = describePhaseEnd(event.result).split(' ');
          Object.assign(state, { label: 'finishing', doing: '', since: performance.now() });
          persist(mark, rest.join(' '));
          break;
        }
      }
    },
    close() {
      if (state.closed) return;
      state.closed = true;
      clearInterval(timer);
      spinner.stop();
    },
  };
}
