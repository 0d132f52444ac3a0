import { redirect } from 'next/navigation';
import { requireSession } from '@/lib/auth/current-actor';
import { homeFor } from '@/lib/navigation';
import { hasRole } from '@/lib/permissions';
import { countInbox } from '@/lib/queries/inbox';

/** Where sign-in lands by default: a reporter with something waiting goes to 待办, everyone else to their home page. */
export default async function LandPage() {
  const { actor } = await requireSession();
  if (hasRole(actor, 'unit_reporter') && (await countInbox(actor)) > 0) redirect('/inbox');
  redirect(homeFor(actor));
}
