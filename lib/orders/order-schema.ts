import { z } from "zod";

/**
 * The order form of each resource kind. The browser and the API validate with
 * these same schemas; the API then checks the ids against the catalog.
 */

/** A DNS label usable as a hostname: lowercase letters, digits and inner hyphens. */
export const resourceName = z
  .string({ message: "Enter a name" })
  .trim()
  .min(3, "Use at least 3 characters")
  .max(63, "Use at most 63 characters")
  .regex(
    /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/,
    "Use lowercase letters, digits and hyphens, not at the start or end",
  );

/**
 * Accepts a number, or a string of digits as a form field contains one, and
 * passes anything else (true, [3], "", null) on unchanged so that `schema`
 * rejects it instead of quietly turning it into a number.
 */
const formNumber = <Schema extends z.ZodNumber>(schema: Schema) =>
  z.preprocess(
    (value) =>
      typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value,
    schema,
  );

const catalogId = (what: string) =>
  z.string({ message: `Choose ${what}` }).min(1, `Choose ${what}`);

/**
 * A container image reference like `nginx:1.27` or
 * `ghcr.io/acme/api@sha256:...`: registry host optional, lowercase path,
 * then a tag or a digest.
 */
const imageReference =
  /^(?:[a-z0-9.-]+(?::[0-9]+)?\/)?[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})?$/;

export const virtualMachineOrder = z.object({
  kind: z.literal("VIRTUAL_MACHINE"),
  name: resourceName,
  regionId: catalogId("a region"),
  imageId: catalogId("an operating system image"),
  planId: catalogId("a size"),
});

export const webServiceOrder = z.object({
  kind: z.literal("WEB_SERVICE"),
  name: resourceName,
  source: z.discriminatedUnion("type", [
    z.object({ type: z.literal("runtime"), runtimeId: catalogId("a runtime") }),
    z.object({
      type: z.literal("image"),
      image: z
        .string({ message: "Enter a container image" })
        .trim()
        .min(1, "Enter a container image")
        .max(255, "Use at most 255 characters")
        .regex(imageReference, "Enter an image reference like nginx:1.27 or ghcr.io/acme/api:v2"),
    }),
  ]),
  planId: catalogId("an instance size"),
  instances: formNumber(
    z
      .number({ message: "Enter a number of instances" })
      .int("Enter a whole number")
      .min(1, "Run at least 1 instance")
      .max(10, "Run at most 10 instances; contact support for more"),
  ),
});

export const managedDatabaseOrder = z.object({
  kind: z.literal("MANAGED_DATABASE"),
  name: resourceName,
  engineId: catalogId("an engine and version"),
  planId: catalogId("a size"),
  storageGb: formNumber(
    z
      .number({ message: "Enter the storage in GB" })
      .int("Enter a whole number of GB")
      .min(10, "Use at least 10 GB")
      .max(2000, "Use at most 2000 GB")
      .refine((gb) => gb % 10 === 0, "Use a multiple of 10 GB"),
  ),
});

/**
 * A registrable domain: two or more labels of letters, digits and inner
 * hyphens, each at most 63 characters, 253 in all (RFC 1035). Whether the
 * top-level domain is sold is checked against the catalog.
 */
export const domainName = z
  .string({ message: "Enter a domain name" })
  .trim()
  .toLowerCase()
  .max(253, "Use at most 253 characters")
  .regex(
    /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    "Enter a domain like example.com, without http:// or a trailing dot",
  )
  .refine(
    (value) => value.split(".").length === 2,
    "Enter the domain itself, like example.com: subdomains and endings like .co.uk are not sold here",
  );

export const domainOrder = z.object({
  kind: z.literal("DOMAIN"),
  domain: domainName,
  years: formNumber(
    z
      .number({ message: "Choose the registration period" })
      .int("Choose a whole number of years")
      .min(1, "Register for at least 1 year")
      .max(10, "Register for at most 10 years"),
  ),
});

export const orderSchema = z.discriminatedUnion("kind", [
  virtualMachineOrder,
  webServiceOrder,
  managedDatabaseOrder,
  domainOrder,
]);

export type OrderSpec = z.infer<typeof orderSchema>;
export type OrderKind = OrderSpec["kind"];

/** The request body of POST /api/orders. */
export const createOrderRequest = z.object({
  /** Chosen by the form once per submission, so a retried request creates one order. */
  idempotencyKey: z.string().uuid("Send a UUID as idempotencyKey"),
  order: orderSchema,
});

/** Returns the name a resource is shown under: the domain for a domain, else `name`. */
export function orderName(spec: OrderSpec): string {
  return spec.kind === "DOMAIN" ? spec.domain : spec.name;
}
