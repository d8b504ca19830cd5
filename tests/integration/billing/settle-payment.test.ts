import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkPayment } from "../../../lib/billing/check-payment";
import { claimDuePayments } from "../../../lib/billing/payment-check-loop";
import { settlePayment, voidedBeforeSettlementReason } from "../../../lib/billing/settle-payment";
import { createPrismaClient, type PrismaClient } from "../../../lib/db/client";
import { confirmSandboxCheckout } from "../../../lib/payments/sandbox/confirm-checkout";
import { startPayment } from "../../../lib/payments/start-payment";
import { testAppUrl, vmSpec } from "./fixtures";
import { cardForm, createInvoiceRow, createUser, LogCapture, outboxRows } from "./helpers";

const databaseUrl = inject("databaseUrl");
const logs = new LogCapture();
let db: PrismaClient;

beforeAll(() => {
  db = createPrismaClient(databaseUrl);
});

afterAll(async () => {
  await db?.$disconnect();
});

/** Creates a confirmed success-card payment that no worker has checked yet. */
async function processingPayment() {
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
    ...cardForm("4242424242424242"),
  });
  return { user, invoice, payment };
}

describe("settlePayment", () => {
  it("settles a payment once when called twice", async () => {
    const { invoice, payment } = await processingPayment();

    const first = await settlePayment(db, payment.id, { kind: "succeeded" }, logs.logger);
    const second = await settlePayment(db, payment.id, { kind: "succeeded" }, logs.logger);

    expect(first).toBe("succeeded");
    expect(second).toBe("already_settled");
    expect(await outboxRows(db, "swiftcloud.payment.succeeded", payment.id)).toHaveLength(1);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("PAID");
    expect((await db.order.findUniqueOrThrow({ where: { id: invoice.orderId } })).status).toBe(
      "PAID",
    );
  });

  it("settles a payment once under concurrent calls", async () => {
    const { payment } = await processingPayment();

    const results = await Promise.all(
      [1, 2, 3, 4].map(() => settlePayment(db, payment.id, { kind: "succeeded" }, logs.logger)),
    );

    expect(results.filter((result) => result === "succeeded")).toHaveLength(1);
    expect(results.filter((result) => result === "already_settled")).toHaveLength(3);
    expect(await outboxRows(db, "swiftcloud.payment.succeeded", payment.id)).toHaveLength(1);
  });

  it("does not override a failure with a late success", async () => {
    const { invoice, payment } = await processingPayment();

    await settlePayment(
      db,
      payment.id,
      { kind: "failed", reason: "Your card was declined." },
      logs.logger,
    );
    const late = await settlePayment(db, payment.id, { kind: "succeeded" }, logs.logger);

    expect(late).toBe("already_settled");
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe(
      "FAILED",
    );
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("OPEN");
  });

  it("fails a success that arrives after the invoice was voided", async () => {
    const { invoice, payment } = await processingPayment();
    await db.invoice.update({
      where: { id: invoice.id },
      data: { status: "VOID", voidedAt: new Date() },
    });

    const result = await settlePayment(db, payment.id, { kind: "succeeded" }, logs.logger);

    expect(result).toBe("refund_due");
    const stored = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(stored.status).toBe("FAILED");
    expect(stored.failureReason).toBe(voidedBeforeSettlementReason);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("VOID");
    const failed = await outboxRows(db, "swiftcloud.payment.failed", payment.id);
    expect(failed).toHaveLength(1);
    expect(await outboxRows(db, "swiftcloud.payment.succeeded", payment.id)).toHaveLength(0);
    await logs.waitFor("billing.payment_settled_after_void", { invoiceId: invoice.id });

    const refunds = await db.refund.findMany({ where: { paymentId: payment.id } });
    expect(refunds).toHaveLength(1);
    expect(refunds[0]?.status).toBe("PENDING");
    expect(refunds[0]?.reason).toBe("INVOICE_VOIDED");
    expect(refunds[0]?.amountMinor).toBe(payment.amountMinor);
    expect(refunds[0]?.nextAttemptAt).not.toBeNull();
  });
});

describe("payment checks", () => {
  it("leases a due payment to one claimer at a time", async () => {
    const { payment } = await processingPayment();
    const now = new Date();
    await db.payment.update({ where: { id: payment.id }, data: { nextCheckAt: now } });
    const leaseUntil = new Date(now.getTime() + 30_000);

    const claims = await Promise.all(
      [1, 2, 3].map(() => claimDuePayments(db, now, leaseUntil, 50)),
    );

    const holders = claims.filter((ids) => ids.includes(payment.id));
    expect(holders).toHaveLength(1);
    const again = await claimDuePayments(db, now, leaseUntil, 50);
    expect(again).not.toContain(payment.id);
  });

  it("retries with backoff after a provider error", async () => {
    const { payment } = await processingPayment();
    const before = Date.now();
    await db.payment.update({
      where: { id: payment.id },
      data: { nextCheckAt: new Date(before), checkLeaseUntil: new Date(before + 30_000) },
    });
    const failingProvider = () => ({
      name: "sandbox",
      createCheckout: () => Promise.reject(new Error("not used")),
      retrievePayment: () => Promise.reject(new Error("connection reset by provider")),
      refundPayment: () => Promise.reject(new Error("not used")),
    });

    const result = await checkPayment(
      { db, logger: logs.logger, providerTimeoutMs: 1_000, providerFor: failingProvider },
      payment.id,
    );

    expect(result).toBe("provider_error");
    const stored = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(stored.status).toBe("PROCESSING");
    expect(stored.checkAttempts).toBe(1);
    expect(stored.checkLeaseUntil).toBeNull();
    // The first retry waits 500 ms give or take 20 % jitter.
    expect(stored.nextCheckAt!.getTime()).toBeGreaterThanOrEqual(before + 400);
    await logs.waitFor("billing.payment_check_failed", { paymentId: payment.id });
  });

  it("retries a provider that does not answer in time", async () => {
    const { payment } = await processingPayment();
    const hangingProvider = () => ({
      name: "sandbox",
      createCheckout: () => Promise.reject(new Error("not used")),
      retrievePayment: () => new Promise<never>(() => undefined),
      refundPayment: () => Promise.reject(new Error("not used")),
    });

    const result = await checkPayment(
      { db, logger: logs.logger, providerTimeoutMs: 100, providerFor: hangingProvider },
      payment.id,
    );

    expect(result).toBe("provider_error");
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).checkAttempts).toBe(
      1,
    );
  });
});
