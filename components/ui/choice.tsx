import type { SelectHTMLAttributes } from 'react';
import { fieldAria, HintAndErrors } from '@/components/ui/field';

export interface ChoiceOption {
  value: string;
  label: string;
}

export interface ChoiceGroup {
  label: string;
  options: ChoiceOption[];
}

/** A labelled select with its own error slot, like Field; options may come in labelled groups. */
export function SelectField({
  label,
  name,
  errors,
  hint,
  options = [],
  groups = [],
  ...select
}: { label: string; name: string; errors?: string[]; hint?: string; options?: ChoiceOption[]; groups?: ChoiceGroup[] } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div className="mb-4">
      <label htmlFor={name} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select
        id={name}
        name={name}
        {...fieldAria(name, errors, hint)}
        className="w-full rounded border border-slate-300 bg-white px-3 py-2 text-base focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid]:border-red-500"
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <HintAndErrors name={name} errors={errors} hint={hint} />
    </div>
  );
}

/** Checkboxes sharing one name (several values), in a fieldset with one error slot. */
export function CheckboxGroup({ legend, name, options, checked, errors, hint }: { legend: string; name: string; options: ChoiceOption[]; checked: readonly string[]; errors?: string[]; hint?: string }) {
  return (
    <fieldset className="mb-4" {...fieldAria(name, errors, hint)}>
      <legend className="mb-1 block text-sm font-medium text-slate-700">{legend}</legend>
      <div className="grid gap-1 sm:grid-cols-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} className="size-4" />
            {o.label}
          </label>
        ))}
      </div>
      <HintAndErrors name={name} errors={errors} hint={hint} />
    </fieldset>
  );
}
