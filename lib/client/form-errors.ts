"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { z } from "zod";
import { ApiError, type ApiFieldError } from "./api-error";

/** Error message of each invalid field, keyed by dotted path like `source.image`. */
export type FieldErrors = Record<string, string>;

/** Collects the first message of each field a zod parse rejected. */
export function fieldErrorsOfZod(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".");
    if (field && !(field in errors)) errors[field] = issue.message;
  }
  return errors;
}

/**
 * Collects the first message of each field an API error names, with `prefix`
 * removed: POST /api/orders names fields like `order.planId`, the form uses
 * `planId`.
 * Fields outside the prefix, and fields the form lacks, are left to the
 * caller through `unmatched`.
 */
export function fieldErrorsOfApi(
  fields: ApiFieldError[],
  known: readonly string[],
  prefix = "",
): { errors: FieldErrors; unmatched: ApiFieldError[] } {
  const errors: FieldErrors = {};
  const unmatched: ApiFieldError[] = [];
  for (const { field, message } of fields) {
    const name = prefix && field.startsWith(prefix) ? field.slice(prefix.length) : field;
    if (known.includes(name)) {
      errors[name] ??= message;
    } else {
      unmatched.push({ field, message });
    }
  }
  return { errors, unmatched };
}

/** Returns the message to show above a form for an error that belongs to no field. */
export function formMessageOf(error: unknown): string {
  // API messages already name what failed and what to do, like "Too many
  // attempts; try again in 42 s".
  if (error instanceof ApiError) return error.message;
  return "Something went wrong. Try again in a moment.";
}

/**
 * State of a form's errors: field messages, one message for the whole form,
 * and focus moved to the first invalid control (in document order) each time
 * errors are reported, so keyboard and screen reader users land on it.
 */
export function useFormErrors() {
  const formRef = useRef<HTMLFormElement>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    if (focusRequest === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [focusRequest]);

  const report = useCallback((errors: FieldErrors, message: string | null = null) => {
    setFieldErrors(errors);
    setFormError(message);
    setFocusRequest((count) => count + 1);
  }, []);

  const clear = useCallback(() => {
    setFieldErrors({});
    setFormError(null);
  }, []);

  /** Drops the message of one field once the customer edits it. */
  const clearField = useCallback((field: string) => {
    setFieldErrors((errors) => {
      if (!(field in errors)) return errors;
      const rest = { ...errors };
      delete rest[field];
      return rest;
    });
  }, []);

  return { formRef, fieldErrors, formError, report, clear, clearField };
}
