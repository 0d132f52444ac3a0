// Pure: the reporter's form fields → the inputs of the domain functions. No I/O.
import { z } from 'zod';
import { monthField, unflattenFields } from '@/lib/schemas/reporting';

export const formIntents = ['save', 'submit'] as const;
export type FormIntent = (typeof formIntents)[number];

/**
 * Flat form fields (`values.<key>.value`, `tasks.12.narrative`, `month`, `intent`) → saveDraft's nested input and
 * the button pressed. Anything but `submit` saves a draft. Other top-level fields stay in, so the strict schema
 * refuses them.
 */
export function formEntryInput(raw: Record<string, unknown>): { input: Record<string, unknown>; intent: FormIntent } {
  const { intent, ...rest } = raw;
  return { input: unflattenFields(rest), intent: intent === 'submit' ? 'submit' : 'save' };
}

/** Typed 2 MB at most; checked again by the parser. */
const fileField = z.custom<File>((v) => typeof File !== 'undefined' && v instanceof File && v.size > 0, 'validation.fileEmpty');

export const importFormSchema = z
  .object({
    month: monthField,
    intent: z.enum(['preview', 'confirm'], 'validation.required'),
    fileHash: z
      .union([z.string().regex(/^[0-9a-f]{64}$/, 'validation.fileChanged'), z.literal('')])
      .optional()
      .transform((v) => v || undefined),
    file: fileField,
  })
  .strict();
export type ImportFormInput = z.output<typeof importFormSchema>;

/** The key under which the browser keeps a copy of what was typed (sessionStorage), per unit and month. */
export function draftStorageKey(unitId: number, month: string): string {
  return `report-draft:${unitId}:${month}`;
}
