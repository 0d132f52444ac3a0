'use client';
// The reporter's form between page loads. A draft save answers with what it wrote (each saved row's id, version,
// status and soft-check warnings, the submission's version) instead of the page rendered again, and the form draws
// that over what the page was rendered with. The newer version of a row wins, so a page rendered afresh (保存并报送
// and 撤回 still re-render it) takes over by itself. The rows saved are also kept in sessionStorage: a page the router
// restores on Back, rendered before the save, would otherwise name old versions and meet a false version conflict.
import { useActionState, useEffect, useState, useTransition } from 'react';
import type { ActionState } from '@/lib/actions/action-state';
import { queueState, type QueueState, type QueueStateInput } from '@/lib/reporting/queue-state';
import type { EntryFormProps, EntryIndicator, EntryItem, EntryTask, ItemStatus } from './types';

/** The month's badge and completeness line, as the page drew them or as the last save moved them. */
export interface MonthStatus {
  state: QueueState;
  /** The submission's status, or 'none' before anything is saved. */
  submission: string;
  entered: number;
  required: number;
}

/** What the page knew about the month: the badge's inputs (lib/reporting/queue-state.ts) and what it showed. */
export interface MonthFacts {
  facts: QueueStateInput;
  status: MonthStatus;
}

interface SavedValue {
  id: number;
  version: number;
  status: ItemStatus;
  warnings: string[];
  text: string;
  comment: string | null;
}

type SavedTask = NonNullable<EntryTask['current']>;

/** The save action's answer, as far as the form reads it (lib/actions/reporting-entry.ts SaveFormResult). */
interface SaveAnswer {
  saved: {
    submissionId: number | null;
    version: number;
    status: string;
    created: number;
    changed: number;
    values: Record<string, { id: number; version: number; status: ItemStatus; warnings: string[] }>;
    tasks: Record<string, { id: number; version: number; status: ItemStatus }>;
  };
  submitted: { submitted: number } | null;
}

interface Live {
  values: Record<string, SavedValue>;
  tasks: Record<string, SavedTask>;
  submissionVersion: number;
  /** The facts the status below was moved from: a page rendered afresh brings new ones, and its own status wins. */
  base: MonthFacts | null;
  status: MonthStatus | null;
  items: QueueStateInput['items'] | null;
}

const empty: Live = { values: {}, tasks: {}, submissionVersion: 0, base: null, status: null, items: null };

/** A stored row as the form shows it: the page's, unless this page saved a newer version of it. */
function liveItem(item: EntryItem, saved: SavedValue | undefined): EntryItem {
  if (!saved || (item.current && item.current.version >= saved.version)) return item;
  return { ...item, current: { ...saved, returnReason: item.current?.returnReason ?? null } };
}

function liveTask(task: EntryTask, saved: SavedTask | undefined): EntryTask {
  if (!saved || (task.current && task.current.version >= saved.version)) return task;
  return { ...task, current: saved };
}

const trimmed = (v: string | undefined, before: string | null) => (v === undefined ? before : v.trim() || null);
const taskDone = (t: EntryTask['current']) => Boolean(t?.progress && t?.narrative);

/** The form after a successful draft save: each written row, the month's counts and badge moved by what changed. */
function afterSave(live: Live, answer: SaveAnswer['saved'], sent: Record<string, string>, indicators: EntryIndicator[], tasks: EntryTask[], month: MonthFacts): Live {
  const fresh = live.base !== month;
  const items = { ...(fresh ? month.facts.items : live.items!) };
  const status = { ...(fresh ? month.status : live.status!) };
  const move = (before: ItemStatus | undefined, after: ItemStatus) => {
    if (before) items[before] -= 1;
    else items.total += 1;
    items[after] += 1;
  };
  const values = { ...live.values };
  const byKey = new Map(indicators.flatMap((i) => i.items.map((x) => [x.key, liveItem(x, live.values[x.key])] as const)));
  for (const [key, row] of Object.entries(answer.values)) {
    const item = byKey.get(key);
    if (!item) continue;
    move(item.current?.status, row.status);
    if (item.required && !item.current) status.entered += 1;
    const comment = sent[`values.${key}.comment`];
    values[key] = { ...row, text: (sent[`values.${key}.value`] ?? '').trim(), comment: trimmed(comment, item.current?.comment ?? null) };
  }
  const savedTasks = { ...live.tasks };
  for (const [id, row] of Object.entries(answer.tasks)) {
    const task = tasks.find((t) => String(t.id) === id);
    if (!task) continue;
    const before = liveTask(task, live.tasks[id]).current;
    move(before?.status, row.status);
    const base = `tasks.${id}`;
    const progress = sent[`${base}.progress`];
    const next: SavedTask = {
      ...row,
      progress: progress === undefined ? (before?.progress ?? null) : progress || null,
      narrative: trimmed(sent[`${base}.narrative`], before?.narrative ?? null),
      note: trimmed(sent[`${base}.note`], before?.note ?? null),
      returnReason: before?.returnReason ?? null,
    };
    if (task.required) status.entered += Number(taskDone(next)) - Number(taskDone(before));
    savedTasks[id] = next;
  }
  if (answer.submissionId !== null) status.submission = answer.status;
  status.state = queueState({ ...month.facts, items });
  return { values, tasks: savedTasks, submissionVersion: Math.max(live.submissionVersion, answer.version), base: month, status, items };
}

/**
 * The save action's state and the form's data as it stands after this page's saves: the items and tasks to draw, the
 * month's status, and the submission version a 撤回 must name.
 */
export function useLiveForm(props: Pick<EntryFormProps, 'action' | 'unitId' | 'month' | 'indicators' | 'tasks'> & { monthFacts: MonthFacts }) {
  const [state, formAction, pending] = useActionState(props.action, { status: 'idle' } as ActionState<unknown>);
  const [, startTransition] = useTransition();
  const [sent, setSent] = useState<Record<string, string> | null>(null);
  const [live, setLive] = useState<Live>(empty);
  const [seen, setSeen] = useState(state);
  const storageKey = `report-live:${props.unitId}:${props.month}`;

  // A new answer: fold it in while rendering (React's pattern for state derived from a change), not in an effect.
  if (seen !== state) {
    setSeen(state);
    const answer = state.status === 'success' ? (state.data as SaveAnswer) : null;
    if (answer && sent) setLive(afterSave(live, answer.saved, sent, props.indicators, props.tasks, props.monthFacts));
  }

  // Rows saved earlier in this tab: sessionStorage is only readable after mount (the server has none). Where the page
  // is older than a kept row (Back restores the router's copy from before the save), an untouched field is given
  // the saved text too: its defaultValue alone would not change what it shows, and a save would write the old one.
  useEffect(() => {
    let kept: Pick<Live, 'values' | 'tasks' | 'submissionVersion'>;
    try {
      kept = JSON.parse(window.sessionStorage.getItem(storageKey) ?? 'null');
    } catch {
      return;
    }
    if (!kept?.values || !kept.tasks) return;
    const show = (name: string, shown: string | null | undefined, saved: string | null) => {
      for (const el of Array.from(document.getElementsByName(name))) {
        if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) && el.value === (shown ?? '')) el.value = saved ?? '';
      }
    };
    for (const item of props.indicators.flatMap((i) => i.items)) {
      const saved = kept.values[item.key];
      if (!saved || !item.editable || (item.current && item.current.version >= saved.version)) continue;
      show(`values.${item.key}.value`, item.current?.text, saved.text);
      show(`values.${item.key}.comment`, item.current?.comment, saved.comment);
    }
    for (const task of props.tasks) {
      const saved = kept.tasks[String(task.id)];
      if (!saved || !task.editable || (task.current && task.current.version >= saved.version)) continue;
      for (const part of ['progress', 'narrative', 'note'] as const) show(`tasks.${task.id}.${part}`, task.current?.[part], saved[part]);
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncing from sessionStorage is what effects are for
    setLive((l) => ({ ...l, values: { ...kept.values, ...l.values }, tasks: { ...kept.tasks, ...l.tasks }, submissionVersion: Math.max(l.submissionVersion, kept.submissionVersion ?? 0) }));
    // Once, on mount: the page's own rows are what the kept ones are measured against.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey]);

  useEffect(() => {
    if (Object.keys(live.values).length + Object.keys(live.tasks).length === 0) return;
    window.sessionStorage.setItem(storageKey, JSON.stringify({ values: live.values, tasks: live.tasks, submissionVersion: live.submissionVersion }));
  }, [live, storageKey]);

  function submit(data: FormData) {
    const fields: Record<string, string> = {};
    for (const [name, value] of data) if (typeof value === 'string') fields[name] = value;
    setSent(fields);
    startTransition(() => formAction(data));
  }

  return {
    state,
    pending,
    formAction,
    submit,
    indicators: props.indicators.map((i) => ({ ...i, items: i.items.map((x) => liveItem(x, live.values[x.key])) })),
    tasks: props.tasks.map((t) => liveTask(t, live.tasks[String(t.id)])),
    status: live.base === props.monthFacts && live.status ? live.status : props.monthFacts.status,
    submissionVersion: live.submissionVersion,
  };
}
