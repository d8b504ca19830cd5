import { Field, inputClass } from "../ui/form-field";

interface NameFieldProps {
  value: string;
  error?: string;
  onChange: (value: string) => void;
  placeholder: string;
}

/** Renders the resource name input of the compute order forms; the order schema sets its rules. */
export function NameField({ value, error, onChange, placeholder }: NameFieldProps) {
  return (
    <Field
      id="name"
      label="Name"
      hint="3 to 63 lowercase letters, digits and hyphens, not starting or ending with a hyphen. It becomes part of the hostname."
      error={error}
    >
      {(control) => (
        <input
          {...control}
          name="name"
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className={inputClass}
        />
      )}
    </Field>
  );
}
