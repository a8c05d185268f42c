import type { Logger } from 'pino';

/**
 * Stops the process cleanly on SIGTERM or SIGINT: `close` finishes what is in flight (requests,
 * jobs), then the process exits 0 — or 1 when closing fails. A second signal while closing is
 * ignored, so an impatient Ctrl-C cannot cut a job in half.
 */
export function closeOnSignal(logger: Logger, close: () => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) {
        return;
      }
      stopping = true;
      logger.info({ msg: 'shutting down: finishing what is in flight', signal });
      close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ msg: 'shutdown failed', error: String(error) });
          process.exit(1);
        },
      );
    });
  }
}
