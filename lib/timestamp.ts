// Pure: an instant as a Beijing wall-clock timestamp with seconds, for audit trails and exports (where minutes,
// as in lib/format.ts formatDateTime, are not precise enough).
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** 2026-11-15 10:00:07 (Asia/Shanghai, the same in every locale: it sorts, and Excel reads it as a date-time). */
export function formatTimestamp(instant: Date | string): string {
  const all = parts.formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => all.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}
