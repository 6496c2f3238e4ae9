import { useEffect, useRef, type JSX } from 'react';
import { v7 as uuidv7 } from 'uuid';

import { ArticleIdSchema, type Article, type ArticleId, type Author } from '../../../shared/domain';
import { emptyBody } from '../../../shared/text';
import { api } from '../../api';
import type { PanelTab } from '../panels/SidePanels';
import { articleHref } from '../library/ArticleRow';
import { newArticleDefaults } from '../settings/newArticleDefaults';
import type { Preferences } from '../../../shared/preferences';
import type { ArticleSaver } from './ArticleSaver';
import { keptNewStories } from './keptEdits';

/*
 * "New article" opens a story at once, caret in the headline, with no round trip: a fast typist
 * does not wait for the library. The story gets its id here and is stored under it with its
 * first change; one left without a change is never stored, so the library does not fill with
 * empty "Untitled" drafts.
 */

const NEW_STORY = /^#\/new\/([^/?#]+)$/;

/** The address of a story not stored yet: a reload finds it again (and what was kept of it). */
export function newStoryHref(id: ArticleId): string {
  return `#/new/${id}`;
}

/** The story an address names, stored or new, and whether it was opened as new. */
export function storyFromHash(hash: string): { id: ArticleId; isNew: boolean } | null {
  const match = NEW_STORY.exec(hash) ?? /^#\/article\/([^/?#]+)$/.exec(hash);
  if (match?.[1] === undefined) return null;
  const parsed = ArticleIdSchema.safeParse(decodeURIComponent(match[1]));
  return parsed.success ? { id: parsed.data, isNew: NEW_STORY.test(hash) } : null;
}

/**
 * The id for the next new story: one whose typed words never reached the library (and is not
 * the one open now) comes back first, with what was kept of it.
 */
export function nextNewStoryId(openId: ArticleId | null): ArticleId {
  return keptNewStories().find((id) => id !== openId) ?? ArticleIdSchema.parse(uuidv7());
}

/** A story as "New article" opens it: empty but for the default dateline place. */
export function newStoryArticle(id: ArticleId, datelinePlace: string): Article {
  const now = new Date().toISOString();
  return {
    id,
    slug: '',
    headline: '',
    dek: '',
    byline: '',
    authors: [],
    dateline: datelinePlace.trim(),
    datelineDate: '',
    leadImage: null,
    leadImageCredit: '',
    syndicationCredit: '',
    embargoUntil: null,
    publishAt: null,
    seoHeadline: '',
    socialHeadline: '',
    seoDescription: '',
    language: 'en',
    lengthTarget: null,
    slugLocked: false,
    body: emptyBody(),
    bodyText: '',
    section: '',
    tags: [],
    related: [],
    status: 'draft',
    // The library names the person who stores it as its owner.
    owner: '',
    assignee: '',
    assignedStep: null,
    othersSuggest: false,
    version: 1,
    wordCount: 0,
    createdAt: now,
    updatedAt: now,
    trashedAt: null,
  };
}

/**
 * For a story not stored yet: finds the default byline and hands the defaults to the saver (the
 * story is stored with them), shows the byline when it is known, and once the story is stored
 * gives it its ordinary address, without reopening it.
 */
export function useNewStory(
  unstored: boolean,
  stored: boolean,
  saver: ArticleSaver,
  preferences: Pick<Preferences, 'defaultByline' | 'defaultDatelinePlace'>,
  onAuthors: (authors: Author[]) => void,
  report: (error: unknown) => void,
): void {
  const { defaultByline, defaultDatelinePlace } = preferences;
  const listeners = useRef({ onAuthors, report });
  useEffect(() => {
    listeners.current = { onAuthors, report };
  });
  useEffect(() => {
    if (!unstored) return undefined;
    let live = true;
    const defaults = newArticleDefaults({ defaultByline, defaultDatelinePlace }, api);
    saver.setCreationDefaults(defaults.then(({ patch }) => patch));
    defaults.then(
      ({ authors }) => {
        if (live && authors.length > 0) listeners.current.onAuthors(authors);
      },
      (error: unknown) => listeners.current.report(error),
    );
    return () => {
      live = false;
    };
  }, [unstored, saver, defaultByline, defaultDatelinePlace]);

  useEffect(() => {
    if (!stored || storyFromHash(window.location.hash)?.isNew !== true) return;
    window.history.replaceState(window.history.state, '', articleHref(saver.id));
  }, [stored, saver]);
}

/** What the side panels say while the story is not stored yet. */
function NewStoryNote(): JSX.Element {
  return (
    <p className="muted new-story-note">
      This story is kept from its first word. Write its headline or its text; its sources, claims and versions come here
      then.
    </p>
  );
}

/** Until the story is stored its panels have nothing to show: they say so instead. */
export function panelsOfNewStory(stored: boolean, tabs: readonly PanelTab[]): PanelTab[] {
  return stored ? [...tabs] : tabs.map((tab) => ({ ...tab, render: () => <NewStoryNote /> }));
}
