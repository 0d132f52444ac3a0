'use client';
// The month's badge (the unit's state as the bureau's queue names it) and its completeness line. Drawn by the page,
// moved by the form after a draft save (form-live.ts), so both always say what the last save left.
import { createContext, useContext } from 'react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { QueueState } from '@/lib/reporting/queue-state';
import type { MonthStatus } from './form-live';
import { fill } from './types';

const stateTone: Record<QueueState, BadgeTone> = { submitted: 'warn', returned: 'bad', withdrawn: 'bad', missing: 'bad', pending: 'neutral', draft: 'info', approved: 'ok' };

export const MonthStatusContext = createContext<MonthStatus | null>(null);

export function MonthState({ initial, labels, completeness }: { initial: MonthStatus; labels: Record<QueueState, string>; completeness: string }) {
  const status = useContext(MonthStatusContext) ?? initial;
  return (
    <>
      <span data-submission-status={status.submission} data-month-state={status.state}>
        <Badge tone={stateTone[status.state]}>{labels[status.state]}</Badge>
      </span>
      <span className="text-slate-600" data-completeness>
        {fill(completeness, { entered: status.entered, required: status.required })}
      </span>
    </>
  );
}
