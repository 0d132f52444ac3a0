import { useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { SupervisionState } from '@/lib/generated/prisma/enums';

const tones: Record<SupervisionState, BadgeTone> = { open: 'info', answered: 'warn', returned: 'bad', closed: 'ok' };

export function StateBadge({ state }: { state: SupervisionState }) {
  const t = useTranslations('supervision.states');
  return (
    <span data-state={state}>
      <Badge tone={tones[state]}>{t(state)}</Badge>
    </span>
  );
}
