// Pure: no I/O. The one interface every notice channel implements, and the notice it carries. A district plugs its
// own messaging (渝快政, DingTalk, SMS gateway) in behind the webhook channel, without a vendor SDK in this codebase.

/** What happened, for whom, and where to act on it. */
import 'server-only';
export interface NoticeMessage {
  /** 'reporting.reminder', 'supervision.raised', 'supervision.returned', 'supervision.overdue', … */
  kind: string;
  /** Exactly one: all users of a unit, or one user. */
  recipient: { unitId: number } | { userId: number };
  title: string;
  body?: string | null;
  /** A same-site path the recipient opens to act (e.g. /supervision/12). */
  link?: string | null;
}

/** A notice as stored by the database channel: the record every outward delivery refers to. */
export interface StoredNotice extends NoticeMessage {
  id: number;
  createdAt: Date;
}

export interface NoticeChannel {
  readonly name: string;
  /** Delivers one notice once; throws when it was not taken (the dispatcher decides about retrying). */
  deliver(notice: StoredNotice): Promise<void>;
}

export function recipientOf(notice: NoticeMessage): { unitId: number | null; userId: number | null } {
  return 'unitId' in notice.recipient ? { unitId: notice.recipient.unitId, userId: null } : { unitId: null, userId: notice.recipient.userId };
}
