'use server';
// Server actions of the horse race's bureau forms, each through authorizedAction (session → permission → Zod → one
// domain function). The domain functions check the permission again, the tokens the bureau saw, and audit.
import { revalidatePath } from 'next/cache';
import { authorizedAction, type ActionState } from '@/lib/actions/action-state';
import { publishRuleVersion } from '@/lib/mutations/rankings/rule';
import { saveShareGrid, type ShareGridResult } from '@/lib/mutations/rankings/shares';
import { getCurrentPlan } from '@/lib/queries/plan';
import { rankingRuleFormSchema, shareGridSchema } from '@/lib/schemas/rankings';
import { unflattenFields } from '@/lib/schemas/reporting';

const shareJob = authorizedAction({ schema: shareGridSchema, permission: 'target.decompose', name: 'saveShareGrid', parse: unflattenFields }, (actor, input) => saveShareGrid(actor, input));
export async function saveShareGridAction(previous: ActionState<ShareGridResult>, formData: FormData): Promise<ActionState<ShareGridResult>> {
  const state = await shareJob(previous, formData);
  if (state.status === 'success') revalidatePath('/', 'layout');
  return state;
}

const ruleJob = authorizedAction({ schema: rankingRuleFormSchema, permission: 'ranking.manageRule', name: 'publishRuleVersion', parse: unflattenFields }, async (actor, input) =>
  publishRuleVersion(actor, (await getCurrentPlan(actor)).id, input),
);
export async function publishRuleVersionAction(previous: ActionState<{ ruleNo: number }>, formData: FormData): Promise<ActionState<{ ruleNo: number }>> {
  const state = await ruleJob(previous, formData);
  if (state.status === 'success') revalidatePath('/rankings', 'layout');
  return state;
}
