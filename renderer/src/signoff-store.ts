import { create } from 'zustand';
import type { CommandOutput } from '../../shared/commands';
import type { SignoffRole } from '../../shared/domain/signoff/message';
import { busyAttempt } from './store-change';
import { api } from './api';

type Key = CommandOutput<'keys.show'>['key'];
type Listed = CommandOutput<'signoff.list'>;

/** Sign-off in the app: this user's signing key, signing the state in a role, and every sign-off with its verdict. */
interface SignoffState {
  key: Key;
  list: Listed | null;
  busy: boolean;
  notice: string | null;
  error: string | null;
  load(file: string): Promise<void>;
  createKey(name: string, passphrase: string): Promise<void>;
  signOff(file: string, role: SignoffRole, passphrase: string, comment: string): Promise<void>;
}

export const useSignoff = create<SignoffState>()((set) => {
  const attempt = busyAttempt(set);
  return {
    key: null,
    list: null,
    busy: false,
    notice: null,
    error: null,
    load: (file) =>
      attempt(async () => {
        const [{ key }, list] = await Promise.all([api.invoke('keys.show', {}), api.invoke('signoff.list', { file })]);
        set({ key, list });
      }),
    // Passphrases go straight to the command; the store never holds them.
    createKey: (name, passphrase) =>
      attempt(async () => {
        const { key } = await api.invoke('keys.create', { name, passphrase });
        set({ key, notice: `Made your signing key ${key.fingerprintGroups}.` });
      }),
    signOff: (file, role, passphrase, comment) =>
      attempt(async () => {
        const { signoff } = await api.invoke('signoff.create', { file, role, passphrase, ...(comment.trim() ? { comment: comment.trim() } : {}) });
        set({ list: await api.invoke('signoff.list', { file }), notice: `Signed off as ${signoff.role} at head ${signoff.head.count}.` });
      }),
  };
});
