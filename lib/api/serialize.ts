import type { ResourceKindName } from "../catalog/types";
import type {
  Invoice,
  InvoiceLineItem,
  Order,
  Payment,
  Refund,
  Resource,
} from "../db/generated/client";
import { formatInvoiceNumber } from "../billing/invoice-number";
import type { OrderSpec } from "../orders/order-schema";
import type {
  ConnectionDetails,
  InvoiceSummaryView,
  InvoiceView,
  OrderView,
  PaymentView,
  RefundView,
  ResourceView,
} from "./views";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toPaymentView(payment: Payment): PaymentView {
  return {
    id: payment.id,
    invoiceId: payment.invoiceId,
    status: payment.status,
    provider: payment.provider,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    failureReason: payment.failureReason,
    checkoutUrl: payment.checkoutUrl,
    createdAt: payment.createdAt.toISOString(),
    settledAt: iso(payment.settledAt),
  };
}

export function toRefundView(refund: Refund): RefundView {
  return {
    id: refund.id,
    paymentId: refund.paymentId,
    status: refund.status,
    reason: refund.reason,
    amountMinor: refund.amountMinor,
    currency: refund.currency,
    failureReason: refund.failureReason,
    createdAt: refund.createdAt.toISOString(),
    completedAt: iso(refund.completedAt),
  };
}

export function toInvoiceSummaryView(invoice: Invoice): InvoiceSummaryView {
  return {
    id: invoice.id,
    number: formatInvoiceNumber(invoice.sequence),
    orderId: invoice.orderId,
    status: invoice.status,
    currency: invoice.currency,
    totalMinor: invoice.totalMinor,
    issuedAt: invoice.issuedAt.toISOString(),
    dueAt: invoice.dueAt.toISOString(),
    expiresAt: invoice.expiresAt.toISOString(),
    paidAt: iso(invoice.paidAt),
  };
}

export function toInvoiceView(
  invoice: Invoice & {
    lineItems: InvoiceLineItem[];
    payments: Payment[];
    refunds: Refund[];
    order: Order;
  },
): InvoiceView {
  return {
    ...toInvoiceSummaryView(invoice),
    subtotalMinor: invoice.subtotalMinor,
    taxMinor: invoice.taxMinor,
    taxName: invoice.taxName,
    taxBasisPoints: invoice.taxBasisPoints,
    lineItems: [...invoice.lineItems]
      .sort((a, b) => a.position - b.position)
      .map(({ position, description, quantity, unitPriceMinor, amountMinor }) => ({
        position,
        description,
        quantity,
        unitPriceMinor,
        amountMinor,
      })),
    payments: [...invoice.payments]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map(toPaymentView),
    refunds: [...invoice.refunds]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map(toRefundView),
    order: {
      id: invoice.order.id,
      kind: invoice.order.kind as ResourceKindName,
      name: invoice.order.name,
    },
  };
}

export function toResourceView(resource: Resource): ResourceView {
  return {
    id: resource.id,
    orderId: resource.orderId,
    kind: resource.kind as ResourceKindName,
    name: resource.name,
    driver: resource.driver,
    status: resource.status,
    progress: resource.progress,
    currentStep: resource.currentStep,
    connection: (resource.connection as ConnectionDetails | null) ?? null,
    failureReason: resource.failureReason,
    createdAt: resource.createdAt.toISOString(),
    activatedAt: iso(resource.activatedAt),
  };
}

export function toOrderView(
  order: Order & { invoice: Invoice | null; resource: Resource | null },
): OrderView {
  return {
    id: order.id,
    kind: order.kind as ResourceKindName,
    name: order.name,
    status: order.status,
    spec: order.spec as OrderSpec,
    quotedMonthlyMinor: order.quotedMonthlyMinor,
    currency: order.currency,
    cancelReason: order.cancelReason,
    createdAt: order.createdAt.toISOString(),
    invoice: order.invoice ? toInvoiceSummaryView(order.invoice) : null,
    resource: order.resource ? toResourceView(order.resource) : null,
  };
}
