import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * next/link without prefetching. Every page here is dynamic and behind sign-in, so a prefetch brings only the route's
 * outline (a few hundred bytes), yet each visible link asks the server for it: opening the overview sent 33 such
 * requests, about as much server time again as the page itself. Clicks still navigate client-side.
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
