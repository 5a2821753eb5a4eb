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

/** The options of a picker of controls or systems: "ID name", valued by id. */
export function IdNameOptions({ items }: { items: readonly { id: string; name: string }[] }) {
  return (
    <>
      {items.map((i) => (
        <option key={i.id} value={i.id}>
          {i.id} {i.name}
        </option>
      ))}
    </>
  );
}
