/** Shown by an admin page to anyone whose role does not allow it: the page checks, never the menu. */
export function Forbidden({ title, message }: { title: string; message: string }) {
  return (
    <section role="alert" aria-labelledby="forbidden-title" className="mx-auto mt-8 max-w-xl rounded-lg border border-red-200 bg-red-50 p-6 text-red-900">
      <h1 id="forbidden-title" className="mb-2 text-xl font-semibold">
        {title}
      </h1>
      <p>{message}</p>
    </section>
  );
}
