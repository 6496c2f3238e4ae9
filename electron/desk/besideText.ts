/**
 * The calls that change what lives beside a story's text, which the others in the story are
 * told of at once (BESIDE_TEXT_CHANGED): claims, evidence, verdicts, the sources cited, comments.
 */
const BESIDE_TEXT_CHANNELS: ReadonlySet<string> = new Set([
  'claims:create',
  'claims:setKind',
  'claims:setVerdict',
  'claims:setNote',
  'claims:addEvidence',
  'claims:removeEvidence',
  'claims:dismiss',
  'sources:attach',
  'sources:detach',
  'comments:start',
  'comments:reply',
  'comments:resolve',
  'comments:reopen',
]);

function articleIdOf(value: unknown): string | null {
  return typeof value === 'object' && value !== null && 'articleId' in value && typeof value.articleId === 'string'
    ? value.articleId
    : null;
}

/**
 * The story a call that succeeded changed beside its text, from its answer (a claim, a comment
 * thread) or else its request (sources attached to an article); null for any other call.
 */
export function storyChangedBesideText(channel: string, args: unknown, value: unknown): string | null {
  if (!BESIDE_TEXT_CHANNELS.has(channel)) return null;
  return articleIdOf(value) ?? articleIdOf(args);
}
