// Server only. Kept so that actions written against this path keep compiling: the action wrapper is the gate's door
// for server actions and lives in lib/gate/action.ts. New code imports from there.
import 'server-only';

export { authorizedAction, refreshing, runAction, type ActionState } from '@/lib/gate/action';
export { domainErrorMessage, domainFieldErrors } from '@/lib/gate/messages';
export { logUnexpected, unexpectedErrorMessage } from '@/lib/gate/admit';
