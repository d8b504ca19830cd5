import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../../lib/db/client";
import type { WorkerHost } from "../../../lib/worker/worker-host";
import { billingConsumerNames } from "../../../workers/billing/setup";
import { deleteBrokerNamespace, uniqueBrokerPrefix } from "../../support/broker-namespace";
import { testAppUrl, vmSpec } from "./fixtures";
import { wakeOutboxRelay } from "../../../lib/outbox/outbox-relay";
import { confirmSandboxCheckout } from "../../../lib/payments/sandbox/confirm-checkout";
import { startPayment } from "../../../lib/payments/start-payment";
import {
  BrokerTap,
  cardForm,
  invoicedOrder,
  LogCapture,
  outboxRows,
  startBillingWorker,
  waitFor,
} from "./helpers";

const databaseUrl = inject("databaseUrl");
const prefix = uniqueBrokerPrefix();
const logs = new LogCapture();
const running = new Set<WorkerHost>();
let db: PrismaClient;
let tap: BrokerTap;

async function startWorker(): Promise<WorkerHost> {
  const host = await startBillingWorker(databaseUrl, prefix, logs);
  running.add(host);
  return host;
}

async function stopWorker(host: WorkerHost): Promise<void> {
  running.delete(host);
  await host.stop();
}

beforeAll(async () => {
  db = createPrismaClient(databaseUrl);
  tap = await BrokerTap.open(prefix);
});

afterAll(async () => {
  await Promise.all([...running].map((host) => host.stop()));
  await tap?.close();
  await db?.$disconnect();
  await deleteBrokerNamespace(prefix, billingConsumerNames);
});

describe("billing worker restart", () => {
  it("settles a payment once across a restart mid-check", async () => {
    const first = await startWorker();
    const { user, order, invoice } = await invoicedOrder(db, tap, vmSpec());
    const { payment } = await startPayment(db, {
      userId: user.id,
      invoiceId: invoice.id,
      appUrl: testAppUrl,
    });
    await confirmSandboxCheckout(db, {
      userId: user.id,
      providerRef: payment.providerRef,
      ...cardForm("4000 0000 0000 0077"),
    });
    wakeOutboxRelay();
    await waitFor("a first check of the slow payment", async () => {
      const row = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
      return row.checkAttempts >= 1;
    });

    await stopWorker(first);
    const paused = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(paused.status).toBe("PROCESSING");
    expect(paused.checkLeaseUntil).toBeNull();
    expect(paused.nextCheckAt).not.toBeNull();

    // Two workers at once after the restart: the lease lets only one check at a time.
    await Promise.all([startWorker(), startWorker()]);
    await tap.waitForEvent(
      "swiftcloud.payment.succeeded",
      (data) => data.paymentId === payment.id,
      20_000,
    );

    expect(await outboxRows(db, "swiftcloud.payment.succeeded", payment.id)).toHaveLength(1);
    expect(await db.payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
    const settled = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(settled.status).toBe("SUCCEEDED");
    expect(settled.checkAttempts).toBeGreaterThan(paused.checkAttempts);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("PAID");
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");
  });

  it("checks a payment leased by a crashed worker once the lease ends", async () => {
    const worker = await startWorker();
    const { user, invoice } = await invoicedOrder(db, tap, vmSpec());
    const { payment } = await startPayment(db, {
      userId: user.id,
      invoiceId: invoice.id,
      appUrl: testAppUrl,
    });
    await stopWorker(worker);
    await confirmSandboxCheckout(db, {
      userId: user.id,
      providerRef: payment.providerRef,
      ...cardForm("4242 4242 4242 4242"),
    });
    // As a worker that claimed the check and died would leave it.
    const leaseUntil = new Date(Date.now() + 1_500);
    await db.payment.update({
      where: { id: payment.id },
      data: { nextCheckAt: new Date(), checkLeaseUntil: leaseUntil },
    });

    await startWorker();
    await tap.waitForEvent("swiftcloud.payment.succeeded", (data) => data.paymentId === payment.id);

    const settled = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(settled.settledAt!.getTime()).toBeGreaterThanOrEqual(leaseUntil.getTime());
    expect(await outboxRows(db, "swiftcloud.payment.succeeded", payment.id)).toHaveLength(1);
  });
});
