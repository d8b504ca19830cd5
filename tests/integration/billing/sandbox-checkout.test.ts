import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../../lib/db/client";
import { DomainError } from "../../../lib/domain/errors";
import { cancelSandboxCheckout } from "../../../lib/payments/sandbox/cancel-checkout";
import { confirmSandboxCheckout } from "../../../lib/payments/sandbox/confirm-checkout";
import { getSandboxCheckout } from "../../../lib/payments/sandbox/get-checkout";
import { sandboxTestCards } from "../../../lib/payments/sandbox/test-cards";
import { startPayment } from "../../../lib/payments/start-payment";
import { testAppUrl, vmSpec } from "./fixtures";
import { cardForm, createInvoiceRow, createUser, outboxRows, rejectionOf } from "./helpers";

const databaseUrl = inject("databaseUrl");
let db: PrismaClient;

beforeAll(() => {
  db = createPrismaClient(databaseUrl);
});

afterAll(async () => {
  await db?.$disconnect();
});

async function openCheckout() {
  const user = await createUser(db);
  const invoice = await createInvoiceRow(db, user.id, vmSpec());
  const { payment } = await startPayment(db, {
    userId: user.id,
    invoiceId: invoice.id,
    appUrl: testAppUrl,
  });
  return { user, invoice, payment };
}

describe("confirmSandboxCheckout", () => {
  it("moves the payment to processing with payment.initiated", async () => {
    const { user, invoice, payment } = await openCheckout();

    const result = await confirmSandboxCheckout(db, {
      userId: user.id,
      providerRef: payment.providerRef,
      ...cardForm("4000000000000077"),
    });

    expect(result).toEqual({ invoiceId: invoice.id, redirectUrl: `/invoices/${invoice.id}` });
    const stored = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(stored.status).toBe("PROCESSING");
    const checkout = await db.sandboxCheckout.findUniqueOrThrow({
      where: { id: payment.providerRef },
    });
    expect(checkout.status).toBe("PROCESSING");
    expect(checkout.cardLast4).toBe("0077");
    expect(checkout.settlesAt!.getTime() - checkout.updatedAt.getTime()).toBeGreaterThan(5_000);
    const events = await outboxRows(db, "swiftcloud.payment.initiated", payment.id);
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toEqual({
      userId: user.id,
      invoiceId: invoice.id,
      paymentId: payment.id,
    });
  });

  it("stores only the last four digits of the card", async () => {
    const { user, payment } = await openCheckout();

    await confirmSandboxCheckout(db, {
      userId: user.id,
      providerRef: payment.providerRef,
      ...cardForm("4000 0000 0000 0002"),
    });

    const checkout = await db.sandboxCheckout.findUniqueOrThrow({
      where: { id: payment.providerRef },
    });
    expect(checkout).toMatchObject({
      status: "DECLINED",
      cardLast4: "0002",
      declineCode: "card_declined",
      declineReason: "Your card was declined.",
    });
    expect(JSON.stringify(checkout)).not.toContain("4000000000000002");
  });

  it.each([
    { field: "cardNumber", form: { cardNumber: "4242 4242 4242 4241" } },
    { field: "cardNumber", form: { cardNumber: "5555 5555 5555 4444" } },
    { field: "expiry", form: { expiry: "01/20" } },
    { field: "cvc", form: { cvc: "1" } },
    { field: "cardholderName", form: { cardholderName: "" } },
  ])("rejects a bad $field and keeps the checkout open", async ({ field, form }) => {
    const { user, payment } = await openCheckout();

    const error = await rejectionOf(() =>
      confirmSandboxCheckout(db, {
        userId: user.id,
        providerRef: payment.providerRef,
        ...cardForm("4242 4242 4242 4242"),
        ...form,
      }),
    );

    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("validation");
    expect((error as DomainError).fields.map((item) => item.field)).toEqual([field]);
    const stored = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(stored.status).toBe("REQUIRES_CONFIRMATION");
  });

  it("reports another customer's checkout as not found", async () => {
    const { payment } = await openCheckout();
    const stranger = await createUser(db);

    const error = await rejectionOf(() =>
      confirmSandboxCheckout(db, {
        userId: stranger.id,
        providerRef: payment.providerRef,
        ...cardForm("4242 4242 4242 4242"),
      }),
    );

    expect((error as DomainError).code).toBe("not_found");
    const stored = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(stored.status).toBe("REQUIRES_CONFIRMATION");
  });

  it("rejects a second confirmation", async () => {
    const { user, payment } = await openCheckout();
    const input = {
      userId: user.id,
      providerRef: payment.providerRef,
      ...cardForm("4242424242424242"),
    };
    await confirmSandboxCheckout(db, input);

    const error = await rejectionOf(() => confirmSandboxCheckout(db, input));

    expect((error as DomainError).code).toBe("conflict");
    expect(await outboxRows(db, "swiftcloud.payment.initiated", payment.id)).toHaveLength(1);
  });

  it("confirms once for concurrent submissions", async () => {
    const { user, payment } = await openCheckout();
    const input = {
      userId: user.id,
      providerRef: payment.providerRef,
      ...cardForm("4242424242424242"),
    };

    const results = await Promise.allSettled(
      [1, 2, 3].map(() => confirmSandboxCheckout(db, input)),
    );

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await outboxRows(db, "swiftcloud.payment.initiated", payment.id)).toHaveLength(1);
  });

  it("rejects a checkout whose invoice expired", async () => {
    const { user, invoice, payment } = await openCheckout();
    await db.invoice.update({
      where: { id: invoice.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });

    const error = await rejectionOf(() =>
      confirmSandboxCheckout(db, {
        userId: user.id,
        providerRef: payment.providerRef,
        ...cardForm("4242424242424242"),
      }),
    );

    expect((error as DomainError).code).toBe("conflict");
  });
});

describe("cancelSandboxCheckout", () => {
  it("rejects a checkout already confirmed", async () => {
    const { user, payment } = await openCheckout();
    const providerRef = payment.providerRef;
    await confirmSandboxCheckout(db, {
      userId: user.id,
      providerRef,
      ...cardForm("4242424242424242"),
    });

    const error = await rejectionOf(() =>
      cancelSandboxCheckout(db, { userId: user.id, providerRef }),
    );

    expect((error as DomainError).code).toBe("conflict");
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe(
      "PROCESSING",
    );
  });
});

describe("getSandboxCheckout", () => {
  it("returns what the checkout page shows", async () => {
    const { user, invoice, payment } = await openCheckout();

    const view = await getSandboxCheckout(db, {
      userId: user.id,
      providerRef: payment.providerRef,
    });

    expect(view).toEqual({
      providerRef: payment.providerRef,
      paymentId: payment.id,
      invoiceId: invoice.id,
      invoiceNumber: `INV-${String(invoice.sequence).padStart(6, "0")}`,
      amountMinor: 2856,
      currency: "USD",
      status: "REQUIRES_CONFIRMATION",
      failureReason: null,
      cardLast4: null,
      expiresAt: invoice.expiresAt.toISOString(),
      testCards: sandboxTestCards,
    });
  });

  it("reports another customer's checkout as not found", async () => {
    const { payment } = await openCheckout();
    const stranger = await createUser(db);

    const error = await rejectionOf(() =>
      getSandboxCheckout(db, { userId: stranger.id, providerRef: payment.providerRef }),
    );

    expect((error as DomainError).code).toBe("not_found");
  });
});
