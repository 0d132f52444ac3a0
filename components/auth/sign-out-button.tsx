'use client';

import { signOut } from 'next-auth/react';

export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: '/sign-in' })} className="rounded border border-white/40 px-2 py-1 text-xs text-white hover:bg-white/10">
      {label}
    </button>
  );
}
