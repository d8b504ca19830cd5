import { expect, test } from "@playwright/test";
import { payOnSandboxCheckout } from "../support/checkout";
import { newCustomer } from "../support/customers";
import { expectSameDocument, markDocument } from "../support/no-reload";
import { recordedProgressValues, recordProgressValues } from "../support/progress-recorder";

test("virtual machine from sign-up to Active, live", async ({ page, context }) => {
  const customer = newCustomer("DE");
  const name = `web-${Date.now().toString(36)}`;

  await page.goto("/signup");
  await expect(page.getByRole("button", { name: "Create account" })).toBeEnabled();
  await page.getByLabel("Name").fill(customer.name);
  await page.getByLabel("Email").fill(customer.email);
  await page.getByLabel("Password").fill(customer.password);
  await page.getByLabel("Billing country").selectOption({ label: "Germany" });
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  await page.getByRole("link", { name: "New order" }).first().click();
  await page.getByRole("link", { name: /^Virtual machine/ }).click();
  await expect(page.getByRole("heading", { name: "New virtual machine" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Place order" })).toBeEnabled();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Region").selectOption("fra1");
  await page.getByLabel("Operating system").selectOption("debian-12");
  await page.getByRole("radio", { name: "Basic S2" }).check();
  // The monthly price shows before submitting: vm-s2 is $24.00 a month.
  await expect(page.getByText("$24.00").first()).toBeVisible();
  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await markDocument(page);

  // A second tab on the dashboard follows the whole provisioning live.
  const dashboard = await context.newPage();
  await dashboard.goto("/dashboard");
  await expect(dashboard.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await markDocument(dashboard);
  await recordProgressValues(dashboard);
  // The invoice arrives over the socket: tax is German VAT, 19 % of $24.00.
  await expect(page.getByText(/INV-\d{6}/).first()).toBeVisible();
  await expect(page.getByText("$28.56").first()).toBeVisible();
  await expectSameDocument(page);

  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await payOnSandboxCheckout(page, "4242 4242 4242 4242");
  await markDocument(page);
  await expect(page.getByText(/Paid on /)).toBeVisible();
  await expectSameDocument(page);

  const card = dashboard.getByRole("article").filter({ hasText: name });
  await expect(card.getByText("Simulated")).toBeVisible();
  await expect(card.getByText("Active", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(card.getByText("IPv4 address")).toBeVisible();
  await expect(card.getByText(/203\.0\.113\.\d+/).first()).toBeVisible();
  await expect(
    card.getByText(new RegExp(`^${name}-[0-9a-f]{8}\\.fra1\\.vm\\.swiftcloud\\.example$`)),
  ).toBeVisible();
  await expectSameDocument(dashboard);
  // The bar moved through the steps: values strictly between 0 and 100 were on screen.
  const shown = await recordedProgressValues(dashboard);
  expect(shown.filter((value) => value > 0 && value < 100).length).toBeGreaterThanOrEqual(2);

  await page.getByRole("link", { name: "Dashboard" }).first().click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(
    page.getByRole("article").filter({ hasText: name }).getByText("Active", { exact: true }),
  ).toBeVisible();
});
