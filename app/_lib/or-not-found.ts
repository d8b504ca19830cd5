import "server-only";
import { notFound } from "next/navigation";
import { DomainError } from "@/lib/domain/errors";

/**
 * Awaits a lookup and turns its not_found DomainError into the 404 page.
 * Another customer's order, invoice or resource is not_found too, so a
 * guessed id shows the same page as a missing one.
 */
export async function orNotFound<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (error: unknown) {
    if (error instanceof DomainError && error.code === "not_found") notFound();
    throw error;
  }
}
