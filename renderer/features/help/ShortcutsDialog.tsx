import type { JSX } from 'react';

import { Dialog } from '../../components/Dialog';
import { shortcutGroups } from './shortcutList';

/** Every keyboard shortcut, grouped as the editor and the window define them. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }): JSX.Element {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} className="dialog--shortcuts" focusableBody>
      <div className="shortcut-groups">
        {shortcutGroups().map((group) => (
          <section key={group.name} className="shortcut-group" aria-label={group.name}>
            <h3 className="shortcut-group__title">{group.name}</h3>
            <dl className="shortcut-list">
              {group.shortcuts.map((shortcut) => (
                <div key={`${shortcut.label}-${shortcut.keys.join('+')}`} className="shortcut-list__row">
                  <dt className="shortcut-list__label">{shortcut.label}</dt>
                  <dd className="shortcut-list__keys">
                    {shortcut.keys.map((key, index) => (
                      <span key={index}>
                        {index === 0 ? null : group.sequence === true ? (
                          <span className="shortcut-list__plus"> then </span>
                        ) : (
                          <span className="shortcut-list__plus" aria-hidden="true">
                            +
                          </span>
                        )}
                        <kbd>{key}</kbd>
                      </span>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
