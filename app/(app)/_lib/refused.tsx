// Server only (page layer). A page the permission module refuses: the refusal goes to the audit log, then the page
// renders the 403 panel. Pages check for themselves; the menu only hides the link.
import { Forbidden } from '@/components/admin/forbidden';
import type { Actor } from '@/lib/actor';
import { recordRefusal } from '@/lib/mutations/refusals';

export async function refusedPage(actor: Actor, refused: { permission: string; path: string; reason?: string }, text: { title: string; message: string }) {
  await recordRefusal(actor, { action: refused.permission, reason: [`page ${refused.path}`, refused.reason].filter(Boolean).join(': ') });
  return <Forbidden title={text.title} message={text.message} />;
}
