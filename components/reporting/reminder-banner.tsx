'use client';
// Unseen 催办 reminders at the top of the form; showing them marks them seen for this user.
import { useEffect, useRef, useTransition } from 'react';
import type { ActionState } from '@/lib/actions/action-state';

export function ReminderBanner({
  reminders,
  markSeen,
  title,
}: {
  reminders: { id: number; line: string; message: string | null }[];
  markSeen: (state: ActionState<{ seen: number }>, formData: FormData) => Promise<ActionState<{ seen: number }>>;
  title: string;
}) {
  const [, startTransition] = useTransition();
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current || reminders.length === 0) return;
    sent.current = true;
    const data = new FormData();
    for (const r of reminders) data.append('reminderIds', String(r.id));
    startTransition(async () => {
      await markSeen({ status: 'idle' }, data);
    });
  }, [reminders, markSeen]);
  if (reminders.length === 0) return null;
  return (
    <section role="alert" aria-label={title} className="mb-4 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
      <h2 className="font-semibold">{title}</h2>
      <ul className="mt-1 list-disc pl-5">
        {reminders.map((r) => (
          <li key={r.id}>
            {r.line}
            {r.message ? `：${r.message}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
