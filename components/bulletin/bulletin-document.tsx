// Draws a 月通报 as a 公文 page: red title block, issuing office, 期数 and date, numbered sections, tables, remarks.
// Only draws what it is given. Print CSS (globals: .bulletin-doc) lays it out like the .docx: A4, 仿宋 body.
import { BULLETIN_PRINT_CSS } from '@/components/bulletin/print-style';
import type { BulletinContent } from '@/lib/bulletin/types';

export function BulletinDocument({ content, foreword, remarks, draftLabel }: { content: BulletinContent; foreword: string; remarks: string; draftLabel?: string }) {
  return (
    <article className="bulletin-doc mx-auto max-w-[210mm] bg-white px-4 py-6 shadow-sm sm:px-12" lang="zh-CN">
      <style>{BULLETIN_PRINT_CSS}</style>
      {draftLabel ? <p className="mb-2 text-center text-sm font-semibold text-red-700">{draftLabel}</p> : null}
      <header className="border-b-2 border-red-700 pb-3 text-center">
        <p className="bulletin-masthead text-3xl font-bold tracking-widest text-red-700">“双倍增”工作月通报</p>
        <p className="mt-2 text-base">{content.issue}</p>
        <p className="mt-1 flex justify-between text-base">
          <span>{content.office}</span>
          <span>{content.date}</span>
        </p>
      </header>
      <h1 className="bulletin-title my-5 text-center text-2xl font-bold">{content.title}</h1>
      {foreword
        ? foreword.split('\n').map((p, i) => (
            <p key={`f${i}`} className="bulletin-p">
              {p}
            </p>
          ))
        : null}
      {content.sections.map((section) => (
        <section key={section.key} className="mt-4" data-section={section.key}>
          <h2 className="bulletin-h2 text-lg font-bold">{section.title}</h2>
          {section.paragraphs.map((p, i) => (
            <p key={i} className={`bulletin-p ${p.startsWith('※') ? 'font-semibold text-red-800' : ''}`}>
              {p}
            </p>
          ))}
          {section.tables.map((table) => (
            <div key={table.title} className="my-3 overflow-x-auto">
              <table className="bulletin-table w-full border-collapse text-sm">
                <caption className="mb-1 text-center font-semibold">{table.title}</caption>
                <thead>
                  <tr>
                    {table.columns.map((c) => (
                      <th key={c} scope="col" className="border border-slate-500 px-2 py-1">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((row, r) => (
                    <tr key={r}>
                      {row.map((cell, c) => (
                        <td key={c} className={`border border-slate-500 px-2 py-1 ${typeof cell === 'number' ? 'text-right tabular-nums' : ''}`}>
                          {cell ?? '—'}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      ))}
      {remarks
        ? remarks.split('\n').map((p, i) => (
            <p key={`r${i}`} className="bulletin-p mt-3">
              {p}
            </p>
          ))
        : null}
      <p className="mt-8 text-right">{content.office}</p>
      <p className="text-right">{content.date}</p>
    </article>
  );
}
