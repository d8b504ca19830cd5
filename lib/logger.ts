import pino, { type Logger } from "pino";

export type { Logger };

/**
 * Paths never written to a log line. Passwords, session tokens and card data
 * would otherwise leak through a logged request or error object.
 */
const redactedPaths = [
  "password",
  "passwordHash",
  "token",
  "secret",
  "cardNumber",
  "cvc",
  "email",
  "*.password",
  "*.passwordHash",
  "*.token",
  "*.secret",
  "*.cardNumber",
  "*.cvc",
  "*.email",
  "headers.cookie",
  "headers.authorization",
  "req.headers.cookie",
  "req.headers.authorization",
];

/** Creates the one pino logger of a process; `service` names the process. */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({
    level,
    base: { service },
    redact: { paths: redactedPaths, censor: "[redacted]" },
    serializers: { err: pino.stdSerializers.err },
  });
}

let processLogger: Logger | undefined;

/** Returns the process logger, creating it for `service` on first use. */
export function logger(service = process.env.SWIFTCLOUD_SERVICE ?? "web"): Logger {
  processLogger ??= createLogger(service);
  return processLogger;
}
