"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/form-field";
import { FormAlert } from "@/components/ui/form-alert";
import { signInSchema } from "@/lib/auth/account-schema";
import { fieldErrorsOfZod, useFormErrors } from "@/lib/client/form-errors";

const incorrect = "Email or password is incorrect";
const fieldLabels: Record<string, string> = { email: "Email", password: "Password" };

interface SignInFormProps {
  /** A path on this site, already checked, to open after signing in. */
  callbackUrl: string;
  /** Whether next-auth sent the browser here after a failed sign-in. */
  failedBefore: boolean;
}

export function SignInForm({ callbackUrl, failedBefore }: SignInFormProps) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [pending, setPending] = useState(false);
  const [showFailedBefore, setShowFailedBefore] = useState(failedBefore);
  const errors = useFormErrors();
  const message = errors.formError ?? (showFailedBefore ? incorrect : null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setShowFailedBefore(false);
    const parsed = signInSchema.safeParse({ email, password });
    if (!parsed.success) {
      errors.report(fieldErrorsOfZod(parsed.error));
      return;
    }
    setPending(true);
    errors.clear();
    try {
      const result = await signIn("credentials", {
        email: parsed.data.email,
        password: parsed.data.password,
        redirect: false,
      });
      if (!result?.ok) {
        setPending(false);
        errors.report({}, incorrect);
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setPending(false);
      errors.report({}, "Could not reach SwiftCloud. Check your connection and try again.");
    }
  }

  const invalid = Object.keys(errors.fieldErrors).map((field) => fieldLabels[field] ?? field);

  return (
    <form method="post" ref={errors.formRef} onSubmit={submit} noValidate className="space-y-5">
      <FormAlert message={message} invalidFields={invalid} />
      <Field id="email" label="Email" error={errors.fieldErrors.email}>
        {(control) => (
          <input
            {...control}
            type="email"
            name="email"
            autoComplete="email"
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
              errors.clearField("email");
            }}
            className={inputClass}
          />
        )}
      </Field>
      <Field id="password" label="Password" error={errors.fieldErrors.password}>
        {(control) => (
          <input
            {...control}
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
              errors.clearField("password");
            }}
            className={inputClass}
          />
        )}
      </Field>
      <Button type="submit" pending={pending} pendingLabel="Signing in…" className="w-full">
        Sign in
      </Button>
    </form>
  );
}
