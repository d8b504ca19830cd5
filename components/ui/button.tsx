"use client";

import { useSyncExternalStore, type ButtonHTMLAttributes, type ReactNode } from "react";
import { buttonClass, type Variant } from "./button-class";

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  /** While true the button is disabled and shows `pendingLabel` with a spinner. */
  pending?: boolean;
  pendingLabel?: ReactNode;
}

const subscribeToNothing = () => () => undefined;

/**
 * Returns false during the server render and hydration, true once React runs
 * in the browser.
 */
function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}

/**
 * Renders a button with a pending state. While pending it is disabled, so a
 * second click cannot send the request twice, and aria-busy marks the work
 * as under way for assistive technology. A submit button or one with a click
 * handler stays disabled until hydration: before it, a click would do nothing,
 * or submit the form natively and put every field into the URL, a password
 * or card number too.
 */
export function Button({
  variant = "primary",
  pending = false,
  pendingLabel,
  disabled,
  className = "",
  type = "button",
  children,
  ...rest
}: ButtonProps) {
  const hydrated = useHydrated();
  return (
    <button
      type={type}
      disabled={
        disabled || pending || (!hydrated && (type === "submit" || rest.onClick !== undefined))
      }
      aria-busy={pending || undefined}
      className={buttonClass(variant, className)}
      {...rest}
    >
      {pending ? <Spinner /> : null}
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}

function Spinner() {
  return (
    <span
      aria-hidden="true"
      className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent"
    />
  );
}
