// An HTTP client for one portal customer: keeps the customer's cookies and
// retries requests that fail with a 5xx status or a network error, because
// the faults make the web process lose its database or broker connection.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";

/** Attempts per request. The pause doubles from 200 ms up to 3 s, so all retries wait about 36 s. */
const maxAttempts = 16;
const maxBackoffMs = 3_000;

export interface HttpResult {
  status: number;
  body: unknown;
  text: string;
}

export class CustomerClient {
  private readonly cookies = new Map<string, string>();
  readonly email = `faults-${randomUUID().slice(0, 8)}@example.test`;
  private readonly password = `fault injection ${randomUUID().slice(0, 8)}`;

  constructor(private readonly baseUrl: string) {}

  /** Signs the customer up, then signs in through next-auth's credentials callback. */
  async signUpAndSignIn(): Promise<void> {
    const signup = await this.request("POST", "/api/signup", {
      json: { name: "Fault Injection", email: this.email, password: this.password, country: "DE" },
    });
    expectStatus(signup, [201], "sign-up");
    const csrf = await this.request("GET", "/api/auth/csrf");
    const { csrfToken } = csrf.body as { csrfToken: string };
    const signIn = await this.request("POST", "/api/auth/callback/credentials", {
      form: { csrfToken, email: this.email, password: this.password, json: "true" },
    });
    expectStatus(signIn, [200, 302], "sign-in");
    const session = await this.request("GET", "/api/auth/session");
    const user = (session.body as { user?: { email?: string } }).user;
    if (user?.email !== this.email) throw new Error(`sign-in of ${this.email} made no session`);
  }

  /**
   * Sends one request, retried on a 5xx status or a network error with a
   * bounded exponential backoff. Throws once the attempts are used up.
   */
  async request(
    method: "GET" | "POST",
    pathname: string,
    payload: { json?: unknown; form?: Record<string, string> } = {},
  ): Promise<HttpResult> {
    let lastError = "";
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) await sleep(Math.min(maxBackoffMs, 100 * 2 ** (attempt - 1)));
      try {
        const result = await this.send(method, pathname, payload);
        if (result.status < 500) return result;
        lastError = `status ${result.status}: ${result.text.slice(0, 200)}`;
      } catch (error: unknown) {
        lastError = error instanceof Error ? error.message : String(error);
      }
    }
    throw new Error(`${method} ${pathname} failed after ${maxAttempts} attempts: ${lastError}`);
  }

  private async send(
    method: string,
    pathname: string,
    payload: { json?: unknown; form?: Record<string, string> },
  ): Promise<HttpResult> {
    const headers: Record<string, string> = {};
    let body: string | undefined;
    if (payload.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(payload.json);
    } else if (payload.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(payload.form).toString();
    }
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    }
    const response = await fetch(new URL(pathname, this.baseUrl), {
      method,
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const separator = pair.indexOf("=");
      if (separator > 0) this.cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
    const text = await response.text();
    return { status: response.status, body: parseJson(text), text };
  }
}

/** Throws when `result` has none of the `expected` statuses. */
export function expectStatus(result: HttpResult, expected: number[], what: string): void {
  if (!expected.includes(result.status)) {
    throw new Error(`${what} returned ${result.status}: ${result.text.slice(0, 300)}`);
  }
}

/** Parses `text` as JSON, or returns undefined for an empty or non-JSON body such as an HTML error page. */
function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
