import Link from "next/link";
import type { ComponentProps } from "react";
import { buttonClass, type Variant } from "./button-class";

type ButtonLinkProps = ComponentProps<typeof Link> & { variant?: Variant };

/** Renders a link that looks like a button, for navigation that reads as an action. */
export function ButtonLink({ variant = "primary", className = "", ...rest }: ButtonLinkProps) {
  return <Link className={buttonClass(variant, className)} {...rest} />;
}
