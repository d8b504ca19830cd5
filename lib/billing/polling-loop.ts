import type { Logger } from "pino";

export interface PollingLoopOptions {
  /** Names the loop in log lines. */
  name: string;
  /** Pause between two ticks when the previous one found nothing more to do, in ms. */
  intervalMs: number;
  logger: Logger;
  /** One round of work; resolves true when more work is waiting right away. */
  tick: () => Promise<boolean>;
}

export interface PollingLoop {
  /** Runs the next tick now instead of after the interval. */
  wake(): void;
  /** Stops scheduling ticks and waits for the one in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `tick` again and again, one at a time, with `intervalMs` between
 * rounds. A failed tick is logged and the loop goes on. While a failure
 * repeats, only the 1st, 10th, 100th, ... failures are logged, so a database
 * outage does not flood the log.
 */
export function startPollingLoop(options: PollingLoopOptions): PollingLoop {
  const { name, intervalMs, logger, tick } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let wakeRequested = false;
  let failures = 0;

  const runOnce = async (): Promise<boolean> => {
    try {
      const more = await tick();
      if (failures > 0) logger.info({ loop: name, failures }, "billing.loop_recovered");
      failures = 0;
      return more;
    } catch (error: unknown) {
      failures += 1;
      if (Number.isInteger(Math.log10(failures))) {
        logger.error({ err: error, loop: name, failures }, "billing.loop_tick_failed");
      }
      return false;
    }
  };

  const schedule = (delayMs: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      running = runOnce().then((more) => {
        running = undefined;
        const now = more || wakeRequested;
        wakeRequested = false;
        schedule(now ? 0 : intervalMs);
      });
    }, delayMs);
  };

  logger.info({ loop: name, intervalMs }, "billing.loop_started");
  schedule(0);

  return {
    wake() {
      if (stopped) return;
      if (running) {
        wakeRequested = true;
        return;
      }
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      logger.info({ loop: name }, "billing.loop_stopped");
    },
  };
}
