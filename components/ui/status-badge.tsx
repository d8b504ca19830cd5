import type {
  InvoiceStatusName,
  OrderStatusName,
  PaymentStatusName,
  ResourceStatusName,
} from "@/lib/api/views";

type Tone = "neutral" | "waiting" | "working" | "good" | "bad";

const toneClass: Record<Tone, string> = {
  neutral: "bg-slate-100 text-slate-800 ring-slate-300",
  waiting: "bg-amber-50 text-amber-900 ring-amber-300",
  working: "bg-sky-50 text-sky-900 ring-sky-300",
  good: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  bad: "bg-red-50 text-red-900 ring-red-300",
};

const dotClass: Record<Tone, string> = {
  neutral: "bg-slate-500",
  waiting: "bg-amber-500",
  working: "bg-sky-600",
  good: "bg-emerald-600",
  bad: "bg-red-600",
};

type Entry = readonly [label: string, tone: Tone];

export const orderStatusLabels: Record<OrderStatusName, Entry> = {
  SUBMITTED: ["Awaiting invoice", "waiting"],
  INVOICED: ["Awaiting payment", "waiting"],
  PAID: ["Paid", "good"],
  PROVISIONING: ["Provisioning", "working"],
  COMPLETED: ["Completed", "good"],
  CANCELLED: ["Cancelled", "neutral"],
  FAILED: ["Failed", "bad"],
};

export const invoiceStatusLabels: Record<InvoiceStatusName, Entry> = {
  OPEN: ["Awaiting payment", "waiting"],
  PAID: ["Paid", "good"],
  VOID: ["Expired", "neutral"],
};

/**
 * A payment's status as the badge shows it. CANCELLED is not a stored status.
 * The portal shows it for a FAILED payment whose checkout the customer left,
 * because leaving a checkout is no error.
 */
export type PaymentBadgeStatus = PaymentStatusName | "CANCELLED";

export const paymentStatusLabels: Record<PaymentBadgeStatus, Entry> = {
  REQUIRES_CONFIRMATION: ["Not confirmed", "neutral"],
  PROCESSING: ["Processing", "working"],
  SUCCEEDED: ["Succeeded", "good"],
  FAILED: ["Failed", "bad"],
  CANCELLED: ["Cancelled", "neutral"],
};

export const resourceStatusLabels: Record<ResourceStatusName, Entry> = {
  PENDING: ["Pending", "neutral"],
  PROVISIONING: ["Provisioning", "working"],
  ACTIVE: ["Active", "good"],
  FAILED: ["Failed", "bad"],
};

type StatusBadgeProps =
  | { of: "order"; status: OrderStatusName }
  | { of: "invoice"; status: InvoiceStatusName }
  | { of: "payment"; status: PaymentBadgeStatus }
  | { of: "resource"; status: ResourceStatusName };

function entryOf(props: StatusBadgeProps): Entry {
  switch (props.of) {
    case "order":
      return orderStatusLabels[props.status];
    case "invoice":
      return invoiceStatusLabels[props.status];
    case "payment":
      return paymentStatusLabels[props.status];
    case "resource":
      return resourceStatusLabels[props.status];
  }
}

/** Shows a status as readable text with a colour, so the text alone carries the meaning. */
export function StatusBadge(props: StatusBadgeProps) {
  const [label, tone] = entryOf(props);
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ring-inset ${toneClass[tone]}`}
    >
      <span aria-hidden="true" className={`size-1.5 rounded-full ${dotClass[tone]}`} />
      {label}
    </span>
  );
}
