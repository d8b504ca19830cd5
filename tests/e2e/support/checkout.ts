import { expect, type Page } from "@playwright/test";

/** Fills the sandbox checkout form with `cardNumber` and submits it. */
export async function payOnSandboxCheckout(page: Page, cardNumber: string): Promise<void> {
  await expect(page).toHaveURL(/\/sandbox\/checkout\//);
  await expect(page.getByText("Sandbox", { exact: false }).first()).toBeVisible();
  // The submit button is enabled once React has hydrated the form; typing
  // earlier would fill inputs that React then does not know about.
  await expect(page.getByRole("button", { name: "Pay", exact: true })).toBeEnabled();
  await page.getByLabel("Cardholder name").fill("Ada Customer");
  await page.getByLabel("Card number").fill(cardNumber);
  await page.getByLabel("Expiry date").fill("12/34");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(page).toHaveURL(/\/invoices\/[0-9a-f-]{36}$/);
}
