/**
 * React Query keys and the API calls behind them. Every key the portal caches
 * is built here, so the socket provider and the pages agree on them.
 */
import type {
  InvoiceSummaryView,
  InvoiceView,
  OrderView,
  PaymentView,
  ResourceView,
} from "../api/views";
import type { SignUpInput } from "../auth/account-schema";
import type { Catalog } from "../catalog/types";
import type { OrderSpec } from "../orders/order-schema";
import type { SandboxCheckoutView } from "../payments/sandbox/get-checkout";
import { fetchJson, postJson } from "./fetch-json";

export const queryKeys = {
  catalog: ["catalog"] as const,
  orders: ["orders"] as const,
  order: (id: string) => ["order", id] as const,
  invoices: ["invoices"] as const,
  invoice: (id: string) => ["invoice", id] as const,
  resources: ["resources"] as const,
  resource: (id: string) => ["resource", id] as const,
  sandboxCheckout: (ref: string) => ["sandbox-checkout", ref] as const,
};

const segment = encodeURIComponent;

export async function fetchCatalog(): Promise<Catalog> {
  return (await fetchJson<{ catalog: Catalog }>("/api/catalog")).catalog;
}

export async function fetchOrders(): Promise<OrderView[]> {
  return (await fetchJson<{ orders: OrderView[] }>("/api/orders")).orders;
}

export async function fetchOrder(id: string): Promise<OrderView> {
  return (await fetchJson<{ order: OrderView }>(`/api/orders/${segment(id)}`)).order;
}

export async function fetchInvoices(): Promise<InvoiceSummaryView[]> {
  return (await fetchJson<{ invoices: InvoiceSummaryView[] }>("/api/invoices")).invoices;
}

export async function fetchInvoice(id: string): Promise<InvoiceView> {
  return (await fetchJson<{ invoice: InvoiceView }>(`/api/invoices/${segment(id)}`)).invoice;
}

export async function fetchResources(): Promise<ResourceView[]> {
  return (await fetchJson<{ resources: ResourceView[] }>("/api/resources")).resources;
}

export async function fetchResource(id: string): Promise<ResourceView> {
  return (await fetchJson<{ resource: ResourceView }>(`/api/resources/${segment(id)}`)).resource;
}

export async function fetchSandboxCheckout(ref: string): Promise<SandboxCheckoutView> {
  const path = `/api/sandbox/checkouts/${segment(ref)}`;
  return (await fetchJson<{ checkout: SandboxCheckoutView }>(path)).checkout;
}

export async function signUp(input: SignUpInput): Promise<void> {
  await postJson<unknown>("/api/signup", input);
}

/** Submits an order. Send the same `idempotencyKey` again to retry one submission. */
export async function createOrder(idempotencyKey: string, order: OrderSpec): Promise<OrderView> {
  return (await postJson<{ order: OrderView }>("/api/orders", { idempotencyKey, order })).order;
}

export interface StartedPayment {
  payment: PaymentView;
  /** The payment provider's hosted checkout page. */
  checkoutUrl: string;
}

/** Starts paying an invoice, or returns the checkout of a payment not confirmed yet. */
export function startPayment(invoiceId: string): Promise<StartedPayment> {
  return postJson<StartedPayment>(`/api/invoices/${segment(invoiceId)}/payments`);
}

export interface SandboxCardDetails {
  cardholderName: string;
  cardNumber: string;
  expiry: string;
  cvc: string;
}

export async function confirmSandboxCheckout(
  ref: string,
  card: SandboxCardDetails,
): Promise<string> {
  const path = `/api/sandbox/checkouts/${segment(ref)}/confirm`;
  return (await postJson<{ redirectUrl: string }>(path, card)).redirectUrl;
}

export async function cancelSandboxCheckout(ref: string): Promise<string> {
  const path = `/api/sandbox/checkouts/${segment(ref)}/cancel`;
  return (await postJson<{ redirectUrl: string }>(path)).redirectUrl;
}
