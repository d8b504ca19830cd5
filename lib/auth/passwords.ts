import bcrypt from "bcryptjs";

/**
 * bcrypt cost factor: 2^12 rounds take roughly 200 ms on one core of a small
 * server, slow enough to make guessing expensive and fast enough for sign-in.
 */
const cost = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
