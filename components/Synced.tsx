import { useState, type InputHTMLAttributes } from 'react';

/**
 * A checkbox or radio button whose value lives in the store: it shows the
 * user's click at once, and follows the stored value when that changes (a
 * live query catches up a moment later, or another view changed it). When
 * `onChecked` returns a promise that resolves false (the write failed), the box
 * goes back.
 */
export function SyncedCheck({
  checked,
  onChecked,
  type = 'checkbox',
  ...input
}: { checked: boolean; onChecked: (checked: boolean) => void | Promise<boolean>; type?: 'checkbox' | 'radio' } & Omit<InputHTMLAttributes<HTMLInputElement>, 'checked' | 'onChange' | 'type'>) {
  const [local, setLocal] = useState(checked);
  const [stored, setStored] = useState(checked);
  if (stored !== checked) {
    setStored(checked);
    setLocal(checked);
  }
  return (
    <input
      {...input}
      type={type}
      checked={local}
      onChange={(e) => {
        const next = e.target.checked;
        setLocal(next);
        // A write that reports failure (false) puts the box back as it was stored.
        void onChecked(next)?.then((ok) => {
          if (ok === false) setLocal(!next);
        });
      }}
    />
  );
}
