'use client';

// Signs out the way next-auth's own client does (csrf token, then POST /api/auth/signout), without importing
// next-auth/react: that library would add ~12 KB gzipped to every page's first load for this one button.
async function signOut(): Promise<void> {
  try {
    const { csrfToken } = (await (await fetch('/api/auth/csrf')).json()) as { csrfToken: string };
    await fetch('/api/auth/signout', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Auth-Return-Redirect': '1' },
      body: new URLSearchParams({ csrfToken, callbackUrl: '/sign-in', json: 'true' }),
    });
  } finally {
    // A full load, as next-auth's own signOut does: nothing of the signed-in session stays in the browser's memory.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.href = '/sign-in';
  }
}

export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => void signOut()} className="hdr-btn">
      {label}
    </button>
  );
}
