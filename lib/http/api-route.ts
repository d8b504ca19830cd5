import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { z } from "zod";
import type { ErrorBody } from "../api/views";
import { currentUser, type SessionUser } from "../auth/session";
import { DomainError, httpStatusOf, type FieldError } from "../domain/errors";
import { logger, type Logger } from "../logger";

export interface RouteContext<Params> {
  request: Request;
  params: Params;
  user: SessionUser;
  log: Logger;
}

type Handler<Params> = (context: RouteContext<Params>) => Promise<Response>;
type PublicHandler<Params> = (context: Omit<RouteContext<Params>, "user">) => Promise<Response>;

export function errorResponse(
  status: number,
  code: string,
  message: string,
  fields?: FieldError[],
): Response {
  const body: ErrorBody = {
    error: { code, message, ...(fields && fields.length ? { fields } : {}) },
  };
  return NextResponse.json(body, { status });
}

/** Turns zod issues into field errors with dotted paths below `prefix`. */
export function fieldErrorsOf(error: z.ZodError, prefix: string[] = []): FieldError[] {
  return error.issues.map((issue) => ({
    field: [...prefix, ...issue.path.map(String)].join(".") || "body",
    message: issue.message,
  }));
}

/** Largest JSON body any route accepts; the biggest real one, an order, is under 1 KiB. */
export const maxJsonBodyBytes = 64 * 1024;

/** Reads the body as text, throwing a DomainError once it passes `maxJsonBodyBytes`. */
async function readLimitedText(request: Request): Promise<string> {
  const tooLarge = () =>
    new DomainError(
      "payload_too_large",
      `The request body is larger than ${maxJsonBodyBytes / 1024} KiB`,
    );
  if (Number(request.headers.get("content-length") ?? 0) > maxJsonBodyBytes) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxJsonBodyBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses a JSON body with `schema`, throwing a validation DomainError naming each bad field. */
export async function parseJson<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): Promise<z.infer<Schema>> {
  const text = await readLimitedText(request);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new DomainError("validation", "The request body is not valid JSON", [
      { field: "body", message: "Send a JSON object with Content-Type: application/json" },
    ]);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    const first = fields[0];
    throw new DomainError(
      "validation",
      first ? `Invalid ${first.field}: ${first.message}` : "Invalid request",
      fields,
    );
  }
  return parsed.data;
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Rejects a state-changing request that a page of another origin sent. The
 * session cookie is SameSite=Lax, which other sites cannot use, but sibling
 * origins of the same site can; a browser always sends Origin on a POST.
 */
function assertSameOrigin(request: Request): void {
  if (safeMethods.has(request.method)) return;
  const origin = request.headers.get("origin");
  if (!origin) return;
  const allowed = new Set([new URL(request.url).origin]);
  const publicUrl = process.env.NEXTAUTH_URL;
  if (publicUrl) allowed.add(new URL(publicUrl).origin);
  if (!allowed.has(origin)) {
    throw new DomainError("forbidden", `Requests from ${origin} are not accepted`);
  }
}

function mapError(error: unknown, log: Logger): Response {
  if (error instanceof DomainError) {
    if (error.code !== "validation" && error.code !== "not_found") {
      log.info({ code: error.code, reason: error.message }, "api.request_rejected");
    }
    return errorResponse(httpStatusOf[error.code], error.code, error.message, error.fields);
  }
  log.error({ err: error }, "api.request_failed");
  return errorResponse(500, "internal", "Something went wrong on our side. Try again in a moment.");
}

/**
 * Wraps a route handler that needs a session: returns 401 without one, maps
 * DomainError codes to their HTTP status, and logs anything unexpected once
 * before returning a generic 500.
 */
export function apiRoute<Params = Record<string, never>>(handler: Handler<Params>) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    const log = logger().child({
      requestId: randomUUID(),
      method: request.method,
      path: new URL(request.url).pathname,
    });
    try {
      assertSameOrigin(request);
      const user = await currentUser();
      if (!user) return errorResponse(401, "unauthenticated", "Sign in to use this API");
      return await handler({
        request,
        params: await context.params,
        user,
        log: log.child({ userId: user.id }),
      });
    } catch (error: unknown) {
      return mapError(error, log);
    }
  };
}

/** Like apiRoute, for the few routes that work without a session. */
export function publicApiRoute<Params = Record<string, never>>(handler: PublicHandler<Params>) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    const log = logger().child({
      requestId: randomUUID(),
      method: request.method,
      path: new URL(request.url).pathname,
    });
    try {
      assertSameOrigin(request);
      return await handler({ request, params: await context.params, log });
    } catch (error: unknown) {
      return mapError(error, log);
    }
  };
}
