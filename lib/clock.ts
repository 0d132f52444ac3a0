// The injectable clock. Domain code takes `now` from here (or from its caller), never from `new Date()` directly,
// so tests and demos do not depend on today's date.
import { env } from '@/lib/env';

export type Clock = () => Date;

export const systemClock: Clock = () => {
  const fixed = env().APP_FIXED_NOW;
  return fixed ? new Date(fixed) : new Date();
};

export const fixedClock = (iso: string): Clock => () => new Date(iso);
