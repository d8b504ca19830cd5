import type { Logger } from "pino";
import type { PrismaClient } from "../db/client";
import { wakeOutboxRelay } from "../outbox/outbox-relay";
import { claimDueActions } from "./claim-due-actions";
import { actionLogFields, type ClaimedAction } from "./claimed-action";
import type { DriverRegistry } from "./driver-registry";
import { failAction } from "./fail-action";
import { releaseAction } from "./release-action";
import { runClaimedStep } from "./run-claimed-step";

export interface ActionRunnerOptions {
  db: PrismaClient;
  registry: DriverRegistry;
  logger: Logger;
  /** Delay before the first retry of a failed step, doubled per further failure. */
  retryBaseMs: number;
  /** How often to look for due actions when nothing wakes the runner, in ms. */
  pollIntervalMs?: number;
  /** Actions this process runs at the same time. */
  maxConcurrentActions?: number;
  /** How long `stop` waits for running steps before it interrupts them, in ms. */
  stopTimeoutMs?: number;
  /** Delay before an action whose driver this process lacks is looked at again, in ms. */
  deferMs?: number;
}

/** After the first of several claim failures in a row, only every 50th is logged, so an outage does not flood the log. */
const claimFailureLogEvery = 50;

/**
 * Runs provisioning actions one step at a time. Each tick claims due actions
 * (see claimDueActions) and runs one step of each under its timeout. The
 * result is committed together with the events it announces, and the next
 * step is due at once, in this or any other process.
 *
 * Because the state after each step is committed, a crashed process loses at
 * most the step it was running: once its lease expires, another runner
 * resumes the action from the step after the last commit.
 */
export class ActionRunner {
  private readonly pollIntervalMs: number;
  private readonly maxConcurrent: number;
  private readonly stopTimeoutMs: number;
  private readonly deferMs: number;
  private readonly inFlight = new Set<Promise<void>>();
  /** Aborted when `stop` reaches its deadline; running steps receive it as their stop signal. */
  private readonly interrupt = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private wakeAgain = false;
  private stopped = true;
  private claimFailures = 0;

  constructor(private readonly options: ActionRunnerOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.maxConcurrent = options.maxConcurrentActions ?? 8;
    this.stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
    this.deferMs = options.deferMs ?? 60_000;
  }

  start(): void {
    this.stopped = false;
    this.options.logger.info(
      { pollIntervalMs: this.pollIntervalMs, maxConcurrentActions: this.maxConcurrent },
      "cluster.action_runner_started",
    );
    this.schedule(0);
  }

  /** Looks for due actions now instead of at the next poll. */
  wake(): void {
    if (this.stopped) return;
    if (this.ticking) {
      this.wakeAgain = true;
      return;
    }
    this.schedule(0);
  }

  /**
   * Stops claiming and waits for running steps to commit. Steps still running
   * after `stopTimeoutMs` are interrupted and their leases released, so
   * another process resumes them at once instead of after the lease expires.
   */
  async stop(): Promise<void> {
    const { logger } = this.options;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking;

    const running = Promise.allSettled([...this.inFlight]);
    let deadline: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      deadline = setTimeout(() => resolve(true), this.stopTimeoutMs);
    });
    const interrupted = await Promise.race([running.then(() => false), timedOut]);
    clearTimeout(deadline);
    if (interrupted) {
      logger.warn(
        { running: this.inFlight.size, stopTimeoutMs: this.stopTimeoutMs },
        "cluster.action_runner_interrupting_steps",
      );
      this.interrupt.abort();
      await running;
    }
    logger.info("cluster.action_runner_stopped");
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.ticking = this.tick().finally(() => {
        this.ticking = undefined;
        const again = this.wakeAgain;
        this.wakeAgain = false;
        this.schedule(again ? 0 : this.pollIntervalMs);
      });
    }, delayMs);
  }

  private async tick(): Promise<void> {
    const free = this.maxConcurrent - this.inFlight.size;
    if (free <= 0) return;
    let claimed: ClaimedAction[];
    try {
      claimed = await claimDueActions(this.options.db, this.options.registry, free);
    } catch (error: unknown) {
      this.claimFailures += 1;
      if (this.claimFailures === 1 || this.claimFailures % claimFailureLogEvery === 0) {
        this.options.logger.error(
          { err: error, failuresInARow: this.claimFailures },
          "cluster.claim_failed",
        );
      }
      return;
    }
    if (this.claimFailures > 0) {
      this.options.logger.info({ failuresInARow: this.claimFailures }, "cluster.claim_recovered");
      this.claimFailures = 0;
    }
    for (const action of claimed) {
      const work = this.runAction(action).finally(() => {
        this.inFlight.delete(work);
        // A freed slot or a next step that is due now: look again at once.
        this.wake();
      });
      this.inFlight.add(work);
    }
  }

  /** Runs one claimed action's plan, logging any error instead of throwing it. */
  private async runAction(claimed: ClaimedAction): Promise<void> {
    const { db, logger } = this.options;
    const log = logger.child(actionLogFields(claimed));
    const { plan } = claimed;
    try {
      switch (plan.kind) {
        case "defer": {
          const nextRunAt = new Date(Date.now() + this.deferMs);
          log.warn({ reason: plan.reason, nextRunAt }, "cluster.action_deferred");
          await releaseAction(db, claimed, nextRunAt);
          return;
        }
        case "fail": {
          const result = await failAction(db, claimed, plan.reason, new Date());
          if (result === "committed") {
            wakeOutboxRelay();
            log.error({ reason: plan.reason }, "cluster.action_failed");
          } else {
            log.warn("cluster.lease_lost");
          }
          return;
        }
        case "run":
          await runClaimedStep(claimed, plan, {
            db,
            log,
            retryBaseMs: this.options.retryBaseMs,
            interrupt: this.interrupt.signal,
          });
          return;
      }
    } catch (error: unknown) {
      // The lease is still held, so the action is claimed again, and the step
      // rerun, once it expires. That is the backoff for an unreachable database.
      log.error({ err: error, leaseUntil: claimed.leaseUntil }, "cluster.action_run_failed");
    }
  }
}
