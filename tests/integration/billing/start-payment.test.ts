import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../../lib/db/client";
import { formatInvoiceNumber } from "../../../lib/billing/invoice-number";
import { DomainError } from "../../../lib/domain/errors";
import { startPayment } from "../../../lib/payments/start-payment";
import { testAppUrl, vmSpec } from "./fixtures";
import { createInvoiceRow, createUser, rejectionOf } from "./helpers";

const databaseUrl = inject("databaseUrl");
let db: PrismaClient;

beforeAll(() => {
  db = createPrismaClient(databaseUrl);
});

afterAll(async () => {
  await db?.$disconnect();
});

async function openInvoice() {
  const user = await createUser(db);
  const invoice = await createInvoiceRow(db, user.id, vmSpec());
  return { user, invoice };
}

function expectDomainError(error: unknown, code: string, message?: string) {
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (message) expect((error as DomainError).message).toBe(message);
}

describe("startPayment", () => {
  it("creates a sandbox checkout for the invoice total", async () => {
    const { user, invoice } = await openInvoice();

    const { payment, created } = await startPayment(db, {
      userId: user.id,
      invoiceId: invoice.id,
      appUrl: testAppUrl,
    });

    expect(created).toBe(true);
    expect(payment.status).toBe("REQUIRES_CONFIRMATION");
    expect(payment.provider).toBe("sandbox");
    expect(payment.amountMinor).toBe(2856);
    expect(payment.currency).toBe("USD");
    expect(payment.checkoutUrl).toBe(`${testAppUrl}/sandbox/checkout/${payment.providerRef}`);
    const checkout = await db.sandboxCheckout.findUniqueOrThrow({
      where: { id: payment.providerRef },
    });
    expect(checkout.status).toBe("OPEN");
    expect(checkout.amountMinor).toBe(2856);
    expect(checkout.reference).toBe(`INV-${String(invoice.sequence).padStart(6, "0")}`);
  });

  it("returns the unconfirmed payment instead of a second", async () => {
    const { user, invoice } = await openInvoice();
    const input = { userId: user.id, invoiceId: invoice.id, appUrl: testAppUrl };

    const first = await startPayment(db, input);
    const second = await startPayment(db, input);

    expect(second.created).toBe(false);
    expect(second.payment.id).toBe(first.payment.id);
    expect(await db.payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
    const reference = formatInvoiceNumber(invoice.sequence);
    expect(await db.sandboxCheckout.count({ where: { reference } })).toBe(1);
  });

  it("creates one payment for concurrent requests", async () => {
    const { user, invoice } = await openInvoice();
    const input = { userId: user.id, invoiceId: invoice.id, appUrl: testAppUrl };

    const results = await Promise.all(Array.from({ length: 5 }, () => startPayment(db, input)));

    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.payment.id)).size).toBe(1);
    expect(await db.payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
    const reference = formatInvoiceNumber(invoice.sequence);
    expect(await db.sandboxCheckout.count({ where: { reference } })).toBe(1);
  });

  it("rejects a paid invoice without a new payment", async () => {
    const { user, invoice } = await openInvoice();
    await db.invoice.update({
      where: { id: invoice.id },
      data: { status: "PAID", paidAt: new Date() },
    });

    const error = await rejectionOf(() =>
      startPayment(db, { userId: user.id, invoiceId: invoice.id, appUrl: testAppUrl }),
    );

    expectDomainError(error, "conflict", "Invoice is already paid");
    expect(await db.payment.count({ where: { invoiceId: invoice.id } })).toBe(0);
  });

  it("rejects a void invoice", async () => {
    const { user, invoice } = await openInvoice();
    await db.invoice.update({
      where: { id: invoice.id },
      data: { status: "VOID", voidedAt: new Date() },
    });

    const error = await rejectionOf(() =>
      startPayment(db, { userId: user.id, invoiceId: invoice.id, appUrl: testAppUrl }),
    );

    expectDomainError(error, "conflict");
    expect(await db.payment.count({ where: { invoiceId: invoice.id } })).toBe(0);
  });

  it("rejects an invoice past its expiry", async () => {
    const user = await createUser(db);
    const invoice = await createInvoiceRow(db, user.id, vmSpec(), new Date(Date.now() - 1000));

    const error = await rejectionOf(() =>
      startPayment(db, { userId: user.id, invoiceId: invoice.id, appUrl: testAppUrl }),
    );

    expectDomainError(error, "conflict");
    expect((error as DomainError).message).toContain("expired");
  });

  it("rejects while a payment is processing", async () => {
    const { user, invoice } = await openInvoice();
    const input = { userId: user.id, invoiceId: invoice.id, appUrl: testAppUrl };
    const { payment } = await startPayment(db, input);
    await db.payment.update({ where: { id: payment.id }, data: { status: "PROCESSING" } });

    const error = await rejectionOf(() => startPayment(db, input));

    expectDomainError(error, "conflict", "A payment is already in progress");
    expect(await db.payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
  });

  it("starts a new payment after a failed one", async () => {
    const { user, invoice } = await openInvoice();
    const input = { userId: user.id, invoiceId: invoice.id, appUrl: testAppUrl };
    const first = await startPayment(db, input);
    await db.payment.update({ where: { id: first.payment.id }, data: { status: "FAILED" } });

    const second = await startPayment(db, input);

    expect(second.created).toBe(true);
    expect(second.payment.id).not.toBe(first.payment.id);
  });

  it.each([
    { name: "another customer's invoice", invoiceId: "own", userId: "other" },
    { name: "a missing invoice", invoiceId: randomUUID(), userId: "owner" },
    { name: "a malformed id", invoiceId: "not-a-uuid", userId: "owner" },
  ])("reports $name as not found", async ({ invoiceId, userId }) => {
    const { user, invoice } = await openInvoice();
    const stranger = await createUser(db);

    const error = await rejectionOf(() =>
      startPayment(db, {
        userId: userId === "other" ? stranger.id : user.id,
        invoiceId: invoiceId === "own" ? invoice.id : invoiceId,
        appUrl: testAppUrl,
      }),
    );

    expectDomainError(error, "not_found", "Invoice not found");
    expect(await db.payment.count({ where: { invoiceId: invoice.id } })).toBe(0);
  });
});
