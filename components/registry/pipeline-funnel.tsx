import { useTranslations } from 'next-intl';
import { Link } from '@/components/ui/link';
import type { PipelineDto } from '@/lib/queries/registry/pipeline';
import { stages } from '@/lib/registry/pipeline';

const card = 'mb-5 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm';
const caption = 'border-b border-slate-200 bg-slate-50 px-4 py-2 text-left text-base font-semibold text-brand-900';
const fmt = (n: number) => n.toLocaleString('zh-CN');

export function PipelineFunnel({ pipeline }: { pipeline: PipelineDto }) {
  const t = useTranslations('registry');
  const max = Math.max(1, ...stages.map((s) => pipeline.counts[s]));
  const years = pipeline.flows.tech_sme.map((f) => f.year);
  return (
    <>
      <section className={card} aria-labelledby="funnel-h">
        <h2 id="funnel-h" className={caption}>{t('pipeline.funnel', { today: pipeline.today })}</h2>
        <ol className="space-y-1.5 px-4 py-3">
          {[...stages].map((s) => (
            <li key={s} className="flex items-center gap-3 text-sm">
              <span className="w-36 shrink-0 text-slate-700">{t(`pipeline.stage.${s}`)}</span>
              <span className="flex-1">
                <span className="block h-5 rounded bg-brand-600" style={{ width: `${Math.max(1, (pipeline.counts[s] / max) * 100)}%` }} aria-hidden="true" />
              </span>
              <span className="num w-16 text-right font-semibold" data-stage={s}>{fmt(pipeline.counts[s])}</span>
            </li>
          ))}
        </ol>
        <p className="px-4 pb-3 text-xs text-slate-500">{t('pipeline.funnelNote')}</p>
      </section>
      <section className={card} aria-labelledby="flows-h">
        <h2 id="flows-h" className={caption}>{t('pipeline.flows')}</h2>
        <table className="w-full min-w-[560px] text-sm">
          <thead className="text-left text-xs text-slate-500">
            <tr className="border-b border-slate-200">
              <th scope="col" className="px-3 py-2 font-medium">{t('pipeline.stageCol')}</th>
              {years.map((y) => (
                <th key={y} scope="col" className="px-3 py-2 text-right font-medium">{y === Number(pipeline.today.slice(0, 4)) ? t('pipeline.yearToDate', { year: y }) : y}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {stages.map((s) => (
              <tr key={s} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="px-3 py-1.5 text-left font-normal">{t(`pipeline.stage.${s}`)}</th>
                {pipeline.flows[s].map((f) => (
                  <td key={f.year} className="num px-3 py-1.5 text-right">
                    <span className="font-semibold">{fmt(f.count)}</span>
                    <span className="ml-1 text-xs text-emerald-700">+{fmt(f.entered)}</span>
                    <span className="ml-1 text-xs text-red-700">−{fmt(f.left)}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="px-4 py-2 text-xs text-slate-500">{t('pipeline.flowsNote')}</p>
      </section>
      {pipeline.nextSteps.map((n) => (
        <section key={n.step} className={card} aria-labelledby={`step-${n.step}`}>
          <h2 id={`step-${n.step}`} className={caption}>
            {t(`pipeline.next.${n.step}`, { count: n.total })}
          </h2>
          <p className="px-4 pt-2 text-xs text-slate-500">{t(`pipeline.why.${n.step}`)}</p>
          {n.firms.length === 0 ? (
            <p className="px-4 py-3 text-sm text-slate-500">{t('empty')}</p>
          ) : (
            <table className="w-full min-w-[560px] text-sm">
              <thead className="text-left text-xs text-slate-500">
                <tr className="border-b border-slate-200">
                  <th scope="col" className="px-3 py-2 font-medium">{t('col.name')}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t('col.town')}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t('col.park')}</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">{t('pipeline.revenue')}</th>
                </tr>
              </thead>
              <tbody>
                {n.firms.map((f) => (
                  <tr key={f.id} className="border-b border-slate-100 last:border-0">
                    <td className="px-3 py-1.5">
                      <Link href={`/enterprises/${f.id}`}>{f.name}</Link>
                    </td>
                    <td className="px-3 py-1.5">{f.town ?? '—'}</td>
                    <td className="px-3 py-1.5">{f.park?.replace(/管委会$/, '') ?? '—'}</td>
                    <td className="num px-3 py-1.5 text-right">{f.latestRevenue === null ? '—' : fmt(Math.round(f.latestRevenue))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {n.total > n.firms.length ? <p className="px-4 py-2 text-xs text-slate-500">{t('pipeline.more', { shown: n.firms.length, total: n.total })}</p> : null}
        </section>
      ))}
    </>
  );
}
