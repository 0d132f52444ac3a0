import { useTranslations } from 'next-intl';
import type { EnterpriseProfileDto } from '@/lib/queries/registry/profile';

const card = 'mb-5 rounded-lg border border-slate-200 bg-white shadow-sm';
const caption = 'border-b border-slate-200 bg-slate-50 px-4 py-2 text-left text-base font-semibold text-brand-900';

export function EnterpriseProfile({ profile }: { profile: EnterpriseProfileDto }) {
  const t = useTranslations('registry');
  const facts: [string, string][] = [
    [t('col.town'), profile.town ?? '—'],
    [t('col.park'), profile.park ?? '—'],
    [t('col.cluster'), profile.cluster ? `${t('clusterTask', { no: profile.cluster.no })} ${profile.cluster.title}` : '—'],
    [t('col.aboveScale'), profile.aboveScale ? t('filter.yes') : t('filter.no')],
    [t('profile.foundedOn'), profile.foundedOn ?? '—'],
    [t('profile.tier'), t(`tier.${profile.tier}`)],
    [t('profile.countsToward'), profile.countsToward.map((c) => t(`profile.indicator.${c}`)).join('、') || t('profile.none')],
  ];
  return (
    <>
      <section className={card}>
        <h2 className={caption}>{t('profile.basics')}</h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 p-4 text-sm sm:grid-cols-2">
          {facts.map(([k, v]) => (
            <div key={k} className="flex gap-3">
              <dt className="w-28 shrink-0 text-slate-500">{k}</dt>
              <dd className="text-slate-900">{v}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className={`${card} overflow-x-auto`}>
        <h2 className={caption}>{t('profile.qualifications')}</h2>
        <table className="w-full min-w-[640px] text-sm">
          <thead className="text-left text-xs text-slate-500">
            <tr className="border-b border-slate-200">
              <th scope="col" className="px-4 py-2 font-medium">{t('filter.holds')}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t('profile.year')}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t('profile.certificateNo')}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t('profile.validFrom')}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t('profile.lastDay')}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t('profile.status')}</th>
            </tr>
          </thead>
          <tbody>
            {profile.qualifications.map((q) => (
              <tr key={q.id} className="border-b border-slate-100 last:border-0">
                <td className="px-4 py-2">
                  {t(`kind.${q.kind}`)}
                  {q.level ? <span className="ml-1 text-xs text-slate-500">（{t(`level.${q.level}`)}）</span> : null}
                  {q.renewal ? <span className="ml-1 text-xs text-brand-700">{t('profile.renewal')}</span> : null}
                </td>
                <td className="num px-4 py-2">{q.year}</td>
                <td className="px-4 py-2 font-mono text-xs">{q.certificateNo ?? '—'}</td>
                <td className="num px-4 py-2">{q.validFrom}</td>
                <td className="num px-4 py-2">
                  {q.lastDay ?? '—'}
                  {q.endedOn ? <span className="ml-1 text-xs text-red-700">（{t('profile.endedOn')}）</span> : null}
                </td>
                <td className={`px-4 py-2 ${q.inForce ? 'text-emerald-700' : 'text-slate-500'}`}>{q.inForce ? t('profile.inForce') : t('profile.lapsed')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {profile.financials.length > 0 ? (
        <section className={`${card} overflow-x-auto`}>
          <h2 className={caption}>{t('profile.financials')}</h2>
          <table className="w-full min-w-[560px] text-sm">
            <thead className="text-left text-xs text-slate-500">
              <tr className="border-b border-slate-200">
                <th scope="col" className="px-4 py-2 font-medium">{t('profile.year')}</th>
                {(['revenue', 'rdSpending', 'highTechRevenue', 'staff', 'rdStaff', 'grantedIp'] as const).map((k) => (
                  <th key={k} scope="col" className="px-4 py-2 text-right font-medium">{t(`profile.${k}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {profile.financials.map((f) => (
                <tr key={f.year} className="border-b border-slate-100 last:border-0">
                  <td className="num px-4 py-2">{f.year}</td>
                  {(['revenue', 'rdSpending', 'highTechRevenue', 'staff', 'rdStaff', 'grantedIp'] as const).map((k) => (
                    <td key={k} className="num px-4 py-2 text-right">{f[k]?.toLocaleString('zh-CN') ?? '—'}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
