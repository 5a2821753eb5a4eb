import type { Amendment } from '../../../../shared/catalog/schema';
import { formatDate } from '../../../../shared/format-date';

const changeKinds: Record<Amendment['changes'][number]['kind'], string> = {
  new_prohibition: 'New prohibition',
  new_obligation: 'New obligation',
  changed_obligation: 'Changed obligation',
};

/** An amendment layer as an auditor needs to weigh it: its steps, how sure we are, and what it changes. */
export function AmendmentNotice({ amendment: a }: { amendment: Amendment }) {
  return (
    <section className="notice" aria-label={a.title}>
      <strong>Amendment layer: {a.title}</strong> ({a.status}, checked {formatDate(a.checked_on)}). {a.source}
      {a.steps.length > 0 && (
        <ul className="small">
          {a.steps.map((s) => (
            <li key={`${s.date}${s.institution}`}>
              <span className="mono">{formatDate(s.date)}</span> {s.institution}: {s.step}
            </li>
          ))}
        </ul>
      )}
      {a.official_journal && (
        <p className="small">
          Official Journal: {a.official_journal.reference}{' '}
          <strong>{a.official_journal.verified ? '(verified)' : '(not verified)'}</strong>. {a.official_journal.note}
        </p>
      )}
      <ul className="small">
        {a.date_changes.map((c) => (
          <li key={`${c.scope}${c.date}${(c.items ?? []).join()}`}>
            {(c.items ?? []).length > 0 && <strong>{c.items!.join(', ')}: </strong>}
            {formatDate(c.replaces)} → {formatDate(c.date)}. {c.note}
          </li>
        ))}
        {a.changes.map((c) => (
          <li key={c.id}>
            <strong>
              {changeKinds[c.kind]}, {c.article}
              {c.number_verified ? '' : ' (number not verified)'}:
            </strong>{' '}
            {c.label}. {c.summary}
            {c.applies_from && <> Applies from {formatDate(c.applies_from)}.</>}
          </li>
        ))}
        {a.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </section>
  );
}
