// The injectable clock. Domain code takes `now` from here (or from its caller), never from `new Date()` directly,
// so tests and demos do not depend on today's date.
import { env } from '@/lib/env';

export type Clock = () => Date;

export const systemClock: Clock = () => {
  const fixed = env().APP_FIXED_NOW;
  return fixed ? new Date(fixed) : new Date();
};

/**
 * The real time, never frozen: for what is checked against devices outside the platform, such as the codes of an
 * authenticator app, which follow the phone's clock whatever APP_FIXED_NOW says.
 */
export const wallClock: Clock = () => new Date();

export const fixedClock = (iso: string): Clock => () => new Date(iso);
