import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { processRefund } from "../../../lib/billing/process-refund";
import { settlePayment } from "../../../lib/billing/settle-payment";
import { createPrismaClient, type PrismaClient } from "../../../lib/db/client";
import { wakeOutboxRelay } from "../../../lib/outbox/outbox-relay";
import { paymentProvider } from "../../../lib/payments/payment-provider";
import { confirmSandboxCheckout } from "../../../lib/payments/sandbox/confirm-checkout";
import { startPayment } from "../../../lib/payments/start-payment";
import type { WorkerHost } from "../../../lib/worker/worker-host";
import { billingConsumerNames } from "../../../workers/billing/setup";
import { deleteBrokerNamespace, uniqueBrokerPrefix } from "../../support/broker-namespace";
import { testAppUrl, vmSpec } from "./fixtures";
import {
  BrokerTap,
  cardForm,
  createInvoiceRow,
  createUser,
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

/**
 * Creates a success-card payment that no worker has checked, voids its
 * invoice, and settles it as a checking worker would, which records the
 * refund. Returns the rows as they are before any provider call.
 */
async function paymentSettledAfterVoid() {
  const user = await createUser(db);
  const invoice = await createInvoiceRow(db, user.id, vmSpec());
  const { payment } = await startPayment(db, {
    userId: user.id,
    invoiceId: invoice.id,
    appUrl: testAppUrl,
  });
  await confirmSandboxCheckout(db, {
    userId: user.id,
    providerRef: payment.providerRef,
    ...cardForm("4242 4242 4242 4242"),
  });
  await db.invoice.update({
    where: { id: invoice.id },
    data: { status: "VOID", voidedAt: new Date() },
  });
  expect(await settlePayment(db, payment.id, { kind: "succeeded" }, logs.logger)).toBe(
    "refund_due",
  );
  const refund = await db.refund.findUniqueOrThrow({ where: { paymentId: payment.id } });
  return { invoice, payment, refund };
}

/** Checks that `paymentId` was refunded exactly once, in full, and announced once. */
async function expectRefundedOnce(paymentId: string, providerRef: string, amountMinor: number) {
  const refunds = await db.refund.findMany({ where: { paymentId } });
  expect(refunds).toHaveLength(1);
  expect(refunds[0]?.status).toBe("SUCCEEDED");
  expect(refunds[0]?.reason).toBe("INVOICE_VOIDED");
  expect(refunds[0]?.amountMinor).toBe(amountMinor);
  const sandboxRefunds = await db.sandboxRefund.findMany({ where: { checkoutId: providerRef } });
  expect(sandboxRefunds).toHaveLength(1);
  expect(sandboxRefunds[0]?.id).toBe(refunds[0]?.providerRefundRef);
  expect(await outboxRows(db, "swiftcloud.payment.refunded", paymentId)).toHaveLength(1);
}

describe("refund after void", () => {
  it("refunds a slow payment settled after void", async () => {
    await startWorker();
    const { user, invoice } = await invoicedOrder(db, tap, vmSpec());
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
    // The expiry loop skips invoices with a PROCESSING payment, so the void
    // that races the slow card is written here.
    await db.invoice.update({
      where: { id: invoice.id },
      data: { status: "VOID", voidedAt: new Date() },
    });
    wakeOutboxRelay();

    const refunded = await tap.waitForEvent(
      "swiftcloud.payment.refunded",
      (data) => data.paymentId === payment.id,
      20_000,
    );

    expect(refunded.data.reason).toBe("INVOICE_VOIDED");
    expect(refunded.data.amountMinor).toBe(payment.amountMinor);
    await expectRefundedOnce(payment.id, payment.providerRef, payment.amountMinor);
    const failed = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(failed.status).toBe("FAILED");
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("VOID");
  });

  it("sends a refund recorded before a worker stopped", async () => {
    // No worker runs while the refund is recorded, as if the worker that
    // recorded it stopped before calling the provider.
    await Promise.all([...running].map((host) => host.stop()));
    running.clear();
    const { payment, refund } = await paymentSettledAfterVoid();
    expect(refund.status).toBe("PENDING");
    expect(await db.sandboxRefund.count({ where: { checkoutId: payment.providerRef } })).toBe(0);

    // Two workers at once: the lease lets only one of them send the refund.
    await Promise.all([startWorker(), startWorker()]);
    await tap.waitForEvent("swiftcloud.payment.refunded", (data) => data.paymentId === payment.id);

    await expectRefundedOnce(payment.id, payment.providerRef, payment.amountMinor);
  });

  it("refunds once when the result was lost", async () => {
    await Promise.all([...running].map((host) => host.stop()));
    running.clear();
    const { payment, refund } = await paymentSettledAfterVoid();
    // As a worker that called the provider and stopped before recording the result.
    const sent = await paymentProvider("sandbox", db).refundPayment({
      providerRef: payment.providerRef,
      amountMinor: refund.amountMinor,
      reason: "sent before the worker stopped",
      idempotencyKey: refund.id,
    });
    expect(sent.status).toBe("succeeded");

    await startWorker();
    await tap.waitForEvent("swiftcloud.payment.refunded", (data) => data.paymentId === payment.id);

    await expectRefundedOnce(payment.id, payment.providerRef, payment.amountMinor);
    const stored = await db.refund.findUniqueOrThrow({ where: { id: refund.id } });
    expect(stored.providerRefundRef).toBe(sent.providerRefundRef);
  });

  it("sends a refund once a stopped worker's lease ends", async () => {
    await Promise.all([...running].map((host) => host.stop()));
    running.clear();
    const { payment, refund } = await paymentSettledAfterVoid();
    // A worker that died mid-call leaves this lease, and the refund is due again once it ends.
    await db.refund.update({
      where: { id: refund.id },
      data: { leaseUntil: new Date(Date.now() + 1_000) },
    });

    await startWorker();
    await waitFor("the refund to succeed", async () => {
      const row = await db.refund.findUniqueOrThrow({ where: { id: refund.id } });
      return row.status === "SUCCEEDED";
    });

    await expectRefundedOnce(payment.id, payment.providerRef, payment.amountMinor);
  });

  it("retries a refund after a provider error", async () => {
    await Promise.all([...running].map((host) => host.stop()));
    running.clear();
    const { payment, refund } = await paymentSettledAfterVoid();
    const before = Date.now();
    const failingProvider = () => ({
      name: "sandbox",
      createCheckout: () => Promise.reject(new Error("not used")),
      retrievePayment: () => Promise.reject(new Error("not used")),
      refundPayment: () => Promise.reject(new Error("connection reset by provider")),
    });

    const result = await processRefund(
      { db, logger: logs.logger, providerTimeoutMs: 1_000, providerFor: failingProvider },
      refund.id,
    );

    expect(result).toBe("provider_error");
    const stored = await db.refund.findUniqueOrThrow({ where: { id: refund.id } });
    expect(stored.status).toBe("PENDING");
    expect(stored.attempts).toBe(1);
    expect(stored.leaseUntil).toBeNull();
    // The first retry waits 500 ms give or take 20 % jitter.
    expect(stored.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(before + 400);
    expect(await db.sandboxRefund.count({ where: { checkoutId: payment.providerRef } })).toBe(0);
    await logs.waitFor("billing.refund_attempt_failed", { refundId: refund.id });
  });

  it("keeps a pending refund for another attempt", async () => {
    await Promise.all([...running].map((host) => host.stop()));
    running.clear();
    const { payment, refund } = await paymentSettledAfterVoid();
    // The sandbox decides every refund at once, so a provider that reports
    // `pending` is written here.
    const pendingProvider = () => ({
      name: "sandbox",
      createCheckout: () => Promise.reject(new Error("not used")),
      retrievePayment: () => Promise.reject(new Error("not used")),
      refundPayment: () =>
        Promise.resolve({ providerRefundRef: "re_pending", status: "pending" as const }),
    });

    const first = await processRefund(
      { db, logger: logs.logger, providerTimeoutMs: 1_000, providerFor: pendingProvider },
      refund.id,
    );

    expect(first).toBe("pending");
    const pending = await db.refund.findUniqueOrThrow({ where: { id: refund.id } });
    expect(pending.status).toBe("PENDING");
    expect(pending.providerRefundRef).toBe("re_pending");
    expect(pending.attempts).toBe(1);
    expect(pending.nextAttemptAt).not.toBeNull();
    expect(await outboxRows(db, "swiftcloud.payment.refunded", payment.id)).toHaveLength(0);

    const second = await processRefund(
      { db, logger: logs.logger, providerTimeoutMs: 1_000 },
      refund.id,
    );

    expect(second).toBe("succeeded");
    await expectRefundedOnce(payment.id, payment.providerRef, payment.amountMinor);
  });

  it("fails a refund the provider rejects", async () => {
    await Promise.all([...running].map((host) => host.stop()));
    running.clear();
    const { payment, refund } = await paymentSettledAfterVoid();
    // Support refunded the checkout by hand first, so nothing is left to refund.
    await paymentProvider("sandbox", db).refundPayment({
      providerRef: payment.providerRef,
      amountMinor: payment.amountMinor,
      reason: "refunded by support",
      idempotencyKey: `support-${refund.id}`,
    });

    const result = await processRefund(
      { db, logger: logs.logger, providerTimeoutMs: 1_000 },
      refund.id,
    );

    expect(result).toBe("failed");
    const stored = await db.refund.findUniqueOrThrow({ where: { id: refund.id } });
    expect(stored.status).toBe("FAILED");
    expect(stored.failureReason).toContain("invalid");
    expect(stored.completedAt).not.toBeNull();
    expect(stored.nextAttemptAt).toBeNull();
    expect(await outboxRows(db, "swiftcloud.payment.refunded", payment.id)).toHaveLength(0);
    await logs.waitFor("billing.refund_rejected_by_provider", { refundId: refund.id });
  });
});
