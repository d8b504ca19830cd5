import { createHash } from "node:crypto";
import bcrypt from "bcryptjs";

/**
 * bcrypt cost factor: 2^12 rounds take roughly 200 ms on one core of a small
 * server (an estimate), slow enough to make guessing expensive and fast
 * enough for sign-in.
 */
const cost = 12;

/**
 * bcrypt reads only the first 72 bytes of its input, so a long password
 * would match any other with the same start. Hashing it with SHA-256 first
 * gives bcrypt 44 characters that depend on every byte.
 */
function digest(password: string): string {
  return createHash("sha256").update(password, "utf8").digest("base64");
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(digest(password), cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(digest(password), hash);
}
