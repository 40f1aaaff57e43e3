import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import {
  createLineReporter,
  createWarningReporter,
  resolveProgressMode,
} from '../../../src/cli/progress-reporter.js';

function collect() {
  const lines: string[] = [];
  return { lines, stream: { write: (text: string) => lines.push(text) > 0 } };
}

describe('progress on stderr', () => {
  it('is live on a TTY, plain lines off one, with --no-progress or in CI, and quiet with --quiet', () => {
    const tty = { isTTY: true, columns: 100 };
    expect(resolveProgressMode({}, tty, {})).toBe('live');
    expect(resolveProgressMode({}, { isTTY: false }, {})).toBe('lines');
    expect(resolveProgressMode({}, { isTTY: true, columns: 0 }, {})).toBe('lines');
    expect(resolveProgressMode({ progress: false }, tty, {})).toBe('lines');
    expect(resolveProgressMode({}, tty, { CI: 'true' })).toBe('lines');
    expect(resolveProgressMode({ quiet: true }, tty, {})).toBe('quiet');
  });

  it('writes timestamped lines and says again what is running when a step is quiet', async () => {
    const { lines, stream } = collect();
    const reporter = createLineReporter(stream as unknown as NodeJS.WritableStream, 40);
    reporter.onEvent({ type: 'phase-start', phase: 'execute' });
    reporter.onEvent({ type: 'progress', phase: 'execute', message: 'running npm test' });
    await delay(150);
    reporter.onEvent({ type: 'warning', message: 'slow' });
    reporter.close();
    const count = lines.length;
    await delay(100);
    expect(lines.length).toBe(count);
    expect(lines[0]).toMatch(/^\[ {2}0\.\ds\] ▶ execute\n$/);
    expect(lines[1]).toMatch(/^\[ {2}0\.\ds\] {3}execute: running npm test\n$/);
    expect(lines.slice(2, -1).length).toBeGreaterThan(0);
    for (const line of lines.slice(2, -1))
      expect(line).toMatch(/^\[ {2}0\.\ds\] {3}execute: running npm test \(\d+ ms\)\n$/);
    expect(lines.at(-1)).toMatch(/ {3}⚠ slow\n$/);
  });

  it('says how many context tokens a phase took when it ends', () => {
    const { lines, stream } = collect();
    const reporter = createLineReporter(stream as unknown as NodeJS.WritableStream);
    reporter.onEvent({
      type: 'phase-end',
      result: {
        phase: 'map',
        success: true,
        durationMs: 812,
        tokenCount: 93,
        retries: 0,
        data: {},
        warnings: [],
        backoffs: [],
      },
    });
    reporter.close();
    expect(lines[0]).toMatch(/✔ map \(812 ms, 93 context tokens\)\n$/);
  });

  it('prints only warnings and the intent a model planner chose when quiet (and with --json)', () => {
    const { lines, stream } = collect();
    const reporter = createWarningReporter(stream as unknown as NodeJS.WritableStream);
    reporter.onEvent({ type: 'phase-start', phase: 'map' });
    reporter.onEvent({ type: 'progress', phase: 'map', message: 'searching' });
    reporter.onEvent({ type: 'progress', phase: 'intent', message: 'the openai model chose …' });
    reporter.onEvent({ type: 'warning', message: 'slow' });
    reporter.close();
    expect(lines).toEqual(['intent: the openai model chose …\n', '⚠ slow\n']);
  });
});
