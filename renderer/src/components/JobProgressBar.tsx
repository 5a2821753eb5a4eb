/** A job's progress as the app shows it everywhere: a bar, what is being done, and Cancel while the job runs. */
export function JobProgressBar({
  label,
  text,
  done,
  total,
  onCancel,
  className = 'import-progress',
}: {
  label: string;
  text: string;
  done: number;
  total: number;
  onCancel?: (() => void) | undefined;
  className?: string;
}) {
  return (
    <div className={className} role="status">
      <progress max={total || 1} value={total ? done : undefined} aria-label={label} />
      <span className="small">{text}</span>
      {onCancel && (
        <button type="button" className="btn btn-quiet" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
