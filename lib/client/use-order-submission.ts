"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import type { z } from "zod";
import type { OrderSpec } from "../orders/order-schema";
import { ApiError } from "./api-error";
import { fieldErrorsOfApi, fieldErrorsOfZod, formMessageOf, useFormErrors } from "./form-errors";
import { newIdempotencyKey } from "./idempotency-key";
import { createOrder, queryKeys } from "./queries";

/**
 * Submitting one order form: validation with the kind's zod schema (the one
 * the API uses), the POST, server field errors mapped back onto the form's
 * fields, and the move to the new order's page.
 *
 * One idempotency key covers one submission and its retries. It is kept
 * after a failed request, so pressing "Place order" again after a timeout
 * cannot create a second order. It is dropped as soon as the customer edits
 * the form, because an edited form is a new order.
 */
export function useOrderSubmission(schema: z.ZodType<OrderSpec>, fields: readonly string[]) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const idempotencyKey = useRef<string | null>(null);
  const [pending, setPending] = useState(false);
  const { clearField } = errors;

  /** Call on every edit: drops the field's error and the submission's key. */
  const edited = useCallback(
    (field: string) => {
      idempotencyKey.current = null;
      clearField(field);
    },
    [clearField],
  );

  async function submit(raw: unknown) {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      errors.report(fieldErrorsOfZod(parsed.error));
      return;
    }
    idempotencyKey.current ??= newIdempotencyKey();
    setPending(true);
    errors.clear();
    try {
      const order = await createOrder(idempotencyKey.current, parsed.data);
      queryClient.setQueryData(queryKeys.order(order.id), order);
      void queryClient.invalidateQueries({ queryKey: queryKeys.orders });
      router.push(`/orders/${order.id}`);
    } catch (error: unknown) {
      setPending(false);
      if (error instanceof ApiError && error.fields.length > 0) {
        const { errors: byField, unmatched } = fieldErrorsOfApi(error.fields, fields, "order.");
        errors.report(byField, unmatched.length > 0 ? error.message : null);
      } else {
        errors.report({}, formMessageOf(error));
      }
    }
  }

  return { ...errors, pending, edited, submit };
}
