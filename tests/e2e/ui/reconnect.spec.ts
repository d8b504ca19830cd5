import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { OrderView } from "../../../lib/api/views";
import { signUpAndSignIn, vmOrder } from "../support/customers";
import { payInvoice, placeOrder, waitForInvoice } from "../support/flow";
import { expectSameDocument, markDocument } from "../support/no-reload";
import { routeThroughOutageSwitch } from "../support/outage";

async function resourceStatus(request: APIRequestContext, orderId: string) {
  const response = await request.get(`/api/orders/${orderId}`);
  return ((await response.json()) as { order: OrderView }).order.resource?.status;
}

// The outage is cut by routing rather than by `context.setOffline`. In
// Chromium, setOffline fires the window's `offline` and `online` events, and
// React Query refetches stale queries and resumes paused polls on `online`.
// The dashboard could then catch up without the socket's reconnect, so the
// test could pass even if the reconnect refetched nothing.
test("dashboard catches up after reconnecting", async ({ page, context }) => {
  const outage = await routeThroughOutageSwitch(context);
  await signUpAndSignIn(page.request);
  const name = `reconnect-${randomUUID().slice(0, 8)}`;
  const order = await placeOrder(page.request, vmOrder(name));
  const invoice = await waitForInvoice(page.request, order.id);

  await page.goto("/dashboard");
  const payLink = page.getByRole("link", { name: `Pay invoice ${invoice.number}` });
  const card = page.getByRole("article").filter({ hasText: name });
  const liveNotice = page.getByText("Live updates are disconnected");
  await expect(payLink).toBeVisible();
  // socket.io connects over HTTP long-polling and then upgrades to a
  // WebSocket. Only once it has upgraded does cutting the WebSocket disconnect it.
  await expect.poll(() => outage.upgradedWebSockets(), { message: "socket upgraded" }).toBe(1);
  await expect(liveNotice).toBeHidden();
  await markDocument(page);

  await outage.begin();
  await expect(liveNotice).toBeVisible();

  // page.request runs in the test process, outside the routed browser.
  await payInvoice(page.request, invoice.id, "4242 4242 4242 4242");
  await expect
    .poll(() => resourceStatus(page.request, order.id), {
      message: "resource active by the API",
      timeout: 30_000,
    })
    .toBe("ACTIVE");
  // Without the socket the dashboard polls both lists every 10 seconds. Once
  // those polls hang in the outage, React Query 5 sends no new poll for a
  // query while its fetch is pending, so only the reconnect can refetch them.
  await expect
    .poll(() => outage.unansweredPaths(), { message: "dashboard polled", timeout: 20_000 })
    .toEqual(expect.arrayContaining(["/api/resources", "/api/orders"]));
  await expect(payLink).toBeVisible();
  await expect(card).toHaveCount(0);

  outage.end();
  // The reconnect waits until socket.io-client gives up on the handshake sent
  // during the outage (its Manager's `timeout`, 20 seconds by default in 4.8).
  await expect(liveNotice).toBeHidden({ timeout: 40_000 });
  await expect(card.getByText("Active", { exact: true }), "refetched on reconnect").toBeVisible();
  await expect(card.getByText("IPv4 address")).toBeVisible();
  await expect(card.getByText(/203\.0\.113\.\d+/).first()).toBeVisible();
  await expect(payLink).toHaveCount(0);
  await expectSameDocument(page);
});
