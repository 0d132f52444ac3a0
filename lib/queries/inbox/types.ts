// Pure: the shapes of the 待办 inbox. An entry is work waiting on the viewer, with the link that takes them there;
// it leaves when the work is done (the query no longer finds it), not when it is seen.

import 'server-only';
export type InboxKind =
  | 'report.notStarted'
  | 'report.draft'
  | 'report.returned'
  | 'reminder'
  | 'supervision.toAnswer'
  | 'review.submitted'
  | 'review.late'
  | 'supervision.toAccept'
  | 'supervision.overdue'
  | 'bulletin.latest'
  | 'notice.deliveryFailed';

export interface InboxEntry {
  /** Stable within one list: what the entry is about (`supervision:12`, `report:2026-10`, …). */
  key: string;
  kind: InboxKind;
  title: string;
  detail: string | null;
  href: string;
  tone: 'bad' | 'warn' | 'info';
  at: Date | null;
}

export interface InboxNoticeDto {
  id: number;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: Date;
}

export interface InboxDto {
  entries: InboxEntry[];
  notices: InboxNoticeDto[];
}

/** The latest bulletin for a leader, when bulletins exist (the bulletin domain provides it; until then, none). */
export type LatestBulletinSource = (viewerId: number) => Promise<{ title: string; href: string; publishedAt: Date } | null>;
