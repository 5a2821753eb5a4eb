import { type FormEvent, useEffect, useId, useState } from 'react';
import type { CommandOutput } from '../../../shared/commands';
import { api } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';

type Settings = CommandOutput<'app.settings'>;

/**
 * Every audit entry names who made the change. The name is asked once and kept in the app's
 * settings; on the command line ASSAY_ACTOR sets it (and wins, which the panel says).
 */
export function DisplayNamePanel() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const id = useId();

  useEffect(() => {
    void api.invoke('app.settings', {}).then((s) => {
      setSettings(s);
      setName(s.displayName ?? '');
      setEditing(s.actorSource === 'system');
    });
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      const s = await api.invoke('app.setDisplayName', { displayName: name });
      setSettings(s);
      setEditing(false);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  if (!settings) return null;
  if (!editing)
    return (
      <p className="muted small" data-testid="display-name">
        Changes are recorded in the audit log as <strong>{settings.actor}</strong>
        {settings.actorSource === 'environment' ? ' (set by ASSAY_ACTOR)' : ''}.{' '}
        {settings.actorSource !== 'environment' && (
          <button type="button" className="btn btn-small btn-quiet" onClick={() => setEditing(true)}>
            Change
          </button>
        )}
      </p>
    );
  return (
    <form className="panel" onSubmit={save} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Your name for the audit log</h2>
      <p className="muted">Every change you make is recorded under this name. It is kept in this app's settings on this machine.</p>
      <label htmlFor={id}>Display name</label>
      <input id={id} value={name} onChange={(e) => setName(e.target.value)} placeholder={settings.actor} required />
      <ErrorNotice message={error} />
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={!name.trim()}>
          Save name
        </button>
      </div>
    </form>
  );
}
