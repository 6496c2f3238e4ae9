import { z } from 'zod';

import { problemCheck } from './errors';
import { publicAddressProblem } from './publicAddress';

/** A term the desk writes another way, flagged in the body with its house form. */
export const HouseStyleRuleSchema = z.strictObject({
  term: z.string().trim().min(1, { error: 'A house-style term cannot be empty.' }).max(200),
  suggestion: z.string().trim().max(200),
  note: z.string().max(500).default(''),
});
export type HouseStyleRule = z.infer<typeof HouseStyleRuleSchema>;

export const THEMES = ['system', 'light', 'dark'] as const;

export const DEFAULT_HOUSE_STYLE: HouseStyleRule[] = [
  { term: 'ISIS', suggestion: 'Daesh', note: 'House style names the group Daesh.' },
  { term: 'ISIL', suggestion: 'Daesh', note: 'House style names the group Daesh.' },
];

/** Every preference with its default; a missing or invalid value falls back to the default. */
export const PREFERENCE_FIELDS = {
  userName: z.string().trim().max(200).default(''),
  defaultByline: z.string().trim().max(500).default(''),
  defaultDatelinePlace: z.string().trim().max(200).default(''),
  theme: z.enum(THEMES).default('system'),
  houseStyle: z.array(HouseStyleRuleSchema).max(2000).default(DEFAULT_HOUSE_STYLE),
  autosaveDelayMs: z.number().int().min(300).max(30_000).default(1000),
  /** The first-run question for the person's name was answered or put off: it is not asked again. */
  askedForName: z.boolean().default(false),
  /** Straight quotes typed in a story in English become typographic ones (“ ” ‘ ’) as they are typed. */
  smartQuotes: z.boolean().default(true),
  /**
   * Where the desk's stories are read once published, as a pattern such as
   * https://www.example.com/{section}/{slug}; empty when there is none. Exported stories link
   * the library stories they point at to their address under it (see shared/publicAddress).
   */
  publicAddressPattern: z.string().trim().check(problemCheck(publicAddressProblem)).default(''),
  /**
   * The folder each library last exported into, by the library file's full path: the export
   * dialog opens with it. The most recently used come last; only the latest are kept.
   */
  exportFolders: z.record(z.string().max(4096), z.string().max(4096)).default({}),
};

/** How many libraries' export folders are remembered. */
export const MAX_REMEMBERED_EXPORT_FOLDERS = 50;

export const PreferencesSchema = z.strictObject(PREFERENCE_FIELDS);
export type Preferences = z.infer<typeof PreferencesSchema>;

/**
 * A change to some preferences; unknown keys are refused. The fields carry no defaults here: a
 * preference the patch leaves out keeps its value instead of being reset.
 */
export const PreferencesPatchSchema = z.strictObject({
  userName: PREFERENCE_FIELDS.userName.unwrap().optional(),
  defaultByline: PREFERENCE_FIELDS.defaultByline.unwrap().optional(),
  defaultDatelinePlace: PREFERENCE_FIELDS.defaultDatelinePlace.unwrap().optional(),
  theme: z.enum(THEMES).optional(),
  houseStyle: z.array(HouseStyleRuleSchema).max(2000).optional(),
  autosaveDelayMs: z.number().int().min(300).max(30_000).optional(),
  askedForName: z.boolean().optional(),
  smartQuotes: z.boolean().optional(),
  publicAddressPattern: PREFERENCE_FIELDS.publicAddressPattern.unwrap().optional(),
  exportFolders: PREFERENCE_FIELDS.exportFolders.unwrap().optional(),
});
export type PreferencesPatch = z.infer<typeof PreferencesPatchSchema>;

export const PreferencesStateSchema = z.object({
  preferences: PreferencesSchema,
  /** Set when the stored preferences could not be read and defaults were put in their place. */
  notice: z.string().nullable(),
});
export type PreferencesState = z.infer<typeof PreferencesStateSchema>;
