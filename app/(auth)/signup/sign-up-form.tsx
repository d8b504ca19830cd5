"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/form-field";
import { FormAlert } from "@/components/ui/form-alert";
import { signUpSchema, type SignUpInput } from "@/lib/auth/account-schema";
import { ApiError } from "@/lib/client/api-error";
import {
  fieldErrorsOfApi,
  fieldErrorsOfZod,
  formMessageOf,
  useFormErrors,
} from "@/lib/client/form-errors";
import { signUp } from "@/lib/client/queries";

const fieldLabels: Record<keyof SignUpInput, string> = {
  name: "Name",
  email: "Email",
  password: "Password",
  country: "Billing country",
};
const fields = Object.keys(fieldLabels) as (keyof SignUpInput)[];

interface SignUpFormProps {
  countries: readonly { code: string; name: string }[];
}

export function SignUpForm({ countries }: SignUpFormProps) {
  const router = useRouter();
  const [values, setValues] = useState<SignUpInput>({
    name: "",
    email: "",
    password: "",
    country: "",
  });
  const [pending, setPending] = useState(false);
  const errors = useFormErrors();

  function update(field: keyof SignUpInput, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    errors.clearField(field);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = signUpSchema.safeParse(values);
    if (!parsed.success) {
      errors.report(fieldErrorsOfZod(parsed.error));
      return;
    }
    setPending(true);
    errors.clear();
    try {
      await signUp(parsed.data);
    } catch (error: unknown) {
      setPending(false);
      if (error instanceof ApiError && error.fields.length > 0) {
        const { errors: byField, unmatched } = fieldErrorsOfApi(error.fields, fields);
        const message = unmatched.length > 0 ? error.message : null;
        errors.report(byField, message);
      } else {
        errors.report({}, formMessageOf(error));
      }
      return;
    }

    const result = await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirect: false,
    }).catch(() => undefined);
    if (!result?.ok) {
      // The account exists; only the automatic sign-in failed.
      router.replace("/signin?callbackUrl=%2Fdashboard");
      return;
    }
    router.replace("/dashboard");
    router.refresh();
  }

  const invalid = fields.filter((field) => errors.fieldErrors[field]).map((f) => fieldLabels[f]);

  return (
    <form method="post" ref={errors.formRef} onSubmit={submit} noValidate className="space-y-5">
      <FormAlert message={errors.formError} invalidFields={invalid} />
      <Field id="name" label="Name" error={errors.fieldErrors.name}>
        {(control) => (
          <input
            {...control}
            name="name"
            autoComplete="name"
            value={values.name}
            onChange={(event) => update("name", event.target.value)}
            className={inputClass}
          />
        )}
      </Field>
      <Field id="email" label="Email" error={errors.fieldErrors.email}>
        {(control) => (
          <input
            {...control}
            type="email"
            name="email"
            autoComplete="email"
            value={values.email}
            onChange={(event) => update("email", event.target.value)}
            className={inputClass}
          />
        )}
      </Field>
      <Field
        id="password"
        label="Password"
        hint="At least 10 characters."
        error={errors.fieldErrors.password}
      >
        {(control) => (
          <input
            {...control}
            type="password"
            name="password"
            autoComplete="new-password"
            value={values.password}
            onChange={(event) => update("password", event.target.value)}
            className={inputClass}
          />
        )}
      </Field>
      <Field
        id="country"
        label="Billing country"
        hint="Sets the tax on your invoices."
        error={errors.fieldErrors.country}
      >
        {(control) => (
          <select
            {...control}
            name="country"
            autoComplete="country"
            value={values.country}
            onChange={(event) => update("country", event.target.value)}
            className={inputClass}
          >
            <option value="">Choose a country</option>
            {countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Button type="submit" pending={pending} pendingLabel="Creating account…" className="w-full">
        Create account
      </Button>
    </form>
  );
}
