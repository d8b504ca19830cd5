import { NotFoundMessage } from "@/components/layout/not-found-message";

/** Shown for a checkout that does not exist or belongs to another customer. */
export default function CheckoutNotFound() {
  return <NotFoundMessage what="Checkout" />;
}
