import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { adminText, type SearchParams } from '@/app/(app)/admin/_lib/page-support';
import { AuditFilterForm } from '@/components/admin/audit-filter-form';
import { AuditTable } from '@/components/admin/audit-table';
import { PageHeader } from '@/components/ui/page-header';
import { formatDateTime } from '@/lib/format';
import { auditEvents } from '@/lib/audit';
import { gatePage } from '@/lib/gate/page';
import { systemClock } from '@/lib/clock';
import { AUDIT_PAGE_SIZE, viewAuditLog } from '@/lib/mutations/audit-log';
import { can } from '@/lib/permissions';
import { auditFilterSchema } from '@/lib/schemas/admin';
import { parseInput } from '@/lib/validation/parse';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('audit.title') };
}

const FILTER_KEYS = ['event', 'actor', 'result', 'from', 'to'] as const;
const PREFIXES = ['auth.', 'user.', 'security.', 'audit.', 'reporting.', 'plan.', 'demo.'];

export default async function AdminAuditPage({ searchParams }: { searchParams: SearchParams }) {
  const { t, roleNames, locale } = await adminText();
  const gate = await gatePage('audit.view', '/admin/audit', { title: t('forbiddenTitle'), message: t('forbidden', { role: roleNames.audit_admin }) });
  if (gate.refused) return gate.refused;
  const session = gate.session;

  const params = await searchParams;
  const parsed = parseInput(auditFilterSchema, params, locale);
  // What the admin typed, echoed into the form (a repeated parameter is shown as its first value).
  const typed = Object.fromEntries(FILTER_KEYS.map((k) => [k, [params[k]].flat()[0] ?? ''])) as Record<(typeof FILTER_KEYS)[number], string>;
  const query = (extra: Record<string, string>) => {
    const q = new URLSearchParams();
    for (const k of FILTER_KEYS) if (typed[k]) q.set(k, typed[k]);
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    const s = q.toString();
    return s ? `?${s}` : '';
  };

  // Reading the log writes its own audit row (viewAuditLog), so an invalid filter reads nothing.
  const result = parsed.success ? await viewAuditLog(session.actor, parsed.data) : null;
  const page = parsed.success ? parsed.data.page : 1;
  const pages = result ? Math.max(1, Math.ceil(result.total / AUDIT_PAGE_SIZE)) : 1;
  const eventNames = Object.fromEntries(Object.keys(auditEvents).map((e) => [e, t.has(`audit.events.${e}`) ? t(`audit.events.${e}`) : e]));

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <p className="print-only mb-2 text-xs text-slate-600">{t('printedAt', { at: formatDateTime(systemClock(), locale) })}</p>
      <AuditFilterForm
        action="/admin/audit"
        values={typed}
        errors={parsed.success ? undefined : parsed.fieldErrors}
        formErrors={parsed.success ? undefined : parsed.formErrors}
        events={[...PREFIXES, ...Object.keys(auditEvents)]}
        exportHref={parsed.success && can(session.actor, 'audit.export') ? `/api/admin/audit/export${query({})}` : null}
        text={{
          title: t('audit.filterTitle'),
          event: t('audit.event'),
          eventHint: t('audit.eventHint'),
          actor: t('audit.actor'),
          result: t('audit.result'),
          resultAll: t('audit.resultAll'),
          success: t('audit.success'),
          failure: t('audit.failure'),
          from: t('audit.from'),
          to: t('audit.to'),
          search: t('audit.search'),
          clear: t('audit.clear'),
          export: t('audit.export'),
          invalid: t('audit.invalidFilter'),
        }}
      />
      {result ? (
        <AuditTable
          rows={result.rows}
          total={result.total}
          page={page}
          pages={pages}
          pageHref={(p) => `/admin/audit${query({ page: String(p) })}`}
          text={{
            caption: t('audit.title'),
            at: t('audit.at'),
            actor: t('audit.actorColumn'),
            role: t('audit.roleColumn'),
            event: t('audit.eventColumn'),
            target: t('audit.target'),
            result: t('audit.resultColumn'),
            reason: t('audit.reason'),
            ip: t('audit.ip'),
            details: t('audit.details'),
            before: t('audit.before'),
            after: t('audit.after'),
            success: t('audit.success'),
            failure: t('audit.failure'),
            empty: t('audit.empty'),
            total: t.raw('audit.total') as string,
            prev: t('audit.prev'),
            next: t('audit.next'),
            eventNames,
            roleNames,
          }}
        />
      ) : null}
    </>
  );
}
