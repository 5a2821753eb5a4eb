/** How a verification check reads at a glance, the same on the command line and in the app. */
export function checkVerdict(c: { ok: boolean; warning?: boolean | undefined }): 'ok' | 'warn' | 'fail' {
  return !c.ok ? 'fail' : c.warning ? 'warn' : 'ok';
}

export const checkSymbols = { ok: '✓', warn: '!', fail: '✗' } as const;
