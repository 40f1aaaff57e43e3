/**
 * Runs `body` with a signal that aborts on the first SIGINT or SIGTERM, so the run can roll back
 * and stop its servers; a second signal exits at once.
 */
export async function withInterruptSignal<T>(
  body: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write(`\n${signal}: stopping and rolling back (press again to exit at once)\n`);
    controller.abort(new Error(`received ${signal}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await body(controller.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
