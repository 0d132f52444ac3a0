import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { EnterpriseForm } from '@/components/registry/enterprise-form';
import { AddQualificationForm, EndQualificationForm } from '@/components/registry/qualification-forms';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { endQualificationAction, recordQualificationAction, updateEnterpriseAction } from '@/lib/actions/registry';
import { NotFoundError } from '@/lib/errors';
import { gatePage } from '@/lib/gate/page';
import { getEnterpriseProfile } from '@/lib/queries/registry/profile';
import { enterpriseIdSchema } from '@/lib/schemas/registry/filters';
import { enterpriseFormChoices, enterpriseFormText, qualificationFormText } from '../../_lib/form-text';
import { registryToday } from '../../_lib/today';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('registry'))('form.editTitle') };
}

export default async function EditEnterprisePage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, refused } = await gatePage('registry.manage', '/enterprises/[id]/edit');
  if (refused) return refused;
  const parsed = enterpriseIdSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const t = await getTranslations('registry');
  const profile = await getEnterpriseProfile(actor, parsed.data.id, registryToday()).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [choices, text, qualification] = await Promise.all([enterpriseFormChoices(actor), enterpriseFormText(), qualificationFormText()]);
  const open = profile.qualifications.filter((q) => q.inForce && q.endedOn === null);
  return (
    <>
      <PageHeader title={t('form.editTitle')} subtitle={`${profile.name} · ${profile.creditCode}`} actions={<Link href={`/enterprises/${profile.id}`}>{t('form.backToProfile')}</Link>} />
      <div className="space-y-5">
        <EnterpriseForm
          action={updateEnterpriseAction}
          values={{
            enterpriseId: profile.id,
            version: profile.version,
            creditCode: profile.creditCode,
            name: profile.name,
            townUnitId: profile.townUnitId,
            parkUnitId: profile.parkUnitId,
            clusterTask: profile.cluster?.no ?? null,
            aboveScale: profile.aboveScale,
            foundedOn: profile.foundedOn,
          }}
          {...choices}
          text={text}
        />
        <AddQualificationForm action={recordQualificationAction} enterpriseId={profile.id} kinds={qualification.kinds} text={qualification.text} />
        <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="end-title">
          <h2 id="end-title" className="mb-1 text-base font-semibold text-brand-900">{qualification.text.endTitle}</h2>
          {open.length === 0 ? <p className="text-sm text-slate-500">{t('form.nothingInForce')}</p> : null}
          {open.map((q) => (
            <EndQualificationForm
              key={`${q.id}-${q.version}`}
              action={endQualificationAction}
              qualification={{ id: q.id, version: q.version, label: `${t(`kind.${q.kind}`)} ${q.year}${q.certificateNo ? ` · ${q.certificateNo}` : ''}` }}
              text={qualification.text}
            />
          ))}
        </section>
      </div>
    </>
  );
}
