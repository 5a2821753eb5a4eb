import type { AiSystem } from '../../../shared/domain/systems';

/** Pieces the register forms (risks, incidents, plans) share. */

export function SystemSelect({ id, systems, value, onChange }: { id: string; systems: readonly AiSystem[]; value: string; onChange: (id: string) => void }) {
  return (
    <>
      <label htmlFor={id}>AI system</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} required>
        {systems.map((s) => (
          <option key={s.id} value={s.id}>
            {s.id} {s.name}
          </option>
        ))}
      </select>
    </>
  );
}

export function FormActions({ submit, disabled, onCancel }: { submit: string; disabled: boolean; onCancel: () => void }) {
  return (
    <div className="actions">
      <button type="submit" className="btn btn-primary" disabled={disabled}>
        {submit}
      </button>
      <button type="button" className="btn btn-quiet" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
