import { expect, test } from 'vitest';
import { auditEvents, type AuditEntry } from '@/lib/audit';
import zh from '@/lib/i18n/messages/zh-CN/admin.json';
import en from '@/lib/i18n/messages/en/admin.json';

const lookup = (messages: unknown, event: string) => event.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], messages);

test.each(Object.keys(auditEvents))('the audit log names %s in Chinese and English (admin.json audit.events)', (event) => {
  expect(typeof lookup(zh.audit.events, event)).toBe('string');
  expect(typeof lookup(en.audit.events, event)).toBe('string');
});

test('an event name outside the catalogue does not compile (checked by npm run typecheck)', () => {
  // @ts-expect-error: 'plan.renamed' is not in auditEvents; adding an event means adding it there, with its reason.
  const entry: AuditEntry = { event: 'plan.renamed' };
  expect(entry.event in auditEvents).toBe(false);
});
