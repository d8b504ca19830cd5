import "server-only";
import { prisma } from "@/lib/db/client";
import { notFound } from "@/lib/domain/errors";
import { billingCountries } from "@/prisma/catalog-data";

export interface AccountView {
  name: string;
  email: string;
  countryCode: string;
  /** The country's name, or its code when the sign-up list no longer has it. */
  countryName: string;
}

/**
 * Reads the signed-in customer's account for the account page and an
 * invoice's billed-to block.
 */
export async function findAccount(userId: string): Promise<AccountView> {
  const user = await prisma().user.findUnique({
    where: { id: userId },
    select: { name: true, email: true, country: true },
  });
  if (!user) throw notFound("Account");
  const country = billingCountries.find((candidate) => candidate.code === user.country);
  return {
    name: user.name,
    email: user.email,
    countryCode: user.country,
    countryName: country?.name ?? user.country,
  };
}
