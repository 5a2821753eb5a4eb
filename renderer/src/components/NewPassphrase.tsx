import { useState } from 'react';
import { MIN_PASSPHRASE } from '../../../shared/passphrase';

/**
 * A new passphrase, typed twice (packing, making a signing key): the two values, whether they may
 * be used (long enough and the same), and a way to forget them once the form is sent.
 */
export function useNewPassphrase() {
  const [value, setValue] = useState('');
  const [again, setAgain] = useState('');
  return {
    value,
    again,
    setValue,
    setAgain,
    mismatch: again !== '' && again !== value,
    ready: value.length >= MIN_PASSPHRASE && value === again,
    clear() {
      setValue('');
      setAgain('');
    },
  };
}

export type NewPassphrase = ReturnType<typeof useNewPassphrase>;

/** The two fields, inside a form's field row. */
export function NewPassphraseFields({ passphrase, label }: { passphrase: NewPassphrase; label: string }) {
  return (
    <>
      <label className="field">
        <span>{label}</span>
        <input type="password" autoComplete="new-password" value={passphrase.value} onChange={(e) => passphrase.setValue(e.target.value)} />
      </label>
      <label className="field">
        <span>{label} again</span>
        <input type="password" autoComplete="new-password" value={passphrase.again} onChange={(e) => passphrase.setAgain(e.target.value)} aria-invalid={passphrase.mismatch} />
      </label>
    </>
  );
}

/** What is wrong with it, said below the form. */
export function NewPassphraseProblem({ passphrase }: { passphrase: NewPassphrase }) {
  if (passphrase.mismatch) return <p className="field-error">The two passphrases differ.</p>;
  if (passphrase.value !== '' && passphrase.value.length < MIN_PASSPHRASE) return <p className="muted small">At least {MIN_PASSPHRASE} characters.</p>;
  return null;
}
