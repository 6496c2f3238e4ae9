import { useCallback, useId, useRef, useState, type JSX, type KeyboardEvent, type ReactNode } from 'react';

import { Icon, type IconName } from '../../components/Icon';
import { CollapseToggle } from '../layout/CollapseToggle';
import { IconButton } from '../layout/IconButton';
import { PANELS_SHORTCUT } from '../layout/layoutShortcuts';
import { hasFocus } from '../layout/regions';
import { readStored, useStoredFlag, writeStored } from '../layout/stored';
import { useToggleShortcut } from '../layout/useToggleShortcut';

/** One tab of the side panels: its name is also the name of the landmark region it shows. */
export type PanelTab = { id: string; label: string; icon: IconName; render: () => ReactNode };

const TAB_KEY = 'copydesk.panel';
const COLLAPSED_KEY = 'copydesk.panelsCollapsed';

function rememberedTab(tabs: readonly PanelTab[]): string {
  const stored = readStored(TAB_KEY);
  return stored !== null && tabs.some((tab) => tab.id === stored) ? stored : (tabs[0]?.id ?? '');
}

/** Where focus goes once the panels changed shape under the control that had it. */
type FocusAfterToggle = 'toggle' | 'tab' | null;

/**
 * The tabbed panels beside the article. Tabs follow the ARIA tabs pattern (arrow keys move
 * between them, one tab stop); each panel is a named region, so it is a landmark of its own.
 * The panels collapse to a rail of icons (a button, Ctrl+Shift+\, remembered) where a window
 * is short of width; a tab's icon in the rail opens the panels on it.
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
  const [collapsedByChoice, setCollapsed] = useStoredFlag(COLLAPSED_KEY);
  // A request (a claim just marked) opens collapsed panels for now, without changing the choice.
  const [opened, setOpened] = useState(false);
  const collapsed = collapsedByChoice && !opened;
  const [focusAfter, setFocusAfter] = useState<FocusAfterToggle>(null);
  const [handled, setHandled] = useState(request);
  if (request !== handled) {
    setHandled(request);
    if (request != null) {
      setSelected(request.id);
      setOpened(true);
      setFocusAfter(null);
    }
  }
  const ids = useId();
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const current = tabs.find((tab) => tab.id === selected) ?? tabs[0];

  const select = (id: string, focus: boolean) => {
    setSelected(id);
    writeStored(TAB_KEY, id);
    if (focus) tabRefs.current.get(id)?.focus();
  };

  const setShape = useCallback(
    (collapse: boolean, focus: FocusAfterToggle) => {
      setFocusAfter(focus);
      setOpened(false);
      setCollapsed(collapse);
    },
    [setCollapsed],
  );

  useToggleShortcut(
    true,
    useCallback(() => {
      setShape(!collapsed, hasFocus('panels') ? 'toggle' : null);
    }, [collapsed, setShape]),
  );

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

  if (collapsed) {
    return (
      <aside className="side-panels side-panels--rail" aria-label="Article panels">
        <CollapseToggle
          name="Expand panels"
          icon="sidebarRight"
          shortcut={PANELS_SHORTCUT}
          autoFocus={focusAfter === 'toggle'}
          onClick={() => setShape(false, 'toggle')}
        />
        <div className="rail__group" role="group" aria-label="Panels">
          {tabs.map((tab) => (
            <IconButton
              key={tab.id}
              name={tab.label}
              icon={tab.icon}
              onClick={() => {
                select(tab.id, false);
                setShape(false, 'tab');
              }}
            />
          ))}
        </div>
      </aside>
    );
  }

  return (
    <aside className="side-panels" aria-label="Article panels">
      <div className="side-panels__bar">
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
                autoFocus={isSelected && focusAfter === 'tab'}
                // The name stays when a narrow panel shows the tab as its icon alone.
                aria-label={tab.label}
                title={tab.label}
                onClick={() => select(tab.id, false)}
              >
                <Icon name={tab.icon} />
                <span className="side-panels__tab-label">{tab.label}</span>
              </button>
            );
          })}
        </div>
        <CollapseToggle
          name="Collapse panels"
          icon="sidebarRight"
          shortcut={PANELS_SHORTCUT}
          small
          autoFocus={focusAfter === 'toggle'}
          onClick={() => setShape(true, 'toggle')}
        />
      </div>
      {current === undefined ? null : (
        <div
          className="side-panels__panel"
          role="tabpanel"
          id={`${ids}-panel-${current.id}`}
          aria-labelledby={`${ids}-tab-${current.id}`}
        >
          <section className="panel" aria-label={current.label}>
            {/* Shown where the tabs are icons alone; the tab already names the panel to assistive technology. */}
            <p className="side-panels__title" aria-hidden="true">
              {current.label}
            </p>
            {current.render()}
          </section>
        </div>
      )}
    </aside>
  );
}
