import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";

export interface Customer {
  id: string;
  email: string;
  password: string;
  name: string;
}

/** Returns a customer with a unique email, not yet signed up. */
export function newCustomer(country = "DE"): Customer & { country: string } {
  const tag = randomUUID().slice(0, 8);
  return {
    id: "",
    email: `customer-${tag}@example.test`,
    password: `correct horse ${tag}`,
    name: `Customer ${tag}`,
    country,
  };
}

/** Signs a new customer up through the API and signs them in on `request`. */
export async function signUpAndSignIn(
  request: APIRequestContext,
  country = "DE",
): Promise<Customer> {
  const customer = newCustomer(country);
  const response = await request.post("/api/signup", {
    data: {
      name: customer.name,
      email: customer.email,
      password: customer.password,
      country: customer.country,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { user } = (await response.json()) as { user: { id: string } };
  await signIn(request, customer.email, customer.password);
  return { ...customer, id: user.id };
}

/** Signs in through next-auth's credentials callback; the cookie stays on `request`. */
export async function signIn(
  request: APIRequestContext,
  email: string,
  password: string,
): Promise<void> {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(response.status());
  const session = await request.get("/api/auth/session");
  const body = (await session.json()) as { user?: { email?: string } };
  expect(body.user?.email).toBe(email);
}

/** Returns the Cookie header of `request`'s session, for a socket.io client. */
export async function cookieHeader(request: APIRequestContext): Promise<string> {
  const state = await request.storageState();
  return state.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

export const vmOrder = (name = `vm-${randomUUID().slice(0, 8)}`) => ({
  kind: "VIRTUAL_MACHINE",
  name,
  regionId: "fra1",
  imageId: "debian-12",
  planId: "vm-s2",
});
