/**
 * JSON shapes the API returns and the pages read. Dates are ISO 8601 strings
 * and money is integer minor units next to a currency code.
 */
import type { ResourceKindName } from "../catalog/types";
import type { OrderSpec } from "../orders/order-schema";

export type OrderStatusName =
  "SUBMITTED" | "INVOICED" | "PAID" | "PROVISIONING" | "COMPLETED" | "CANCELLED" | "FAILED";
export type InvoiceStatusName = "OPEN" | "PAID" | "VOID";
export type PaymentStatusName = "REQUIRES_CONFIRMATION" | "PROCESSING" | "SUCCEEDED" | "FAILED";
export type ResourceStatusName = "PENDING" | "PROVISIONING" | "ACTIVE" | "FAILED";
export type RefundStatusName = "PENDING" | "SUCCEEDED" | "FAILED";
/** Reason billing refunded a payment: its invoice was voided first, or its resource failed. */
export type RefundReasonName = "INVOICE_VOIDED" | "RESOURCE_FAILED";

export interface LineItemView {
  position: number;
  description: string;
  quantity: number;
  unitPriceMinor: number;
  amountMinor: number;
}

export interface PaymentView {
  id: string;
  invoiceId: string;
  status: PaymentStatusName;
  provider: string;
  amountMinor: number;
  currency: string;
  failureReason: string | null;
  checkoutUrl: string;
  createdAt: string;
  settledAt: string | null;
}

export interface RefundView {
  id: string;
  paymentId: string;
  status: RefundStatusName;
  reason: RefundReasonName;
  amountMinor: number;
  currency: string;
  /** The provider's explanation when the refund FAILED. */
  failureReason: string | null;
  createdAt: string;
  /** When the provider reported the refund SUCCEEDED or FAILED. */
  completedAt: string | null;
}

export interface InvoiceSummaryView {
  id: string;
  number: string;
  orderId: string;
  status: InvoiceStatusName;
  currency: string;
  totalMinor: number;
  issuedAt: string;
  dueAt: string;
  expiresAt: string;
  paidAt: string | null;
}

export interface InvoiceView extends InvoiceSummaryView {
  subtotalMinor: number;
  taxMinor: number;
  taxName: string;
  taxBasisPoints: number;
  lineItems: LineItemView[];
  /** Newest first. */
  payments: PaymentView[];
  /** Newest first. A PAID invoice stays PAID when its payment is refunded. */
  refunds: RefundView[];
  order: { id: string; kind: ResourceKindName; name: string };
}

export interface ConnectionDetails {
  /** Label and value pairs, like "IPv4 address" and "203.0.113.10". */
  fields: { label: string; value: string; /** Masked on screen until shown. */ secret?: boolean }[];
}

export interface ResourceView {
  id: string;
  orderId: string;
  kind: ResourceKindName;
  name: string;
  driver: string;
  status: ResourceStatusName;
  progress: number;
  currentStep: string | null;
  connection: ConnectionDetails | null;
  failureReason: string | null;
  createdAt: string;
  activatedAt: string | null;
}

export interface OrderView {
  id: string;
  kind: ResourceKindName;
  name: string;
  status: OrderStatusName;
  spec: OrderSpec;
  quotedMonthlyMinor: number;
  currency: string;
  cancelReason: string | null;
  createdAt: string;
  invoice: InvoiceSummaryView | null;
  resource: ResourceView | null;
}

/** Body of every 4xx and 5xx response. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: { field: string; message: string }[];
  };
}
