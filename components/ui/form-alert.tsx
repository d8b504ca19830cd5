interface FormAlertProps {
  /** A message about the whole form, like a rejected sign-in. */
  message: string | null;
  /** Labels of the fields that have errors, named so the customer can find them. */
  invalidFields?: string[];
}

/**
 * Shows the error summary at the top of a form, announced by screen readers when
 * it appears (role="alert"). Field messages stay beside their fields; the
 * summary only names the fields, so each message appears once on the page.
 */
export function FormAlert({ message, invalidFields = [] }: FormAlertProps) {
  if (!message && invalidFields.length === 0) return null;
  const fieldSummary =
    invalidFields.length > 0 ? `Check ${listOf(invalidFields)} and try again.` : null;
  return (
    <div
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900"
    >
      {message ? <p className="font-semibold">{message}</p> : null}
      {fieldSummary ? <p>{fieldSummary}</p> : null}
    </div>
  );
}

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
