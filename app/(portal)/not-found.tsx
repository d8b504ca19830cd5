import { NotFoundMessage } from "@/components/layout/not-found-message";

/** The 404 page of a signed-in page, rendered inside the portal's header and main. */
export default function PortalNotFound() {
  return <NotFoundMessage />;
}
