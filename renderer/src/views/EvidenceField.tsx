import { type ReactNode, useId } from 'react';

/** A label above its control, tied by id: the control's accessible name is the label alone, never its options. */
export function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
