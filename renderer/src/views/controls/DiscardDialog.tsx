import { useEffect, useRef } from 'react';
import { useControls } from '../../controls-store';

/** Asks before unsaved changes in the entry editor are lost; nothing happens until the user answers. */
export function DiscardDialog() {
  const { pending, resolvePending } = useControls();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (pending && !dialog.open) dialog.showModal();
    if (!pending && dialog.open) dialog.close();
  }, [pending]);
  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby="discard-title" aria-describedby="discard-text" onCancel={() => resolvePending(false)}>
      <h2 id="discard-title">Discard unsaved changes?</h2>
      <p id="discard-text">The control you are editing has changes that are not saved. {pending ? `${pending.describe} would discard them.` : ''}</p>
      <div className="actions">
        <button type="button" className="btn btn-primary" autoFocus onClick={() => resolvePending(false)}>
          Keep editing
        </button>
        <button type="button" className="btn" onClick={() => resolvePending(true)}>
          Discard changes
        </button>
      </div>
    </dialog>
  );
}
