/** Accounts that can sign in but have no role yet cannot use the platform: the admin screens say so, and who must act. */
export function NoRoleNotice({ count, text }: { count: number; text: string }) {
  if (count === 0) return null;
  return (
    <p role="status" data-testid="no-role-notice" className="mb-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {text}
    </p>
  );
}
