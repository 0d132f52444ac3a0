import { useTranslations } from 'next-intl';
import { Link } from '@/components/ui/link';
import type { GapDto } from '@/lib/queries/registry/gap';

const card = 'mb-5 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm';
const caption = 'border-b border-slate-200 bg-slate-50 px-4 py-2 text-left text-base font-semibold text-brand-900';
const fmt = (n: number) => n.toLocaleString('zh-CN');
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const statusClass: Record<string, string> = { met: 'text-emerald-700', near: 'text-amber-700', short: 'text-red-700', unknown: 'text-slate-500' };
const closingClass: Record<string, string> = { eligible_enough: 'border-emerald-300 bg-emerald-50', with_near: 'border-amber-300 bg-amber-50', short: 'border-red-300 bg-red-50' };

export function GapView({ gap }: { gap: GapDto }) {
  const t = useTranslations('registry');
  const c = gap.criteria;
  return (
    <>
      <p className="mb-3 text-sm text-slate-700">
        {gap.latest ? t('gap.from', { value: fmt(gap.latest.value), month: gap.latest.month, registry: fmt(gap.registryInForce) }) : t('gap.noFigure', { registry: fmt(gap.registryInForce) })}
      </p>
      {gap.past.map((m) => (
        <p key={m.year} className="mb-2 text-sm text-slate-700" data-past-milestone={m.year}>
          {t('gap.past', { year: m.year, text: m.text, actual: m.actual === null ? '—' : fmt(m.actual) })}
          <span className={`ml-1 font-semibold ${m.outcome === 'met' ? 'text-emerald-700' : m.outcome === 'missed' ? 'text-red-700' : 'text-slate-600'}`}>{t(`gap.outcome.${m.outcome === 'met' || m.outcome === 'missed' ? m.outcome : 'awaiting'}`)}</span>
        </p>
      ))}
      {gap.plans.length === 0 && gap.latest ? <p className="mb-4 text-sm text-slate-600">{t('gap.noMilestone')}</p> : null}
      {gap.plans.map((p) => (
        <section key={p.year} className={card} aria-labelledby={`gap-${p.year}`}>
          <h2 id={`gap-${p.year}`} className={caption}>{t('gap.milestone', { year: p.year, threshold: fmt(p.threshold) })}</h2>
          <div className={`mx-4 mt-3 rounded border px-3 py-2 text-sm ${closingClass[p.closing]}`} data-closing={p.closing}>
            {p.met ? t('gap.met') : t(`gap.closing.${p.closing}`, { totalNew: fmt(p.totalNew), eligible: fmt(p.eligible), near: fmt(p.near), renewals: fmt(p.totalRenewals) })}
          </div>
          <p className="mx-4 mt-2 text-xs text-slate-600">{t('gap.pace', { from: fmt(p.from), threshold: fmt(p.threshold), perMonth: p.requiredPerMonth.toFixed(1), quarters: p.quarters.length })}</p>
          <table className="mt-2 w-full min-w-[420px] text-sm">
            <thead className="text-left text-xs text-slate-500">
              <tr className="border-b border-slate-200">
                <th scope="col" className="px-4 py-2 font-medium">{t('forecast.quarter')}</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">{t('gap.renewals')}</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">{t('gap.newNeeded')}</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">{t('gap.total')}</th>
              </tr>
            </thead>
            <tbody>
              {p.quarters.map((q) => (
                <tr key={q.quarter} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className="px-4 py-1.5 text-left font-normal">{q.quarter}</th>
                  <td className="num px-4 py-1.5 text-right">{fmt(q.renewals)}</td>
                  <td className="num px-4 py-1.5 text-right">{fmt(q.newNeeded)}</td>
                  <td className="num px-4 py-1.5 text-right font-semibold">{fmt(q.renewals + q.newNeeded)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <section className={card} aria-labelledby="gap-units">
        <h2 id="gap-units" className={caption}>{t('gap.byUnit')}</h2>
        <table className="w-full min-w-[520px] text-sm">
          <thead className="text-left text-xs text-slate-500">
            <tr className="border-b border-slate-200">
              <th scope="col" className="px-3 py-2 font-medium">{t('forecast.unit')}</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">{t('forecast.inForce')}</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">{t('gap.expiring24')}</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">{t('gap.eligible')}</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">{t('gap.near')}</th>
            </tr>
          </thead>
          <tbody>
            {gap.units.map((u) => (
              <tr key={u.id} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="px-3 py-1.5 text-left font-normal">{u.name.replace(/管委会$/, '')}</th>
                <td className="num px-3 py-1.5 text-right">{fmt(u.inForce)}</td>
                <td className="num px-3 py-1.5 text-right">{fmt(u.expiring)}</td>
                <td className="num px-3 py-1.5 text-right font-semibold text-emerald-800">{fmt(u.eligible)}</td>
                <td className="num px-3 py-1.5 text-right text-amber-800">{fmt(u.near)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className={card} aria-labelledby="gap-visits">
        <h2 id="gap-visits" className={caption}>{t('gap.visits', { eligible: fmt(gap.totals.eligible), near: fmt(gap.totals.near) })}</h2>
        <table className="w-full min-w-[760px] text-sm">
          <thead className="text-left text-xs text-slate-500">
            <tr className="border-b border-slate-200">
              <th scope="col" className="px-3 py-2 font-medium">{t('col.name')}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t('col.town')}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t('gap.verdict')}</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">{t('gap.check.rdShare')}</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">{t('gap.check.highTechShare')}</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">{t('gap.check.rdStaffShare')}</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">{t('gap.check.ip')}</th>
            </tr>
          </thead>
          <tbody>
            {gap.visits.map((v) => {
              const check = (key: string) => v.assessment.checks.find((x) => x.key === key);
              const cell = (key: string, asPct = true) => {
                const x = check(key);
                return (
                  <td className={`num px-3 py-1.5 text-right ${statusClass[x?.status ?? 'unknown']}`}>
                    {x?.value === null || x === undefined ? '—' : asPct ? pct(x.value) : fmt(x.value)}
                  </td>
                );
              };
              return (
                <tr key={v.id} className="border-b border-slate-100 last:border-0">
                  <td className="px-3 py-1.5">
                    <Link href={`/enterprises/${v.id}`}>{v.name}</Link>
                    <span className="ml-1 text-xs text-slate-500">{t(`tier.${v.tier}`)}{v.lapsed ? ` · ${t('gap.lapsed')}` : ''}</span>
                  </td>
                  <td className="px-3 py-1.5">{[v.town, v.park?.replace(/管委会$/, '')].filter(Boolean).join(' / ') || '—'}</td>
                  <td className={`px-3 py-1.5 ${statusClass[v.assessment.verdict === 'eligible' ? 'met' : 'near']}`}>{t(`gap.verdictName.${v.assessment.verdict}`)}</td>
                  {cell('rdShare')}
                  {cell('highTechShare')}
                  {cell('rdStaffShare')}
                  {cell('ip', false)}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {c ? (
        <section className={card} aria-labelledby="gap-criteria">
          <h2 id="gap-criteria" className={caption}>{t('gap.criteria', { title: c.title, doc: c.documentNo })}</h2>
          <ul className="list-disc space-y-1 py-3 pl-8 pr-4 text-sm text-slate-700">
            <li>{t('gap.rule.rd', { small: pct(c.rdShareSmall), smallMax: fmt(c.smallBandMax), mid: pct(c.rdShareMid), midMax: fmt(c.midBandMax), large: pct(c.rdShareLarge) })}</li>
            <li>{t('gap.rule.highTech', { share: pct(c.highTechRevenueShare) })}</li>
            <li>{t('gap.rule.staff', { share: pct(c.rdStaffShare) })}</li>
            <li>{t('gap.rule.ip', { ip: c.minGrantedIp, years: c.minYearsFounded })}</li>
            <li>{t('gap.rule.near', { margin: pct(c.nearMargin) })}</li>
            <li>{t('gap.rule.notChecked')}</li>
          </ul>
          <p className="px-4 pb-3 text-xs text-slate-500">{t('gap.source', { source: c.source, from: c.effectiveFrom })}</p>
        </section>
      ) : null}
    </>
  );
}
