/**
 * A story's body, defined once: the kinds of node the editor registers, each with the fields it
 * must carry, as types and as zod schemas. A body is Lexical's serialised editor state; the
 * editor, the importer, the exporters and every reader of a saved body go by what is here.
 *
 * Two readings: `BodySchema` is what may be written (a save, an import), and refuses any node
 * this version does not know or that lacks a field it needs. `StoredBodySchema` is what a
 * stored article or version is read with: any tree of typed nodes, so that a body kept by an
 * earlier version, or written through the API before bodies were checked, always opens
 * (readStoredBody turns it into a `Body`, keeping its words, and says what it changed).
 *
 * The schemas check what the nodes mean (a link's address, a mark's claims, a heading's level)
 * and the types of Lexical's own fields; fields they do not name (a newer Lexical's, node
 * state) pass through untouched. Where a node sits is checked only as far as Lexical itself
 * rules it (words belong inside a block, a list holds list items), so no body the editor makes
 * is ever refused for its shape.
 */
import { z } from 'zod';

import { capitalise } from '../fieldWords';
import { TEXT_FORMAT_NAMES, type TextFormatName } from './textFormat';

/** The heading tags Lexical writes. The editor makes h2 and h3; an older or imported body may hold any. */
export const HEADING_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;
export type HeadingTag = (typeof HEADING_TAGS)[number];

/** Lexical's kinds of list. The editor makes bullet and number lists; a pasted task list is a check list. */
export const LIST_TYPES = ['bullet', 'number', 'check'] as const;
export type ListType = (typeof LIST_TYPES)[number];

/** Fields Lexical writes on every node. */
type NodeFields = { version?: number };

/** Fields Lexical writes on every element (a node with children). */
type ElementFields = NodeFields & {
  direction?: 'ltr' | 'rtl' | null;
  /** The block's alignment ('', 'left', 'center'…); Copydesk does not set it. */
  format?: string;
  indent?: number;
  textFormat?: number;
  textStyle?: string;
};

/** Fields of a run of text: `format` holds Lexical's bits (bold 1, italic 2, strikethrough 4…). */
type TextFields = NodeFields & {
  format?: number;
  style?: string;
  mode?: 'normal' | 'token' | 'segmented';
  detail?: number;
};

export type BodyText = TextFields & { type: 'text'; text: string };
export type BodyTab = TextFields & { type: 'tab'; text?: string };
export type BodyLineBreak = NodeFields & { type: 'linebreak' };
export type BodyParagraph = ElementFields & { type: 'paragraph'; children: BodyNode[] };
export type BodyHeading = ElementFields & { type: 'heading'; tag: HeadingTag; children: BodyNode[] };
export type BodyQuote = ElementFields & { type: 'quote'; children: BodyNode[] };
export type BodyList = ElementFields & {
  type: 'list';
  listType: ListType;
  start?: number;
  tag?: 'ul' | 'ol';
  children: BodyListItem[];
};
export type BodyListItem = ElementFields & {
  type: 'listitem';
  value?: number;
  checked?: boolean;
  children: BodyNode[];
};
type LinkFields = ElementFields & {
  url: string;
  rel?: string | null;
  target?: string | null;
  title?: string | null;
  children: BodyNode[];
};
export type BodyLink = LinkFields & { type: 'link' };
export type BodyAutoLink = LinkFields & { type: 'autolink'; isUnlinked?: boolean };
/** A claim's span (@lexical/mark): `ids` are the claims it belongs to. */
export type BodyMark = ElementFields & { type: 'mark'; ids: string[]; children: BodyNode[] };
/** Words someone commented on: `ids` are the comment threads they belong to (the threads are kept in the library). */
export type BodyComment = ElementFields & { type: 'comment'; ids: string[]; children: BodyNode[] };
/**
 * The kinds of block whose change can be suggested: a paragraph, a quotation, a heading by its
 * tag, an item of a bulleted or a numbered list.
 */
export const BLOCK_KINDS = ['paragraph', 'quote', ...HEADING_TAGS, 'bullet', 'number'] as const;
/** The list items among them: the list's type. */
export const LIST_BLOCK_KINDS = ['bullet', 'number'] as const;
export type ListBlockKind = (typeof LIST_BLOCK_KINDS)[number];
export function isListBlockKind(kind: BlockKind): kind is ListBlockKind {
  return kind === 'bullet' || kind === 'number';
}
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** What a suggestion proposes for its words: to add them, to take them out, or to change their format. */
export const SUGGESTION_KINDS = ['insert', 'delete', 'format'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];
/**
 * Words someone suggested adding (`insert`) or taking out (`delete`), or whose format they
 * suggested changing (`format`: `change` set `on` or off, shown as it would be), not yet accepted
 * or rejected; a paragraph moved is both, marked `moved`: `id` names the suggestion (one suggestion may span several runs), `author` who
 * made it and `at` when (an ISO time).
 */
export type BodySuggestion = ElementFields & {
  type: 'suggestion';
  kind: SuggestionKind;
  id: string;
  author: string;
  at: string;
  change?: TextFormatName;
  on?: boolean;
  /** Words moved as a whole paragraph: taken out where they were (`delete`), added where they go (`insert`), one id. */
  moved?: boolean;
  /** A new paragraph suggested here: an addition holding one line break, made a paragraph's end when accepted. */
  split?: boolean;
  /** A change of block (a paragraph made a heading…): all of the block's words, and the block they were in. */
  was?: BlockKind;
  children: BodyNode[];
};
export type BodyRule = NodeFields & { type: 'horizontalrule' };
/** A picture from the library, by its asset id, with what it shows and who took it. */
export type BodyImage = NodeFields & {
  type: 'inline-image';
  assetId: string;
  altText?: string;
  caption?: string;
  credit?: string;
  width?: number;
  height?: number;
};
/** "Also See": a library article by id, or a story elsewhere by address and headline (articleId ''). */
export type BodyAlsoSee = NodeFields & { type: 'also-see'; articleId: string; url?: string; headline?: string };

/** Any node of a body below its root. */
export type BodyNode =
  | BodyText
  | BodyTab
  | BodyLineBreak
  | BodyParagraph
  | BodyHeading
  | BodyQuote
  | BodyList
  | BodyListItem
  | BodyLink
  | BodyAutoLink
  | BodyMark
  | BodyComment
  | BodySuggestion
  | BodyRule
  | BodyImage
  | BodyAlsoSee;
export type BodyNodeType = BodyNode['type'];
export type BodyNodeOf<T extends BodyNodeType> = Extract<BodyNode, { type: T }>;

/** The nodes that are words and breaks between them: they sit inside a block, never at the top. */
export type BodyTextLeaf = BodyText | BodyTab | BodyLineBreak;
/** A node with children. */
export type BodyElement = Extract<BodyNode, { children: unknown }>;

export type BodyRoot = ElementFields & { type: 'root'; children: Exclude<BodyNode, BodyTextLeaf>[] };

/** A story's body as it may be saved: Lexical's editor state with only the nodes above. */
export type Body = { root: BodyRoot };

const optionalNumber = z.number().optional();
const optionalString = z.string().optional();
const nullableString = z.string().nullable().optional();

const elementFields = {
  version: optionalNumber,
  direction: z.enum(['ltr', 'rtl']).nullable().optional(),
  format: optionalString,
  indent: optionalNumber,
  textFormat: optionalNumber,
  textStyle: optionalString,
};
const textFields = {
  version: optionalNumber,
  format: optionalNumber,
  style: optionalString,
  mode: z.enum(['normal', 'token', 'segmented']).optional(),
  detail: optionalNumber,
};
const linkFields = {
  ...elementFields,
  url: z.string(),
  rel: nullableString,
  target: nullableString,
  title: nullableString,
};

/** Each node type's own fields, children aside. The keys are exactly the types the editor registers, but for Lexical's root. */
const NODE_FIELDS = {
  paragraph: { ...elementFields, type: z.literal('paragraph') },
  heading: { ...elementFields, type: z.literal('heading'), tag: z.enum(HEADING_TAGS) },
  quote: { ...elementFields, type: z.literal('quote') },
  list: {
    ...elementFields,
    type: z.literal('list'),
    listType: z.enum(LIST_TYPES),
    start: optionalNumber,
    tag: z.enum(['ul', 'ol']).optional(),
  },
  listitem: { ...elementFields, type: z.literal('listitem'), value: optionalNumber, checked: z.boolean().optional() },
  text: { ...textFields, type: z.literal('text'), text: z.string() },
  tab: { ...textFields, type: z.literal('tab'), text: optionalString },
  linebreak: { version: optionalNumber, type: z.literal('linebreak') },
  link: { ...linkFields, type: z.literal('link') },
  autolink: { ...linkFields, type: z.literal('autolink'), isUnlinked: z.boolean().optional() },
  mark: { ...elementFields, type: z.literal('mark'), ids: z.array(z.string()) },
  comment: { ...elementFields, type: z.literal('comment'), ids: z.array(z.string()) },
  suggestion: {
    ...elementFields,
    type: z.literal('suggestion'),
    kind: z.enum(SUGGESTION_KINDS),
    id: z.string().min(1),
    author: z.string(),
    at: z.string(),
    change: z.enum(TEXT_FORMAT_NAMES).optional(),
    on: z.boolean().optional(),
    moved: z.boolean().optional(),
    split: z.boolean().optional(),
    was: z.enum(BLOCK_KINDS).optional(),
  },
  horizontalrule: { version: optionalNumber, type: z.literal('horizontalrule') },
  'inline-image': {
    version: optionalNumber,
    type: z.literal('inline-image'),
    assetId: z.string(),
    altText: optionalString,
    caption: optionalString,
    credit: optionalString,
    width: optionalNumber,
    height: optionalNumber,
  },
  'also-see': {
    version: optionalNumber,
    type: z.literal('also-see'),
    articleId: z.string(),
    url: optionalString,
    headline: optionalString,
  },
} as const satisfies { readonly [T in BodyNodeType]: z.core.$ZodLooseShape & { type: z.ZodLiteral<T> } };

/** Node types with children. */
const ELEMENT_TYPES: ReadonlySet<string> = new Set([
  'paragraph',
  'heading',
  'quote',
  'list',
  'listitem',
  'link',
  'autolink',
  'mark',
  'comment',
  'suggestion',
] satisfies BodyElement['type'][]);

/** The nodes that are words: they sit inside a block, never at the top. */
const TEXT_LEAVES: ReadonlySet<string> = new Set(['text', 'tab', 'linebreak'] satisfies BodyTextLeaf['type'][]);

type Shallow<T> = T extends { children: unknown } ? Omit<T, 'children'> & { children: unknown[] } : T;

/** Every node type a body may hold below its root, in the order the schemas name them. */
export const BODY_NODE_TYPES = Object.keys(NODE_FIELDS) as BodyNodeType[];

const leaf = <S extends z.core.$ZodLooseShape>(shape: S) => z.looseObject(shape);
const element = <S extends z.core.$ZodLooseShape>(shape: S) =>
  z.looseObject({ ...shape, children: z.array(z.unknown()) });

/**
 * Each node type with the fields it carries, its children left to be checked one by one (see
 * `bodyProblems`, which names what is wrong where).
 */
export const BODY_NODE_SCHEMAS: { readonly [T in BodyNodeType]: z.ZodType<Shallow<BodyNodeOf<T>>> } = {
  paragraph: element(NODE_FIELDS.paragraph),
  heading: element(NODE_FIELDS.heading),
  quote: element(NODE_FIELDS.quote),
  list: element(NODE_FIELDS.list),
  listitem: element(NODE_FIELDS.listitem),
  text: leaf(NODE_FIELDS.text),
  tab: leaf(NODE_FIELDS.tab),
  linebreak: leaf(NODE_FIELDS.linebreak),
  link: element(NODE_FIELDS.link),
  autolink: element(NODE_FIELDS.autolink),
  mark: element(NODE_FIELDS.mark),
  comment: element(NODE_FIELDS.comment),
  suggestion: element(NODE_FIELDS.suggestion),
  horizontalrule: leaf(NODE_FIELDS.horizontalrule),
  'inline-image': leaf(NODE_FIELDS['inline-image']),
  'also-see': leaf(NODE_FIELDS['also-see']),
};

/** Any node with its children, checked in one pass: the quick answer to "is this a body?". */
const AnyNodeSchema: z.ZodType = z.lazy(() => AnyNodeUnion);
const ListItemSchema = z.looseObject({ ...NODE_FIELDS.listitem, children: z.array(AnyNodeSchema) });

function deepSchema(type: BodyNodeType): z.core.$ZodTypeDiscriminable {
  if (type === 'listitem') return ListItemSchema;
  if (!ELEMENT_TYPES.has(type)) return z.looseObject(NODE_FIELDS[type]);
  return z.looseObject({ ...NODE_FIELDS[type], children: z.array(type === 'list' ? ListItemSchema : AnyNodeSchema) });
}

/** One schema for nodes of any of `types`, told apart by their type. */
function unionOf(types: readonly BodyNodeType[]) {
  const [first, ...rest] = types.map(deepSchema);
  if (first === undefined) throw new Error('A union of no node types.');
  return z.discriminatedUnion('type', [first, ...rest]);
}

const AnyNodeUnion = unionOf(BODY_NODE_TYPES);
const WholeBodySchema = z.object({
  root: z.looseObject({
    ...elementFields,
    type: z.literal('root'),
    children: z.array(unionOf(BODY_NODE_TYPES.filter((type) => !TEXT_LEAVES.has(type)))),
  }),
});

/** True when `value` is a body as it may be saved; bodyProblems says why when it is not. */
export function isBody(value: unknown): value is Body {
  return WholeBodySchema.safeParse(value).success;
}

const RootFieldsSchema = z.looseObject({ ...elementFields, type: z.literal('root'), children: z.array(z.unknown()) });

const KNOWN_TYPES = new Set<string>(BODY_NODE_TYPES);

export function isBodyNodeType(type: unknown): type is BodyNodeType {
  return typeof type === 'string' && KNOWN_TYPES.has(type);
}

/** How each kind of node is named in a message. */
export const BODY_NODE_WORDS: { readonly [T in BodyNodeType]: string } = {
  paragraph: 'a paragraph',
  heading: 'a heading',
  quote: 'a quotation',
  list: 'a list',
  listitem: 'a list item',
  text: 'a run of words',
  tab: 'a tab',
  linebreak: 'a line break',
  link: 'a link',
  autolink: 'a link',
  mark: 'a claim mark',
  comment: 'commented words',
  suggestion: 'a suggested change',
  horizontalrule: 'a horizontal rule',
  'inline-image': 'a picture',
  'also-see': 'an Also See',
};

/** How each field a node needs is named in a message. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  children: 'contents',
  text: 'characters',
  tag: 'heading level',
  listType: 'kind of list',
  url: 'address',
  ids: 'claims',
  kind: 'kind of suggestion',
  change: 'format suggested',
  assetId: 'image from the library',
  articleId: 'story',
};

type JsonObject = { readonly [key: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why `node` (already known to have a type) cannot be a node of its type, or null. */
function fieldProblem(type: BodyNodeType, node: JsonObject): string | null {
  const result = BODY_NODE_SCHEMAS[type].safeParse(node);
  if (result.success) return null;
  const issue = result.error.issues[0];
  const field = String(issue?.path[0] ?? '');
  const words = FIELD_WORDS[field] ?? (field === '' ? 'field' : `“${field}”`);
  const what = `${capitalise(BODY_NODE_WORDS[type])} in the text`;
  return node[field] === undefined
    ? `${what} has no ${words}`
    : `${what} has ${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words} Copydesk cannot read`;
}

/**
 * What is wrong with `value` as a body to save, in words for the person or program that sent
 * it, each naming the top-level block it is in: at most `limit` problems, none when it is a
 * body. Stops looking once it has `limit`.
 */
export function bodyProblems(value: unknown, limit = 3): string[] {
  const problems: string[] = [];
  if (!isObject(value) || !isObject(value.root)) return ['The text is not an editor document: it has no root.'];
  const root = RootFieldsSchema.safeParse(value.root);
  if (!root.success) {
    const type = value.root.type;
    return [
      type === 'root'
        ? 'The text is not an editor document: its root has no list of blocks, or fields Copydesk cannot read.'
        : `The text is not an editor document: its top node is ${typeof type === 'string' ? `“${type.slice(0, 40)}”` : 'unnamed'}, where a root belongs.`,
    ];
  }

  const visit = (node: unknown, where: string, parent: 'root' | 'list' | 'other'): void => {
    if (problems.length >= limit) return;
    if (!isObject(node) || typeof node.type !== 'string') {
      problems.push(`The text holds something that is not part of a story (${where}).`);
      return;
    }
    if (!isBodyNodeType(node.type)) {
      problems.push(
        `The text holds “${node.type.slice(0, 40)}”, which is not part of a story: a body holds paragraphs, headings, quotations, lists, links, rules, pictures and Also See blocks (${where}).`,
      );
      return;
    }
    const type = node.type;
    const problem = fieldProblem(type, node);
    if (problem !== null) {
      problems.push(`${problem} (${where}).`);
      return;
    }
    if (parent === 'root' && TEXT_LEAVES.has(type)) {
      problems.push(`The text has ${BODY_NODE_WORDS[type]} outside any paragraph (${where}).`);
      return;
    }
    if (parent === 'list' && type !== 'listitem') {
      problems.push(`A list in the text holds ${BODY_NODE_WORDS[type]} where only list items go (${where}).`);
      return;
    }
    if (Array.isArray(node.children)) {
      for (const child of node.children) visit(child, where, type === 'list' ? 'list' : 'other');
    }
  };

  root.data.children.forEach((child, index) => visit(child, `block ${index + 1}`, 'root'));
  return problems;
}

/** Problems a refused body is reported with: enough to say how many more there are after the first few. */
const MAX_REPORTED = 20;

/**
 * A body as it may be saved or imported: a Lexical root holding only the nodes above, each
 * with the fields it needs. The value is kept as sent (fields it does not name included).
 */
export const BodySchema: z.ZodType<Body> = z.custom<Body>().check((context) => {
  if (isBody(context.value)) return;
  const problems = bodyProblems(context.value, MAX_REPORTED);
  for (const message of problems.length > 0 ? problems : ['The text is not in a form Copydesk can save.']) {
    context.issues.push({ code: 'custom', message, input: context.value });
  }
});

/** A node as any version stored it: a type, and children if it has any. */
export type StoredNode = { type: string; children?: StoredNode[]; [key: string]: unknown };

const StoredNodeSchema: z.ZodType<StoredNode> = z.lazy(() =>
  z.looseObject({
    type: z.string().min(1),
    children: z.array(StoredNodeSchema).optional(),
  }),
);

/**
 * A body as a stored article or version holds it: a Lexical root of typed nodes. Read with
 * readStoredBody before walking it.
 */
export const StoredBodySchema = z.object({
  root: z.looseObject({
    type: z.literal('root'),
    children: z.array(StoredNodeSchema),
  }),
});
export type StoredBody = z.infer<typeof StoredBodySchema>;
