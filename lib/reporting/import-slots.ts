// Server only (in-process state). Reading a workbook costs memory and CPU: one import per user at a time, and a few
// for the whole server, so that repeated or parallel uploads cannot starve sign-in and the pages of everyone else.
// Per process: a cluster of servers has one budget per process, which is what memory is counted against.
import { DomainError } from '@/lib/errors';

export const IMPORTS_PER_USER = 1;
export const IMPORTS_PER_SERVER = 4;

const running = new Map<string, number>();
let total = 0;

export class ImportBusyError extends DomainError {
  constructor(readonly scope: 'user' | 'server') {
    super(
      scope === 'user' ? '您已有一个导入正在处理，请等它完成后再试' : '服务器正在处理其他导入，请稍候再试',
      scope === 'user' ? 'One of your imports is still being processed; try again when it has finished' : 'The server is busy with other imports; try again shortly',
    );
  }
}

/** Runs `work` in one of the user's import slots, or refuses at once (no queue: a waiting request holds its upload in memory). */
export async function withImportSlot<T>(user: string, work: () => Promise<T>): Promise<T> {
  const mine = running.get(user) ?? 0;
  if (mine >= IMPORTS_PER_USER) throw new ImportBusyError('user');
  if (total >= IMPORTS_PER_SERVER) throw new ImportBusyError('server');
  running.set(user, mine + 1);
  total++;
  try {
    return await work();
  } finally {
    total--;
    const left = (running.get(user) ?? 1) - 1;
    if (left > 0) running.set(user, left);
    else running.delete(user);
  }
}
