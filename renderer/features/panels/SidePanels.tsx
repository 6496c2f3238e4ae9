import { useId, useRef, useState, type JSX, type KeyboardEvent, type ReactNode } from 'react';

import { Icon, type IconName } from '../../components/Icon';

/** One tab of the side panels: its name is also the name of the landmark region it shows. */
export type PanelTab = { id: string; label: string; icon: IconName; render: () => ReactNode };

const TAB_KEY = 'copydesk.panel';

function rememberedTab(tabs: readonly PanelTab[]): string {
  try {
    const stored = localStorage.getItem(TAB_KEY);
    if (stored !== null && tabs.some((tab) => tab.id === stored)) return stored;
  } catch {
    // Storage can be disabled; the first tab opens.
  }
  return tabs[0]?.id ?? '';
}

/**
 * The tabbed panels beside the article. Tabs follow the ARIA tabs pattern (arrow keys move
 * between them, one tab stop); each panel is a named region, so it is a landmark of its own.
 */
export function SidePanels({
  tabs,
  request,
}: {
  tabs: readonly PanelTab[];
  /** Brings a tab to the front when something elsewhere needs it (a claim just marked); `at` tells requests apart. */
  request?: { id: string; at: number } | null;
}): JSX.Element {
  const [selected, setSelected] = useState(() => rememberedTab(tabs));
  const [handled, setHandled] = useState(request);
  if (request !== handled) {
    setHandled(request);
    if (request != null) setSelected(request.id);
  }
  const ids = useId();
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const current = tabs.find((tab) => tab.id === selected) ?? tabs[0];

  const select = (id: string, focus: boolean) => {
    setSelected(id);
    try {
      localStorage.setItem(TAB_KEY, id);
    } catch {
      // See rememberedTab.
    }
    if (focus) tabRefs.current.get(id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === current?.id);
    let next: number;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    else return;
    event.preventDefault();
    const tab = tabs[next];
    if (tab !== undefined) select(tab.id, true);
  };

  return (
    <aside className="side-panels" aria-label="Article panels">
      <div className="side-panels__tabs" role="tablist" aria-label="Panels" onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const isSelected = tab.id === current?.id;
          return (
            <button
              key={tab.id}
              ref={(element) => {
                if (element === null) tabRefs.current.delete(tab.id);
                else tabRefs.current.set(tab.id, element);
              }}
              type="button"
              role="tab"
              id={`${ids}-tab-${tab.id}`}
              className="side-panels__tab"
              aria-selected={isSelected}
              aria-controls={`${ids}-panel-${tab.id}`}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => select(tab.id, false)}
            >
              <Icon name={tab.icon} />
              {tab.label}
            </button>
          );
        })}
      </div>
      {current === undefined ? null : (
        <div
          className="side-panels__panel"
          role="tabpanel"
          id={`${ids}-panel-${current.id}`}
          aria-labelledby={`${ids}-tab-${current.id}`}
        >
          <section className="panel" aria-label={current.label}>
            {current.render()}
          </section>
        </div>
      )}
    </aside>
  );
}
