import { useApp } from '../store';

export function ErrorBanner() {
  const error = useApp((s) => s.error);
  const dismiss = useApp((s) => s.dismissError);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <pre className="error-text">{error}</pre>
      <button type="button" className="btn btn-quiet" onClick={dismiss} aria-label="Dismiss error">
        Dismiss
      </button>
    </div>
  );
}
