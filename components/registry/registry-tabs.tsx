import { useTranslations } from 'next-intl';
import { Link } from '@/components/ui/link';

type Tab = 'list' | 'forecast' | 'pipeline' | 'gap' | 'import';

const tabs: [Tab, string][] = [
  ['list', '/enterprises'],
  ['forecast', '/enterprises/forecast'],
  ['pipeline', '/enterprises/pipeline'],
  ['gap', '/enterprises/gap'],
];

export function RegistryTabs({ current, canImport = false }: { current: Tab; canImport?: boolean }) {
  const t = useTranslations('registry.tabs');
  const shown: [Tab, string][] = canImport ? [...tabs, ['import', '/enterprises/import']] : tabs;
  return (
    <nav className="no-print mb-4 flex flex-wrap gap-2 border-b border-slate-200" aria-label="registry">
      {shown.map(([key, href]) => (
        <Link
          key={key}
          href={href}
          aria-current={current === key ? 'page' : undefined}
          className={`rounded-t px-3 py-2 text-sm ${current === key ? 'border-b-2 border-brand-700 font-semibold text-brand-900' : 'text-slate-600 hover:text-brand-800'}`}
        >
          {t(key)}
        </Link>
      ))}
    </nav>
  );
}
