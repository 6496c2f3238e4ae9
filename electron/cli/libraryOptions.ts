import type { ArgsOf } from '../../shared/api';
import { ARTICLE_STATUSES } from '../../shared/domain';
import { ENTITY_KINDS } from '../../shared/entities';
import { LibraryFiltersSchema, LibrarySortSchema, SortDirectionSchema } from '../../shared/library';
import type { CommandContext } from './sourcesCommands';

/** The command-line options that narrow and order `list` and `search`, as typed. */
export type LibraryOptions = {
  status: string[];
  section?: string;
  tag?: string;
  author?: string;
  person?: string;
  place?: string;
  organisation?: string;
  'assigned-to'?: string;
  sort?: string;
  direction?: string;
  offset?: string;
};

type Filters = NonNullable<ArgsOf<'articles:list'>['filters']>;

/** The first problem zod found, as the sentence it gives. */
function firstProblem(error: { issues: readonly { message: string }[] }): string {
  return error.issues[0]?.message ?? 'The options are not valid.';
}

/**
 * The library filters the options ask for: statuses (repeatable), section, tag, author (by
 * name, as the library knows it), one person, place or organisation named, and the person the
 * stories are assigned to. A mistake in
 * what was typed is a usage error, with the reason; an author the library does not know is
 * said so.
 */
export async function filtersFrom(options: LibraryOptions, context: CommandContext): Promise<Filters> {
  const entities = ENTITY_KINDS.filter((kind) => options[kind] !== undefined);
  if (entities.length > 1) throw context.usage('Choose one of --person, --place and --organisation.');
  const [kind] = entities;
  let authorId: string | undefined;
  if (options.author !== undefined) {
    const wanted = options.author.trim().toLocaleLowerCase('en');
    const found = await context.call('authors:find', { query: options.author, limit: 100 });
    const author = found.find((candidate) => candidate.name.toLocaleLowerCase('en') === wanted);
    if (author === undefined) {
      const names = found.slice(0, 5).map((candidate) => candidate.name);
      throw context.usage(
        `No author in this library is named "${options.author}".${names.length === 0 ? '' : ` Close: ${names.join(', ')}.`}`,
      );
    }
    authorId = author.id;
  }
  const unknown = options.status.find((status) => !(ARTICLE_STATUSES as readonly string[]).includes(status));
  if (unknown !== undefined) {
    throw context.usage(`--status takes ${ARTICLE_STATUSES.join(', ')}; not "${unknown}".`);
  }
  const parsed = LibraryFiltersSchema.safeParse({
    statuses: options.status.length === 0 ? undefined : [...new Set(options.status)],
    section: options.section,
    tag: options.tag,
    authorId,
    entity: kind === undefined ? undefined : { kind, name: options[kind] },
    assignedTo: options['assigned-to'],
  });
  if (!parsed.success) throw context.usage(firstProblem(parsed.error));
  return parsed.data;
}

/** The order and first row of `list`: --sort updated|created|headline, --direction asc|desc, --offset N. */
export function orderFrom(
  options: LibraryOptions,
  context: CommandContext,
): Pick<ArgsOf<'articles:list'>, 'sort' | 'direction' | 'offset'> {
  const sort = LibrarySortSchema.optional().safeParse(options.sort);
  if (!sort.success) throw context.usage(`--sort: ${firstProblem(sort.error)}`);
  const direction = SortDirectionSchema.optional().safeParse(options.direction);
  if (!direction.success) throw context.usage(`--direction: ${firstProblem(direction.error)}`);
  const offset = options.offset === undefined ? 0 : Number(options.offset);
  if (!Number.isInteger(offset) || offset < 0) {
    throw context.usage(`--offset takes a whole number, 0 or more, not "${options.offset ?? ''}".`);
  }
  return { sort: sort.data, direction: direction.data, offset };
}
