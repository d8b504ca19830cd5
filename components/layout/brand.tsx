import Link from "next/link";

/** Renders the SwiftCloud name as a link home. */
export function Brand({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className="inline-flex items-center gap-2 text-lg font-bold text-slate-900">
      <span
        aria-hidden="true"
        className="grid size-7 place-items-center rounded-md bg-sky-700 text-sm text-white"
      >
        S
      </span>
      SwiftCloud
    </Link>
  );
}
