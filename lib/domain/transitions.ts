import type {
  ActionStatus,
  InvoiceStatus,
  OrderStatus,
  PaymentStatus,
  RefundStatus,
  ResourceStatus,
} from "../db/generated/enums";
import { DomainError } from "./errors";

/**
 * The allowed status changes of every entity, in one place. A change that is
 * not listed is a bug or a race, and `assertTransition` rejects it.
 */
export const transitions = {
  order: {
    SUBMITTED: ["INVOICED", "CANCELLED"],
    INVOICED: ["PAID", "CANCELLED"],
    PAID: ["PROVISIONING", "FAILED"],
    PROVISIONING: ["COMPLETED", "FAILED"],
    COMPLETED: [],
    CANCELLED: [],
    FAILED: [],
  } satisfies Record<OrderStatus, OrderStatus[]>,
  invoice: {
    OPEN: ["PAID", "VOID"],
    PAID: [],
    VOID: [],
  } satisfies Record<InvoiceStatus, InvoiceStatus[]>,
  payment: {
    REQUIRES_CONFIRMATION: ["PROCESSING", "FAILED"],
    PROCESSING: ["SUCCEEDED", "FAILED"],
    SUCCEEDED: [],
    FAILED: [],
  } satisfies Record<PaymentStatus, PaymentStatus[]>,
  // A refund stays PENDING while the provider reports it pending, so the
  // only changes are to its final statuses.
  refund: {
    PENDING: ["SUCCEEDED", "FAILED"],
    SUCCEEDED: [],
    FAILED: [],
  } satisfies Record<RefundStatus, RefundStatus[]>,
  resource: {
    PENDING: ["PROVISIONING", "FAILED"],
    PROVISIONING: ["ACTIVE", "FAILED"],
    ACTIVE: [],
    FAILED: [],
  } satisfies Record<ResourceStatus, ResourceStatus[]>,
  action: {
    PENDING: ["RUNNING", "FAILED"],
    RUNNING: ["SUCCEEDED", "FAILED"],
    SUCCEEDED: [],
    FAILED: [],
  } satisfies Record<ActionStatus, ActionStatus[]>,
} as const;

export type Entity = keyof typeof transitions;

export function canTransition<E extends Entity>(
  entity: E,
  from: keyof (typeof transitions)[E],
  to: string,
): boolean {
  const allowed = transitions[entity][from] as readonly string[];
  return allowed.includes(to);
}

/** Throws a conflict DomainError when `from` may not change to `to`. */
export function assertTransition<E extends Entity>(
  entity: E,
  from: keyof (typeof transitions)[E],
  to: string,
): void {
  if (!canTransition(entity, from, to)) {
    throw new DomainError("conflict", `${entity} cannot change from ${String(from)} to ${to}`);
  }
}
