/**
 * Shown instead of the app when the page was opened over the bridge without its one-time token
 * (or with one from an earlier run): every command would be refused, so say how to get in.
 */
export function NoTokenPage() {
  return (
    <main className="start no-token" aria-labelledby="no-token-title">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          A
        </span>
        <div>
          <h1 id="no-token-title">Open Assay with its full address</h1>
          <p className="muted">This page needs the one-time token that only the address printed by Assay carries.</p>
        </div>
      </div>
      <section className="panel no-token-steps">
        <ol>
          <li>
            Go to the terminal where you started Assay with <code>npm run web</code>.
          </li>
          <li>
            Find the line <code>Assay is running at http://127.0.0.1:…/#token=…</code>.
          </li>
          <li>
            Open that whole address, including the part after <code>#token=</code>, in this browser on this machine.
          </li>
        </ol>
        <p className="muted">
          The token changes each time Assay starts, so an address from an earlier run no longer works. If Assay is not running, start it again
          with <code>npm run web</code>; it prints a new address.
        </p>
      </section>
    </main>
  );
}
