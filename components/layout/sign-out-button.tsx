"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "../ui/button";

/** Ends the session and returns to the landing page. */
export function SignOutButton({ variant = "secondary" }: { variant?: "primary" | "secondary" }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant={variant}
      pending={pending}
      pendingLabel="Signing out…"
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/" });
      }}
    >
      Sign out
    </Button>
  );
}
