/** What a failed call says, for the notice a view shows. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The shape of every register store's change: run it against the open file, reload, and keep the
 * refusal to show when it fails. Returns what the change returned, or null when nothing ran or it failed.
 */
export async function changeAndReload<T>(
  store: { file: string | null; load(file: string): Promise<void> },
  setError: (error: string | null) => void,
  run: (file: string) => Promise<T>,
): Promise<T | null> {
  const { file } = store;
  if (!file) return null;
  try {
    const result = await run(file);
    setError(null);
    await store.load(file);
    return result;
  } catch (error) {
    setError(errorMessage(error));
    return null;
  }
}
