import type { PrismaClient } from "../db/client";
import { DomainError } from "../domain/errors";
import { billingCountries } from "../../prisma/catalog-data";
import type { SignUpInput } from "./account-schema";
import { hashPassword } from "./passwords";

export interface NewUser {
  id: string;
  email: string;
  name: string;
}

/** Creates an account; a taken email is a conflict on the `email` field. */
export async function signUp(db: PrismaClient, input: SignUpInput): Promise<NewUser> {
  if (!billingCountries.some((country) => country.code === input.country)) {
    throw new DomainError("validation", "Unsupported billing country", [
      { field: "country", message: "Choose your billing country from the list" },
    ]);
  }
  const existing = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true },
  });
  const taken = () =>
    new DomainError("conflict", "An account with this email exists already", [
      { field: "email", message: "An account with this email exists already; sign in instead" },
    ]);
  if (existing) throw taken();
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { email: input.email, name: input.name, country: input.country, passwordHash },
      select: { id: true, email: true, name: true },
    });
  } catch (error: unknown) {
    // Two sign-ups with one email at once: the unique index decides.
    if (typeof error === "object" && error !== null && "code" in error && error.code === "P2002")
      throw taken();
    throw error;
  }
}
