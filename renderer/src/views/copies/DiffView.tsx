import { useId } from 'react';
import { changeSigns, showDiffValue } from '../../../../shared/domain/diff/format';
import type { AssessmentDiff } from '../../../../shared/domain/diff/model';
import { shell } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useCopies } from '../../copies-store';
import { useApp } from '../../store';

const shortHead = (h: { count: number; hash: string }) => `${h.count}:${h.hash.slice(0, 12)}…`;

function Divergence({ diff }: { diff: AssessmentDiff }) {
  return (
    <section className="panel" aria-label="Audit logs" data-testid="diff-chain">
      <h2>Audit logs</h2>
      <p className={`diff-chain diff-chain-${diff.chain.relation}`}>{diff.chain.summary}</p>
      <dl className="facts diff-heads">
        <div>
          <dt>a (this file)</dt>
          <dd className="mono">{shortHead(diff.a.head)}</dd>
        </div>
        <div>
          <dt>b ({diff.b.name})</dt>
          <dd className="mono">{shortHead(diff.b.head)}</dd>
        </div>
      </dl>
    </section>
  );
}

function Changes({ diff }: { diff: AssessmentDiff }) {
  if (diff.total === 0) return <p className="muted">No changes to systems, control entries, evidence, risks, findings, own controls or components.</p>;
  return (
    <>
      {diff.sections.map((section) => (
        <section key={section.kind} className="panel" aria-label={section.title}>
          <h2>
            {section.title} <span className="muted small">({section.items.length})</span>
          </h2>
          <ul className="diff-items">
            {section.items.map((item) => (
              <li key={`${item.table}:${item.key}`} className={`diff-item diff-${item.change}`}>
                <span className="diff-sign" aria-hidden="true">
                  {changeSigns[item.change]}
                </span>
                <span className="diff-label">{item.label}</span> <span className="diff-change">{item.change}</span>
                {item.fields.length > 0 && (
                  <ul className="diff-fields">
                    {item.fields.map((f) => (
                      <li key={f.field}>
                        <span className="mono">{f.field}</span>: <del>{showDiffValue(f.old)}</del> → <ins>{showDiffValue(f.new)}</ins>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** Compare this assessment (a) with another copy of it (b): what changed from a to b, and where the logs part. */
export function DiffView() {
  const file = useApp((s) => s.current!.file);
  const { other, setOther, compare, diff, comparing, error } = useCopies();
  const id = useId();
  return (
    <div className="diff-view">
      <h1>Compare copies</h1>
      <section className="panel" aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>The other copy</h2>
        <p className="muted small">
          For example the version sent to the auditor. Both files are only read. Changes are listed from this file (a) to the other (b).
        </p>
        <div className="field-row">
          <label className="field diff-path">
            <span>Path of the other .assay file</span>
            <input type="text" value={other} onChange={(e) => setOther(e.target.value)} spellCheck={false} />
          </label>
          {shell && (
            <button
              type="button"
              className="btn"
              onClick={async () => {
                const chosen = await shell?.chooseExistingFile();
                if (chosen) setOther(chosen);
              }}
            >
              Browse…
            </button>
          )}
          <button type="button" className="btn btn-primary" onClick={() => void compare(file)} disabled={comparing}>
            Compare
          </button>
        </div>
      </section>
      <ErrorNotice message={error} />
      {diff && (
        <>
          <p role="status" className="muted">
            {diff.total === 1 ? '1 change' : `${diff.total} changes`} from a to b.
          </p>
          <Divergence diff={diff} />
          <Changes diff={diff} />
        </>
      )}
    </div>
  );
}
