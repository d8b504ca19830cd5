import Link from "next/link";
import type { ResourceView } from "@/lib/api/views";
import { formatDateTime } from "@/lib/client/format";
import { kindLabel } from "@/lib/client/resource-kinds";
import { DriverLabel } from "../ui/provider-labels";
import { ProgressBar } from "../ui/progress-bar";
import { StatusBadge } from "../ui/status-badge";
import { ConnectionDetailsList } from "./connection-details";

const supportEmail = "support@swiftcloud.example";

interface ResourceStatusProps {
  resource: ResourceView;
  /** Region, plan and options, when the order is at hand. */
  summary?: string | null;
  headingLevel?: 2 | 3;
  /** Links the name to the resource's own page. */
  linkToDetail?: boolean;
}

/**
 * Shows a resource's live state: status, progress and current step while it
 * is being created, connection details once active, and once failed the
 * reason, the refund and how to reach support.
 */
export function ResourceStatus({
  resource,
  summary,
  headingLevel = 3,
  linkToDetail = false,
}: ResourceStatusProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:p-5">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <Heading className="text-lg font-semibold break-all text-slate-900">
            {linkToDetail ? (
              <Link
                href={`/resources/${resource.id}`}
                className="underline decoration-slate-300 underline-offset-4 hover:decoration-slate-900"
              >
                {resource.name}
              </Link>
            ) : (
              resource.name
            )}
          </Heading>
          <p className="text-sm text-slate-600">
            {kindLabel(resource.kind)}
            {summary ? ` · ${summary}` : null}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <DriverLabel driver={resource.driver} />
          <StatusBadge of="resource" status={resource.status} />
        </div>
      </header>
      <ResourceStatusBody resource={resource} />
    </article>
  );
}

function ResourceStatusBody({ resource }: { resource: ResourceView }) {
  switch (resource.status) {
    case "PENDING":
    case "PROVISIONING":
      return (
        <ProgressBar
          value={resource.progress}
          step={resource.currentStep ?? (resource.status === "PENDING" ? "Queued" : null)}
          label={`Provisioning progress of ${resource.name}`}
        />
      );
    case "ACTIVE":
      return (
        <div className="space-y-2">
          {resource.activatedAt ? (
            <p className="text-sm text-slate-600">
              Active since {formatDateTime(resource.activatedAt)}
            </p>
          ) : null}
          {resource.connection ? (
            <ConnectionDetailsList connection={resource.connection} />
          ) : (
            <p className="text-sm text-slate-600">Loading connection details…</p>
          )}
        </div>
      );
    case "FAILED":
      return <FailedResourceNotice resource={resource} />;
  }
}

/** Tells the customer why a paid resource failed and what happens next. */
function FailedResourceNotice({ resource }: { resource: ResourceView }) {
  // The subject names the resource, so support can find it without asking.
  const subject = encodeURIComponent(`Failed resource ${resource.name} (${resource.id})`);
  return (
    <div className="space-y-1 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
      <p>
        <span className="font-semibold">Provisioning failed: </span>
        {resource.failureReason ?? "the provisioning driver gave no reason."}
      </p>
      <p>
        The charge for this resource will be refunded.{" "}
        <a href={`mailto:${supportEmail}?subject=${subject}`} className="font-semibold underline">
          Contact support
        </a>{" "}
        if you have questions or want help ordering it again.
      </p>
    </div>
  );
}
