import { expect, test } from "@playwright/test";
import { signUpAndSignIn } from "../support/customers";

test.describe("forms and sessions", () => {
  test("signed-out visitor is sent to sign in", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });

  test("wrong password is rejected", async ({ page }) => {
    await page.goto("/signin");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    await page.getByLabel("Email").fill("nobody@example.test");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Email or password is incorrect")).toBeVisible();
  });

  test("order form shows field errors and submits nothing", async ({ page }) => {
    await signUpAndSignIn(page.request);
    await page.goto("/orders/new/virtual-machine");
    await expect(page.getByRole("button", { name: "Place order" })).toBeEnabled();
    await page.getByLabel("Name").fill("Not_A_Hostname");
    await page.getByRole("button", { name: "Place order" }).click();
    await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Use lowercase letters, digits and hyphens").first()).toBeVisible();
    await expect(page).toHaveURL(/\/orders\/new\/virtual-machine$/);
    const orders = await (await page.request.get("/api/orders")).json();
    expect(orders.orders).toEqual([]);
  });

  test("domain form rejects a subdomain", async ({ page }) => {
    await signUpAndSignIn(page.request);
    await page.goto("/orders/new/domain");
    await expect(page.getByRole("button", { name: "Place order" })).toBeEnabled();
    await page.getByLabel("Domain name").fill("www.example.com");
    await page.getByRole("button", { name: "Place order" }).click();
    await expect(page.getByLabel("Domain name")).toHaveAttribute("aria-invalid", "true");
    await expect(
      page.getByText(/subdomains and endings like .co.uk are not sold/).first(),
    ).toBeVisible();
  });
});

test("sign out ends the session", async ({ page }) => {
  await signUpAndSignIn(page.request);
  await page.goto("/dashboard");
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).not.toHaveURL(/\/dashboard/);
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session.user).toBeUndefined();
  await page.goto("/invoices");
  await expect(page).toHaveURL(/\/signin/);
});
