// Server only. The database channel: a notice is a row, written in the caller's transaction (so it exists exactly
// when the change it announces does), shown in the recipients' 待办 inbox.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { recipientOf, type NoticeChannel, type NoticeMessage, type StoredNotice } from '@/lib/notices/channel';

type Client = Pick<Prisma.TransactionClient, 'notice'>;

export function databaseChannel(client: Client): NoticeChannel & { record(message: NoticeMessage, at: Date, isDemo?: boolean): Promise<StoredNotice> } {
  return {
    name: 'database',
    async record(message, at, isDemo = false) {
      const { unitId, userId } = recipientOf(message);
      const row = await client.notice.create({
        data: { kind: message.kind, unitId, userId, title: message.title, body: message.body ?? null, link: message.link ?? null, createdAt: at, isDemo },
        select: { id: true, createdAt: true },
      });
      return { ...message, id: row.id, createdAt: row.createdAt };
    },
    async deliver(notice) {
      const existing = await client.notice.findUnique({ where: { id: notice.id }, select: { id: true } });
      if (!existing) await this.record(notice, notice.createdAt);
    },
  };
}
