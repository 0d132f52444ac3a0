import { useTranslations } from 'next-intl';
import { Link } from '@/components/ui/link';
import type { ForecastDto } from '@/lib/queries/registry/forecast';

const card = 'mb-5 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm';
const caption = 'border-b border-slate-200 bg-slate-50 px-4 py-2 text-left text-base font-semibold text-brand-900';

export function ExpiryForecast({ forecast }: { forecast: ForecastDto }) {
  const t = useTranslations('registry');
  const max = Math.max(1, ...forecast.quarters.map((q) => q.expiring));
  return (
    <>
      <section className={card}>
        <table className="w-full min-w-[480px] text-sm">
          <thead className="text-left text-xs text-slate-500">
            <tr className="border-b border-slate-200">
              <th scope="col" className="px-4 py-2 font-medium">{t('forecast.quarter')}</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">{t('forecast.expiring')}</th>
              <th scope="col" className="w-1/3 px-4 py-2 font-medium" aria-hidden="true" />
              <th scope="col" className="px-4 py-2 text-right font-medium">{t('forecast.remaining')}</th>
            </tr>
          </thead>
          <tbody>
            {forecast.quarters.map((q) => (
              <tr key={q.quarter} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="px-4 py-2 text-left font-normal">{q.quarter}</th>
                <td className="num px-4 py-2 text-right">{q.expiring}</td>
                <td className="px-4 py-2" aria-hidden="true">
                  <div className="h-3 rounded bg-amber-500" style={{ width: `${(q.expiring / max) * 100}%` }} />
                </td>
                <td className="num px-4 py-2 text-right font-semibold">{q.remaining}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className={card}>
        <h2 className={caption}>{t('forecast.byUnit')}</h2>
        <table className="w-full min-w-[880px] text-sm">
          <thead className="text-left text-xs text-slate-500">
            <tr className="border-b border-slate-200">
              <th scope="col" className="px-3 py-2 font-medium">{t('forecast.unit')}</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">{t('forecast.inForce')}</th>
              {forecast.quarters.map((q) => (
                <th key={q.quarter} scope="col" className="px-2 py-2 text-right font-medium">{q.quarter.replace('-', ' ')}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {forecast.units.map((u) => (
              <tr key={u.id} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="px-3 py-1.5 text-left font-normal">{u.name.replace(/管委会$/, '')}</th>
                <td className="num px-3 py-1.5 text-right">{u.inForce}</td>
                {forecast.quarters.map((q) => (
                  <td key={q.quarter} className={`num px-2 py-1.5 text-right ${q.byUnit[u.id] ? '' : 'text-slate-300'}`}>{q.byUnit[u.id] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className={card}>
        <h2 className={caption}>{t('forecast.workList', { count: forecast.workList.length })}</h2>
        <table className="w-full min-w-[640px] text-sm">
          <thead className="text-left text-xs text-slate-500">
            <tr className="border-b border-slate-200">
              <th scope="col" className="px-3 py-2 font-medium">{t('forecast.lastDay')}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t('col.name')}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t('col.town')}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t('col.park')}</th>
            </tr>
          </thead>
          <tbody>
            {forecast.workList.slice(0, 100).map((w) => (
              <tr key={w.id} className="border-b border-slate-100 last:border-0">
                <td className="num px-3 py-1.5">{w.lastDay}</td>
                <td className="px-3 py-1.5">
                  <Link href={`/enterprises/${w.id}`}>{w.name}</Link>
                </td>
                <td className="px-3 py-1.5">{w.town ?? '—'}</td>
                <td className="px-3 py-1.5">{w.park?.replace(/管委会$/, '') ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
