/** What a failed call says, for the notice a view shows. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A store call with its busy flag, cleared notice and error handled in one place (the copies and
 * sign-off stores): the error is kept for the view to show.
 */
export function busyAttempt(set: (patch: { busy: boolean; error?: string | null; notice?: string | null }) => void) {
  return async (work: () => Promise<void>): Promise<void> => {
    set({ busy: true, error: null, notice: null });
    try {
      await work();
    } catch (error) {
      set({ busy: false, error: errorMessage(error) });
      return;
    }
    set({ busy: false });
  };
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
