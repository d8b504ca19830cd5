import { expect, test } from "@playwright/test";
import { payOnSandboxCheckout } from "../support/checkout";
import { signUpAndSignIn, vmOrder } from "../support/customers";
import { placeOrder, waitForInvoice } from "../support/flow";
import { expectSameDocument, markDocument } from "../support/no-reload";

test.describe("paying an invoice", () => {
  test("declined card shows the reason, then a retry pays", async ({ page }) => {
    await signUpAndSignIn(page.request);
    const order = await placeOrder(page.request, vmOrder());
    const invoice = await waitForInvoice(page.request, order.id);

    await page.goto(`/invoices/${invoice.id}`);
    await expect(page.getByRole("heading", { name: `Invoice ${invoice.number}` })).toBeVisible();
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await payOnSandboxCheckout(page, "4000 0000 0000 0002");
    await markDocument(page);

    const failure = page.getByRole("main").getByText("Your card was declined.");
    await expect(failure).toBeVisible();
    await expect(page.getByRole("main").getByText("Payment failed")).toBeVisible();
    await expectSameDocument(page);

    await page.getByRole("button", { name: "Try again" }).click();
    await payOnSandboxCheckout(page, "4242 4242 4242 4242");
    await expect(page.getByText(/Paid on /)).toBeVisible();
  });

  test("slow card shows processing, then paid", async ({ page }) => {
    await signUpAndSignIn(page.request);
    const order = await placeOrder(page.request, vmOrder());
    const invoice = await waitForInvoice(page.request, order.id);

    await page.goto(`/invoices/${invoice.id}`);
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await payOnSandboxCheckout(page, "4000 0000 0000 0077");
    await markDocument(page);
    await expect(page.getByText("Payment processing…")).toBeVisible();
    await expect(page.getByText(/Paid on /)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("Payment processing…")).toHaveCount(0);
    await expectSameDocument(page);
  });

  test("checkout names a bad card field", async ({ page }) => {
    await signUpAndSignIn(page.request);
    const order = await placeOrder(page.request, vmOrder());
    const invoice = await waitForInvoice(page.request, order.id);

    await page.goto(`/invoices/${invoice.id}`);
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await expect(page).toHaveURL(/\/sandbox\/checkout\//);
    await expect(page.getByRole("button", { name: "Pay", exact: true })).toBeEnabled();
    await page.getByLabel("Cardholder name").fill("Ada Customer");
    await page.getByLabel("Card number").fill("4242 4242 4242 4241");
    await page.getByLabel("Expiry date").fill("12/34");
    await page.getByLabel("Security code").fill("123");
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await expect(page.getByLabel("Card number")).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/sandbox\/checkout\//);
  });
});
