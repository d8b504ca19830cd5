import { expect, test } from "@playwright/test";
import { signUpAndSignIn, vmOrder } from "../support/customers";
import { invoiceStatus, payInvoice, placeOrder, waitForInvoice } from "../support/flow";

const successCard = "4242 4242 4242 4242";
const declinedCard = "4000 0000 0000 0002";

test.describe("payments API", () => {
  test("invoice prices the order with the country's tax", async ({ request }) => {
    await signUpAndSignIn(request, "DE");
    const order = await placeOrder(request, vmOrder());
    const invoice = await waitForInvoice(request, order.id);
    // vm-s2 costs $24.00 a month; German VAT is 19 %.
    expect(invoice.subtotalMinor).toBe(2400);
    expect(invoice.taxMinor).toBe(456);
    expect(invoice.totalMinor).toBe(2856);
    expect(invoice.currency).toBe("USD");
    expect(invoice.number).toMatch(/^INV-\d{6}$/);
    expect(invoice.lineItems).toHaveLength(1);
    expect(invoice.status).toBe("OPEN");
  });

  test("a second Pay on a paid invoice is 409 with no second charge", async ({ request }) => {
    await signUpAndSignIn(request);
    const order = await placeOrder(request, vmOrder());
    const invoice = await waitForInvoice(request, order.id);
    await payInvoice(request, invoice.id, successCard);
    await expect.poll(() => invoiceStatus(request, invoice.id), { timeout: 30_000 }).toBe("PAID");

    const again = await request.post(`/api/invoices/${invoice.id}/payments`);
    expect(again.status()).toBe(409);
    expect((await again.json()).error.message).toContain("already paid");
    const paid = (await (await request.get(`/api/invoices/${invoice.id}`)).json()).invoice;
    expect(paid.payments).toHaveLength(1);
    expect(paid.payments[0].status).toBe("SUCCEEDED");
  });

  test("a declined card leaves the invoice open for another try", async ({ request }) => {
    await signUpAndSignIn(request);
    const order = await placeOrder(request, vmOrder());
    const invoice = await waitForInvoice(request, order.id);
    await payInvoice(request, invoice.id, declinedCard);
    await expect
      .poll(
        async () =>
          (await (await request.get(`/api/invoices/${invoice.id}`)).json()).invoice.payments[0]
            .status,
        { timeout: 30_000 },
      )
      .toBe("FAILED");
    const declined = (await (await request.get(`/api/invoices/${invoice.id}`)).json()).invoice;
    expect(declined.status).toBe("OPEN");
    expect(declined.payments[0].failureReason).toContain("declined");

    await payInvoice(request, invoice.id, successCard);
    await expect.poll(() => invoiceStatus(request, invoice.id), { timeout: 30_000 }).toBe("PAID");
  });

  const badCards: Array<[string, Record<string, string>, string]> = [
    ["a number failing the Luhn check", { cardNumber: "4242 4242 4242 4241" }, "cardNumber"],
    ["a number that is no test card", { cardNumber: "5555 5555 5555 4444" }, "cardNumber"],
    ["an expired card", { expiry: "01/20" }, "expiry"],
    ["a malformed expiry", { expiry: "1234" }, "expiry"],
    ["a short CVC", { cvc: "1" }, "cvc"],
  ];

  for (const [name, change, field] of badCards) {
    test(`checkout rejects ${name} naming ${field}`, async ({ request }) => {
      await signUpAndSignIn(request);
      const order = await placeOrder(request, vmOrder());
      const invoice = await waitForInvoice(request, order.id);
      const started = await request.post(`/api/invoices/${invoice.id}/payments`);
      const ref = ((await started.json()) as { checkoutUrl: string }).checkoutUrl.split("/").pop();
      const response = await request.post(`/api/sandbox/checkouts/${ref}/confirm`, {
        data: {
          cardNumber: successCard,
          expiry: "12/34",
          cvc: "123",
          cardholderName: "Test",
          ...change,
        },
      });
      expect(response.status()).toBe(400);
      const fields = (await response.json()).error.fields.map((f: { field: string }) => f.field);
      expect(fields).toContain(field);
    });
  }
});
