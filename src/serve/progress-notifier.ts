import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import type { RunEvent } from '../orchestrator.js';

/** The `extra` argument the SDK hands a tool handler. */
export type ToolExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/**
 * Turns a run's phase events into `notifications/progress` for the request's `progressToken`
 * (none when the client sent no token): one as each phase starts and one as it ends, so
 * `progress` climbs to `total` = 2 × the phases the tool runs. A notification that cannot be
 * sent (the client went away) is dropped: the run goes on and its result is kept.
 */
export function createProgressNotifier(
  extra: ToolExtra,
  phaseCount: number,
): (event: RunEvent) => void {
  const token = extra._meta?.progressToken;
  let step = 0;
  const total = phaseCount * 2;
  return (event) => {
    if (token === undefined) return;
    let message: string;
    if (event.type === 'phase-start') message = `${event.phase} started`;
    else if (event.type === 'phase-end') {
      const { phase, success, durationMs, error } = event.result;
      message = success
        ? `${phase} done in ${durationMs} ms`
        : `${phase} failed after ${durationMs} ms${error ? `: ${error.code}` : ''}`;
    } else return;
    step = Math.min(step + 1, total);
    extra
      .sendNotification({
        method: 'notifications/progress',
        params: { progressToken: token, progress: step, total, message },
      })
      .catch(() => {});
  };
}
