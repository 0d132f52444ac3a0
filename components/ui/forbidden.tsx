import { Link } from '@/components/ui/link';

/** The 403 panel every refused page shows (lib/gate/page.tsx): the page checks, never the menu. */
export function Forbidden({ title, message, back }: { title: string; message: string; back?: { href: string; label: string } }) {
  return (
    <section role="alert" aria-labelledby="forbidden-title" className="mx-auto mt-8 max-w-xl rounded-lg border border-red-200 bg-red-50 p-6 text-red-900">
      <h1 id="forbidden-title" className="mb-2 text-xl font-semibold">
        {title}
      </h1>
      <p>{message}</p>
      {back ? (
        <p className="mt-4">
          <Link href={back.href}>{back.label}</Link>
        </p>
      ) : null}
    </section>
  );
}
