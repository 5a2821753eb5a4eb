/** A refusal or failure, read out by screen readers as it appears. */
export function ErrorNotice({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="notice notice-bad" role="alert">
      {message}
    </p>
  );
}
