import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

/** The shortest password the directory accepts. */
export const MIN_PASSWORD_LENGTH = 12;

/** argon2id with the library's defaults (OWASP's minimum: 19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;

/**
 * A hash of a random password, verified against when the e-mail is unknown so that an unknown
 * e-mail costs the same time as a wrong password and the two cannot be told apart.
 */
export function decoyHash(): Promise<string> {
  decoy ??= hash(randomBytes(24).toString('base64'));
  return decoy;
}
