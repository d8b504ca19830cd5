import type { ReactNode } from "react";

/** Attributes that tie a control to its label, hint and error. */
export interface ControlProps {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby"?: string;
}

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Renders the control with the attributes that connect it to the label and messages. */
  children: (control: ControlProps) => ReactNode;
}

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-xs placeholder:text-slate-400 aria-invalid:border-red-600 aria-invalid:ring-1 aria-invalid:ring-red-600 disabled:bg-slate-100";

export const labelClass = "block text-sm font-semibold text-slate-900";
export const hintClass = "text-sm text-slate-600";
export const errorClass = "flex gap-1.5 text-sm font-medium text-red-700";

/** Ids of a control's hint and error, in reading order, for aria-describedby. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/**
 * Renders a labelled form control with an optional hint and error. The error
 * is linked through aria-describedby and marks the control aria-invalid, so a
 * screen reader reads it when the control gets focus.
 */
export function Field({ id, label, hint, error, children }: FieldProps) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      ) : null}
      {children({
        id,
        "aria-invalid": Boolean(error),
        "aria-describedby": describedBy(id, hint, error),
      })}
      <FieldError id={id} error={error} />
    </div>
  );
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className={errorClass}>
      <ErrorIcon />
      <span>{error}</span>
    </p>
  );
}

/** Draws an exclamation mark in a circle. It is decorative because the message text carries the meaning. */
function ErrorIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      fill="currentColor"
      className="mt-0.5 size-4 shrink-0"
    >
      <path
        fillRule="evenodd"
        d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm-.75-11.5a.75.75 0 0 1 1.5 0v4a.75.75 0 0 1-1.5 0v-4ZM10 14.5a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
        clipRule="evenodd"
      />
    </svg>
  );
}

interface ChoiceGroupProps {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}

/** Renders a fieldset of radio choices with a legend, hint and error. */
export function ChoiceGroup({ id, legend, hint, error, children }: ChoiceGroupProps) {
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy(id, hint, error)}>
      <legend className={labelClass}>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

interface ChoiceCardProps {
  name: string;
  value: string;
  checked: boolean;
  invalid: boolean;
  onChange: (value: string) => void;
  title: ReactNode;
  detail?: ReactNode;
  aside?: ReactNode;
}

/**
 * Renders one radio choice as a card. The whole card is clickable, the title
 * is the radio's accessible name and the detail and price are its description.
 */
export function ChoiceCard({
  name,
  value,
  checked,
  invalid,
  onChange,
  title,
  detail,
  aside,
}: ChoiceCardProps) {
  const id = `${name}-${value}`;
  const described = [detail ? `${id}-detail` : null, aside ? `${id}-aside` : null].filter(Boolean);
  return (
    <label
      htmlFor={id}
      className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-300 bg-white p-3 has-checked:border-sky-700 has-checked:bg-sky-50 has-checked:ring-1 has-checked:ring-sky-700 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-focus"
    >
      <input
        type="radio"
        id={id}
        name={name}
        value={value}
        checked={checked}
        aria-invalid={invalid}
        aria-labelledby={`${id}-title`}
        aria-describedby={described.length ? described.join(" ") : undefined}
        onChange={() => onChange(value)}
        className="mt-1 size-4 shrink-0 accent-sky-700 focus-visible:outline-none"
      />
      <span className="flex min-w-0 flex-1 flex-wrap items-start justify-between gap-x-4 gap-y-1">
        <span className="min-w-0">
          <span id={`${id}-title`} className="block font-semibold text-slate-900">
            {title}
          </span>
          {detail ? (
            <span id={`${id}-detail`} className="block text-sm text-slate-600">
              {detail}
            </span>
          ) : null}
        </span>
        {aside ? (
          <span id={`${id}-aside`} className="text-sm font-semibold text-slate-900">
            {aside}
          </span>
        ) : null}
      </span>
    </label>
  );
}
