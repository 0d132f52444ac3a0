// Server only. Time-based one-time passwords (RFC 6238, 6 digits, 30 s) and single-use recovery codes.
import 'server-only';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as OTPAuth from 'otpauth';

const ISSUER = '北碚双倍增平台';

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label = 'user'): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secretBase32) });
}

export function totpUri(secretBase32: string, username: string): string {
  return totp(secretBase32, username).toString();
}

const PERIOD_MS = 30_000;

/**
 * The 30-second step a code belongs to, or null when it is not a code of this secret now. Accepts the current step
 * and one either side (phone clocks drift). The caller keeps the last step used, so that each code works once.
 */
export function totpStep(secretBase32: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secretBase32).validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / PERIOD_MS) + delta;
}

export function currentTotp(secretBase32: string, now: Date): string {
  return totp(secretBase32).generate({ timestamp: now.getTime() });
}

/** Ten codes of 10 characters in groups (xxxxx-xxxxx); only their hashes are stored. */
export function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: 10 }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Stored as `salt:sha256(salt + code)`: a salted hash (ASVS 6.5.2); the codes themselves carry ~49 random bits. */
export function hashRecoveryCode(code: string, salt = randomBytes(16).toString('hex')): string {
  return `${salt}:${createHash('sha256').update(salt + code.trim().toLowerCase()).digest('hex')}`;
}

export function matchesRecoveryCode(stored: string, code: string): boolean {
  const [salt, digest] = stored.split(':');
  if (!salt || !digest) return false;
  const candidate = hashRecoveryCode(code, salt).split(':')[1];
  return timingSafeEqual(Buffer.from(candidate, 'hex'), Buffer.from(digest, 'hex'));
}
