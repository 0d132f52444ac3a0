'use client';
// The overview's long lists as client components fed with packed data (lib/dashboard/pack.ts). The server still
// renders their full HTML (readable without JavaScript, printable); what changes is the React payload that hydrates
// the page: the rows' data once, instead of every element and class name of the rendered tree a second time.
import { BehindList, type BehindIndicatorView, type BehindListText, type BehindTaskView } from '@/components/dashboard/behind-list';
import { ClusterBoard, type ClusterRowView } from '@/components/dashboard/cluster-board';
import type { IndicatorCardView } from '@/components/dashboard/indicator-card';
import { IndicatorRow } from '@/components/dashboard/indicator-row';
import { unpack, type Packed } from '@/lib/dashboard/pack';

/** The addresses the server left empty because they follow from the code (no month in them). */
const indicatorHref = <T extends { code: string; href: string }>(item: T): T => (item.href ? item : { ...item, href: `/indicators/${item.code}` });

function Lines({ cards }: { cards: IndicatorCardView[] }) {
  return (
    <ul className="list panel">
      {cards.map((card) => (
        <IndicatorRow key={card.code} card={indicatorHref(card)} />
      ))}
    </ul>
  );
}

/** Targets as compact lines (`IndicatorCardView[]`, packed). */
export function PackedTargetLines({ data }: { data: Packed }) {
  return <Lines cards={unpack<IndicatorCardView[]>(data)} />;
}

/** Targets grouped under their task's heading (`{ key, title, cards }[]`, packed). */
export function PackedTargetGroups({ data }: { data: Packed }) {
  const groups = unpack<{ key: string; title: string; cards: IndicatorCardView[] }[]>(data);
  return (
    <div className="grid gap-5">
      {groups.map((group) => (
        <div key={group.key}>
          <h3 className="sub-title mb-2">{group.title}</h3>
          <Lines cards={group.cards} />
        </div>
      ))}
    </div>
  );
}

export function PackedBehindList({ data }: { data: Packed }) {
  const { indicators, tasks, text } = unpack<{ indicators: BehindIndicatorView[]; tasks: BehindTaskView[]; text: BehindListText }>(data);
  return (
    <BehindList
      indicators={indicators.map(indicatorHref)}
      tasks={tasks.map((task) => (task.href ? task : { ...task, href: `/tasks/${task.key}` }))}
      text={text}
    />
  );
}

export function PackedClusterBoard({ data }: { data: Packed }) {
  const { rows, noData } = unpack<{ rows: ClusterRowView[]; noData: string }>(data);
  return <ClusterBoard rows={rows} noData={noData} />;
}
