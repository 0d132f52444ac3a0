// Server only. Password hashing with argon2id (bcrypt truncates at 72 bytes: 24 Chinese characters).
import 'server-only';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

// OWASP's argon2id setting (19 MiB, 2 iterations, 1 lane).
// Algorithm.Argon2id is an ambient const enum, which isolatedModules cannot read: its value is 2.
const ARGON2ID = 2 as Algorithm;
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFC'));
  } catch {
    return false;
  }
}

/** Spends the same time as a real check, so an unknown username cannot be told apart by timing. */
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('dummy-password-for-timing-equalisation');
  await verifyPassword(await dummyHash, password);
  return false;
}
