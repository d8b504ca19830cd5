import { z } from "zod";

/**
 * Every event the portal publishes: its CloudEvents type, which is also the
 * routing key, and the schema of its `data`. Producers validate before writing
 * to the outbox and consumers validate again on receipt.
 */
const uuid = z.string().uuid();
const minor = z.number().int().nonnegative();
const currency = z.string().regex(/^[A-Z]{3}$/);
const kind = z.enum(["VIRTUAL_MACHINE", "WEB_SERVICE", "MANAGED_DATABASE", "DOMAIN"]);

/** Fields every event's data carries, so the web process can route it to the owner. */
const owned = { userId: uuid };

export const eventSchemas = {
  "swiftcloud.order.submitted": z.object({
    ...owned,
    orderId: uuid,
    kind,
  }),
  "swiftcloud.order.cancelled": z.object({
    ...owned,
    orderId: uuid,
    reason: z.string(),
  }),
  "swiftcloud.invoice.issued": z.object({
    ...owned,
    orderId: uuid,
    invoiceId: uuid,
    number: z.string(),
    totalMinor: minor,
    currency,
    dueAt: z.string().datetime(),
  }),
  "swiftcloud.invoice.expired": z.object({
    ...owned,
    orderId: uuid,
    invoiceId: uuid,
  }),
  "swiftcloud.payment.initiated": z.object({
    ...owned,
    invoiceId: uuid,
    paymentId: uuid,
  }),
  "swiftcloud.payment.succeeded": z.object({
    ...owned,
    orderId: uuid,
    invoiceId: uuid,
    paymentId: uuid,
    amountMinor: minor,
    currency,
  }),
  "swiftcloud.payment.failed": z.object({
    ...owned,
    orderId: uuid,
    invoiceId: uuid,
    paymentId: uuid,
    reason: z.string(),
  }),
  "swiftcloud.payment.refunded": z.object({
    ...owned,
    orderId: uuid,
    invoiceId: uuid,
    paymentId: uuid,
    refundId: uuid,
    amountMinor: minor,
    currency,
    /** Why billing refunded the payment: the Refund row's reason. */
    reason: z.enum(["INVOICE_VOIDED", "RESOURCE_FAILED"]),
  }),
  "swiftcloud.resource.provisioning": z.object({
    ...owned,
    orderId: uuid,
    resourceId: uuid,
    kind,
  }),
  "swiftcloud.resource.progress": z.object({
    ...owned,
    orderId: uuid,
    resourceId: uuid,
    step: z.string(),
    percentage: z.number().int().min(0).max(100),
  }),
  "swiftcloud.resource.active": z.object({
    ...owned,
    orderId: uuid,
    resourceId: uuid,
  }),
  "swiftcloud.resource.failed": z.object({
    ...owned,
    orderId: uuid,
    resourceId: uuid,
    reason: z.string(),
  }),
} as const;

export type EventType = keyof typeof eventSchemas;
export type EventData<T extends EventType> = z.infer<(typeof eventSchemas)[T]>;
export const eventTypes = Object.keys(eventSchemas) as EventType[];

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(eventSchemas, value);
}

/** A CloudEvents 1.0 event with the attributes the portal uses. */
export interface CloudEvent<T extends EventType = EventType> {
  specversion: "1.0";
  id: string;
  source: string;
  type: T;
  subject: string;
  time: string;
  datacontenttype: "application/json";
  data: EventData<T>;
}

/** Any event of the catalog, narrowed by `type`. */
export type AnyCloudEvent = { [T in EventType]: CloudEvent<T> }[EventType];
