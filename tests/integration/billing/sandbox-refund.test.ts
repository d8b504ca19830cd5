import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../../lib/db/client";
import { paymentProvider } from "../../../lib/payments/payment-provider";
import { confirmSandboxCheckout } from "../../../lib/payments/sandbox/confirm-checkout";
import { startPayment } from "../../../lib/payments/start-payment";
import { testAppUrl, vmSpec } from "./fixtures";
import { cardForm, createInvoiceRow, createUser, rejectionOf } from "./helpers";

const databaseUrl = inject("databaseUrl");
let db: PrismaClient;

beforeAll(() => {
  db = createPrismaClient(databaseUrl);
});

afterAll(async () => {
  await db?.$disconnect();
});

/** Creates a sandbox payment confirmed with `cardNumber`, and returns it. */
async function confirmedPayment(cardNumber = "4242424242424242") {
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
    ...cardForm(cardNumber),
  });
  return payment;
}

describe("sandbox refundPayment", () => {
  it("refunds once for one idempotency key", async () => {
    const payment = await confirmedPayment();
    const sandbox = paymentProvider("sandbox", db);
    const input = {
      providerRef: payment.providerRef,
      amountMinor: payment.amountMinor,
      reason: "test refund",
      idempotencyKey: randomUUID(),
    };

    const first = await sandbox.refundPayment(input);
    const second = await sandbox.refundPayment(input);

    expect(first.status).toBe("succeeded");
    expect(second).toEqual(first);
    expect(await db.sandboxRefund.count({ where: { checkoutId: payment.providerRef } })).toBe(1);
  });

  it("refunds once under concurrent retries", async () => {
    const payment = await confirmedPayment();
    const sandbox = paymentProvider("sandbox", db);
    const input = {
      providerRef: payment.providerRef,
      amountMinor: payment.amountMinor,
      reason: "test refund",
      idempotencyKey: randomUUID(),
    };

    const results = await Promise.all([1, 2, 3, 4].map(() => sandbox.refundPayment(input)));

    const refs = new Set(results.map((result) => result.providerRefundRef));
    expect(refs.size).toBe(1);
    expect(results.every((result) => result.status === "succeeded")).toBe(true);
    expect(await db.sandboxRefund.count({ where: { checkoutId: payment.providerRef } })).toBe(1);
  });

  it("rejects a key reused for another amount", async () => {
    const payment = await confirmedPayment();
    const sandbox = paymentProvider("sandbox", db);
    const idempotencyKey = randomUUID();
    await sandbox.refundPayment({
      providerRef: payment.providerRef,
      amountMinor: payment.amountMinor,
      reason: "test refund",
      idempotencyKey,
    });

    const error = await rejectionOf(() =>
      sandbox.refundPayment({
        providerRef: payment.providerRef,
        amountMinor: 1,
        reason: "test refund",
        idempotencyKey,
      }),
    );

    expect(String(error)).toContain("already used");
    expect(await db.sandboxRefund.count({ where: { checkoutId: payment.providerRef } })).toBe(1);
  });

  it.each([
    ["more than was paid", (paid: number) => paid + 1],
    ["zero", () => 0],
  ])("fails a refund of %s", async (_case, amountOf) => {
    const payment = await confirmedPayment();
    const sandbox = paymentProvider("sandbox", db);

    const result = await sandbox.refundPayment({
      providerRef: payment.providerRef,
      amountMinor: amountOf(payment.amountMinor),
      reason: "test refund",
      idempotencyKey: randomUUID(),
    });

    expect(result.status).toBe("failed");
    expect(result.failureReason).toContain("invalid");
  });

  it("fails a second full refund under a new key", async () => {
    const payment = await confirmedPayment();
    const sandbox = paymentProvider("sandbox", db);
    const refund = (idempotencyKey: string) =>
      sandbox.refundPayment({
        providerRef: payment.providerRef,
        amountMinor: payment.amountMinor,
        reason: "test refund",
        idempotencyKey,
      });

    const first = await refund(randomUUID());
    const second = await refund(randomUUID());

    expect(first.status).toBe("succeeded");
    expect(second.status).toBe("failed");
  });

  it("fails a refund of a declined checkout", async () => {
    const payment = await confirmedPayment("4000000000000002");
    const sandbox = paymentProvider("sandbox", db);

    const result = await sandbox.refundPayment({
      providerRef: payment.providerRef,
      amountMinor: payment.amountMinor,
      reason: "test refund",
      idempotencyKey: randomUUID(),
    });

    expect(result.status).toBe("failed");
    expect(result.failureReason).toContain("DECLINED");
  });

  it("throws for a checkout that does not exist", async () => {
    const sandbox = paymentProvider("sandbox", db);

    const error = await rejectionOf(() =>
      sandbox.refundPayment({
        providerRef: "sbx_missing",
        amountMinor: 100,
        reason: "test refund",
        idempotencyKey: randomUUID(),
      }),
    );

    expect(String(error)).toContain("not found");
  });
});
