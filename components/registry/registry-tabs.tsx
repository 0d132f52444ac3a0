import { useTranslations } from 'next-intl';
import { Link } from '@/components/ui/link';

export function RegistryTabs({ current }: { current: 'list' | 'forecast' }) {
  const t = useTranslations('registry.tabs');
  const tab = (key: 'list' | 'forecast', href: string) => (
    <Link
      href={href}
      aria-current={current === key ? 'page' : undefined}
      className={`rounded-t px-3 py-2 text-sm ${current === key ? 'border-b-2 border-brand-700 font-semibold text-brand-900' : 'text-slate-600 hover:text-brand-800'}`}
    >
      {t(key)}
    </Link>
  );
  return (
    <nav className="no-print mb-4 flex flex-wrap gap-2 border-b border-slate-200" aria-label="registry">
      {tab('list', '/enterprises')}
      {tab('forecast', '/enterprises/forecast')}
    </nav>
  );
}
