"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "@/lib/client/api-error";
import { formMessageOf } from "@/lib/client/form-errors";
import { queryKeys, startPayment } from "@/lib/client/queries";
import { checkoutLocation } from "@/lib/client/safe-path";
import { Button } from "../ui/button";

interface PayInvoiceButtonProps {
  invoiceId: string;
  /** "Pay" for a first attempt, "Try again" after a failed one. */
  label: "Pay" | "Try again";
  orderId?: string;
}

/**
 * Starts a payment of the invoice and sends the browser to the provider's
 * checkout. A refused start (409: paid, in progress or expired) shows the
 * server's message and refetches the invoice, whose new state explains it.
 */
export function PayInvoiceButton({ invoiceId, label, orderId }: PayInvoiceButtonProps) {
  const queryClient = useQueryClient();
  const payment = useMutation({
    mutationFn: () => startPayment(invoiceId),
    onSuccess: ({ checkoutUrl }) => {
      const location = checkoutLocation(checkoutUrl);
      if (!location) throw new Error(`unusable checkout URL from the server: ${checkoutUrl}`);
      // A full navigation: the checkout belongs to the payment provider,
      // which for a real provider is another site.
      window.location.assign(location);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.invoice(invoiceId) });
        if (orderId) void queryClient.invalidateQueries({ queryKey: queryKeys.order(orderId) });
      }
    },
  });
  // Stays pending after success until the checkout page replaces this one.
  const pending = payment.isPending || payment.isSuccess;

  return (
    <div className="space-y-2">
      <Button onClick={() => payment.mutate()} pending={pending} pendingLabel="Opening checkout…">
        {label}
      </Button>
      {payment.isError ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {formMessageOf(payment.error)}
        </p>
      ) : null}
    </div>
  );
}
