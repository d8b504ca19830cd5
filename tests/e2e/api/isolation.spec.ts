import { expect, test, type APIRequestContext } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import { cookieHeader, signUpAndSignIn, vmOrder } from "../support/customers";
import { invoiceStatus, payInvoice, placeOrder, waitForInvoice } from "../support/flow";

/** Connects a socket.io client with `request`'s session and records every event it receives. */
async function recordEvents(
  request: APIRequestContext,
  baseURL: string,
): Promise<{ socket: Socket; events: Array<[string, { userId?: string }]> }> {
  const events: Array<[string, { userId?: string }]> = [];
  const socket = io(baseURL, {
    transports: ["websocket"],
    extraHeaders: { cookie: await cookieHeader(request) },
  });
  socket.onAny((name: string, payload: { userId?: string }) => events.push([name, payload]));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return { socket, events };
}

test.describe("customer isolation", () => {
  test("another customer gets 404 for every URL of an order", async ({ playwright, baseURL }) => {
    const owner = await playwright.request.newContext({ baseURL });
    const stranger = await playwright.request.newContext({ baseURL });
    await signUpAndSignIn(owner);
    await signUpAndSignIn(stranger);

    const order = await placeOrder(owner, vmOrder());
    const invoice = await waitForInvoice(owner, order.id);
    await payInvoice(owner, invoice.id, "4242 4242 4242 4242");
    let resourceId: string | undefined;
    await expect
      .poll(
        async () => {
          resourceId = (await (await owner.get(`/api/orders/${order.id}`)).json()).order.resource
            ?.id;
          return resourceId;
        },
        { timeout: 30_000 },
      )
      .toBeTruthy();

    const urls = [
      `/api/orders/${order.id}`,
      `/api/invoices/${invoice.id}`,
      `/api/resources/${resourceId}`,
      `/orders/${order.id}`,
      `/invoices/${invoice.id}`,
      `/resources/${resourceId}`,
    ];
    for (const url of urls) {
      expect((await stranger.get(url)).status(), url).toBe(404);
      expect((await owner.get(url)).status(), url).toBe(200);
    }
    const pay = await stranger.post(`/api/invoices/${invoice.id}/payments`);
    expect(pay.status()).toBe(404);
    for (const path of ["/api/orders", "/api/invoices", "/api/resources"]) {
      const body = await (await stranger.get(path)).json();
      expect(Object.values(body)[0], path).toEqual([]);
    }
    await owner.dispose();
    await stranger.dispose();
  });

  test("another customer's socket receives none of the events", async ({ playwright, baseURL }) => {
    const owner = await playwright.request.newContext({ baseURL });
    const stranger = await playwright.request.newContext({ baseURL });
    const ownerUser = await signUpAndSignIn(owner);
    await signUpAndSignIn(stranger);
    const ownerSocket = await recordEvents(owner, baseURL!);
    const strangerSocket = await recordEvents(stranger, baseURL!);

    const order = await placeOrder(owner, vmOrder());
    const invoice = await waitForInvoice(owner, order.id);
    await payInvoice(owner, invoice.id, "4242 4242 4242 4242");
    await expect.poll(() => invoiceStatus(owner, invoice.id), { timeout: 30_000 }).toBe("PAID");
    await expect
      .poll(() => ownerSocket.events.some(([name]) => name === "resource:active"), {
        timeout: 60_000,
      })
      .toBe(true);

    const names = ownerSocket.events.map(([name]) => name);
    expect(names).toContain("invoice:issued");
    expect(names).toContain("payment:succeeded");
    expect(names).toContain("resource:progress");
    expect(ownerSocket.events.every(([, payload]) => payload.userId === ownerUser.id)).toBe(true);
    expect(strangerSocket.events).toEqual([]);

    ownerSocket.socket.close();
    strangerSocket.socket.close();
    await owner.dispose();
    await stranger.dispose();
  });

  test("a socket without a session is refused", async ({ baseURL }) => {
    const socket = io(baseURL!, { transports: ["websocket"], reconnection: false });
    const error = await new Promise<Error>((resolve) => socket.once("connect_error", resolve));
    expect(error.message).toBe("unauthenticated");
    socket.close();
  });
});
