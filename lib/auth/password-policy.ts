// Pure: the password and session policy (等保 2.0 level 3, configurable by the security admin) and its checks.
import { z } from 'zod';
import { COMMON_PASSWORDS } from '@/lib/auth/common-passwords';

export const securityPolicySchema = z
  .object({
    minLength: z.coerce.number().int().min(8).max(64),
    minClasses: z.coerce.number().int().min(1).max(4),
    expiryDays: z.coerce.number().int().min(0).max(365),
    historyCount: z.coerce.number().int().min(0).max(24),
    lockoutThreshold: z.coerce.number().int().min(3).max(20),
    lockoutMinutes: z.coerce.number().int().min(1).max(1440),
    idleMinutes: z.coerce.number().int().min(5).max(240),
    absoluteHours: z.coerce.number().int().min(1).max(24),
    /** 等保 8.1.4.1 d): every account, not only the admins, must use a second factor. A form checkbox sends "true" or nothing. */
    secondFactorForAll: z.preprocess((v) => v === true || v === 'true', z.boolean()),
  })
  .strict();

export type SecurityPolicy = z.infer<typeof securityPolicySchema>;

export const defaultSecurityPolicy: SecurityPolicy = {
  minLength: 10,
  minClasses: 3,
  expiryDays: 90,
  historyCount: 3,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  idleMinutes: 30,
  absoluteHours: 12,
  secondFactorForAll: false,
};

/** Lower case, upper case, digits, and everything else (symbols, Chinese characters). */
export function characterClasses(password: string): number {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];
  return classes.filter((re) => re.test(password)).length;
}

export type PasswordProblem = 'tooShort' | 'tooFewClasses' | 'containsUsername' | 'common' | 'tooLong';

/** Every rule the password breaks (empty when it is acceptable). Length counts characters, not bytes. */
export function checkPasswordPolicy(password: string, username: string, policy: SecurityPolicy): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < policy.minLength) problems.push('tooShort');
  if (length > 128) problems.push('tooLong');
  if (characterClasses(password) < policy.minClasses) problems.push('tooFewClasses');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push('containsUsername');
  if (COMMON_PASSWORDS.has(password.toLowerCase())) problems.push('common');
  return problems;
}

export function isPasswordExpired(changedAt: Date, now: Date, policy: SecurityPolicy): boolean {
  return policy.expiryDays > 0 && now.getTime() - changedAt.getTime() > policy.expiryDays * 86_400_000;
}

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export type SessionVerdict = 'valid' | 'revoked' | 'expired' | 'idle';

export function judgeSession(session: SessionTimes, now: Date, policy: SecurityPolicy): SessionVerdict {
  if (session.revokedAt) return 'revoked';
  if (now >= session.expiresAt || now.getTime() - session.createdAt.getTime() >= policy.absoluteHours * 3_600_000) return 'expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= policy.idleMinutes * 60_000) return 'idle';
  return 'valid';
}
