// Pure: input schemas of sign-in and account forms, shared by the forms and the server.
import { z } from 'zod';

export const signInSchema = z
  .object({
    username: z.string().trim().min(1, 'validation.required').max(64),
    password: z.string().min(1, 'validation.required').max(256),
    secondFactor: z.string().trim().max(32).optional().default(''),
  })
  .strict();
export type SignInInput = z.infer<typeof signInSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'validation.required').max(256),
    newPassword: z.string().min(1, 'validation.required').max(256),
    confirmPassword: z.string().min(1, 'validation.required').max(256),
  })
  .strict()
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'validation.passwordsDiffer' });

/** `others`, or the handle of one session (lib/auth/session-handle.ts: 16 hex digits). */
export const endSessionSchema = z
  .object({ session: z.union([z.literal('others', 'validation.session'), z.string('validation.session').regex(/^[0-9a-f]{16}$/, 'validation.session')], 'validation.session') })
  .strict();

export const totpCodeSchema = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'validation.totpCode') }).strict();
