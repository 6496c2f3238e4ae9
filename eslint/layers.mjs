// @ts-check
// The layers inside electron/ and renderer/, held by lint as VS Code holds its own: each entry
// names what one layer may not import, and eslint.config.mjs applies it to that layer's files.
// A rule matches the import's path as written (relative, so it climbs with ../ into the folder
// it names); packages and shared/ are never matched, and no module is excepted.
// tests/unit/eslint/layers.test.ts shows each rule fire and stay quiet.

/** @typedef {{ regex: string, message: string }} Restriction */

/**
 * An import path that climbs (../) into one of `folders`, or names one of those modules; with
 * `orBeside`, also one that goes into it from beside it (./), as electron/main.ts would.
 */
function into(folders, { orBeside = false } = {}) {
  return `^(?:${orBeside ? '\\.{1,2}' : '\\.\\.'}/)+(?:${folders.join('|')})(?:/|$)`;
}

/** Everything in electron/ that sits above the library's storage. */
const ABOVE_DB = [
  'services',
  'related',
  'import',
  'export',
  'api',
  'cli',
  'web',
  'sources',
  'preferences',
  'main',
  'ipc',
  'window',
  'menu',
  'preload',
  'appProtocol',
  'desk',
];

/** @type {Record<string, Restriction>} */
export const LAYER_RESTRICTIONS = {
  dbImportsBelow: {
    regex: into(ABOVE_DB),
    message:
      'electron/db/ is the bottom layer: it imports only db/ and shared/ (a helper the queries need moves down into one of them).',
  },
  dbThroughServices: {
    regex: into(['db'], { orBeside: true }),
    message:
      'Only electron/services/ reaches electron/db/: handlers, import/, export/, the CLI and browser mode call a service.',
  },
  editorFeatures: {
    regex: into(['features', 'App', 'main']),
    message:
      'The editor imports no feature: what it needs from the app comes through its props or EditorHost (renderer/editor/EditorHost.ts).',
  },
  editorApi: {
    regex: into(['api']),
    message:
      'The editor does not call the API: the feature that mounts it provides an EditorHost (renderer/editor/EditorHost.ts).',
  },
};

/**
 * The no-restricted-imports entry for a set of restrictions. A later files block replaces an
 * earlier one's entry for the same rule, so each block lists every restriction its files keep.
 * @param {(keyof typeof LAYER_RESTRICTIONS)[]} names
 * @param {{ group: string[], message: string }[]} [others] the wider block's patterns, kept
 */
export function layerImports(names, others = []) {
  return [
    'error',
    {
      patterns: [...others, ...names.map((name) => LAYER_RESTRICTIONS[name])],
    },
  ];
}

/** SQL appears only under electron/db/: a prepared statement, a pragma or a literal script run elsewhere. */
export const RAW_SQL = {
  selector:
    'CallExpression[callee.property.name=/^(prepare|pragma)$/], CallExpression[callee.property.name="exec"][arguments.0.type=/^(Literal|TemplateLiteral)$/]',
  message: 'SQL lives only under electron/db/: add a query there and call it through a service.',
};
