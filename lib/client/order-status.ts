import type { OrderView } from "../api/views";

/**
 * Checks for a paid order whose resource failed. The cluster manager marks
 * the order FAILED together with the resource, but a pushed resource:failed
 * event updates only the cached resource until the order is refetched, so
 * both are checked.
 */
export function hasFailedResource(order: OrderView): boolean {
  return order.status === "FAILED" || order.resource?.status === "FAILED";
}
