import { defaultLibraryPath } from '../services/paths';

/** `copydesk --help`. */
export const USAGE = (): string => `Usage: copydesk <command> [options]

Commands:
  list                 the library's articles, most recently updated first, with who each is
                       assigned to (see --sort and the filters below)
  show ID              one article: its fields and body text
  search QUERY         ranked full-text search ("quoted phrases", OR, -exclude), with the filters
                       below
  assign ID NAME --step STEP
                       assign an article to a person for its next step: editing, fact-check or
                       review (signed with your name, kept in the article's history)
  assign ID --clear    assign the article to nobody
  import PATH...       import articles from files and folders (.txt, .md, .html, .docx, .pdf,
                       ninjs .json, package .zip); Ctrl+C stops after the current file
  serve                run Copydesk in the browser on 127.0.0.1 (prints the address to open)
  sources [list] [Q]   the library's sources, or those matching Q (in their fields or snapshot text)
  sources add FILE...  keep files as sources, each with an offline snapshot (.html, .pdf, .docx, .txt)
  claims ID            an article's claims, their verdicts and evidence, and how many are checked
  claims ID --report FILE  write the article's fact-check report (HTML) to FILE
  check ID             the pre-export checklist: blocking items and warnings (exit code 1 while
                       a blocking item remains)
  export ID --out DIR  write the article's package (a folder, or with --zip one .zip) into DIR;
                       a blocking item is exported only with --override ITEM="written reason";
                       the package is signed with this desk's key
  verify PACKAGE       check a package (its folder or .zip): which desk signed it, and whether any
                       file was changed, added or removed since. Exit code 0: verified; 1: a file
                       differs, or the signature does not hold or is missing; 3: every file as
                       signed, but by a desk this library does not trust
  trust NAME KEYFILE   trust another desk's packages: its public key (the file its desk-key
                       writes) under NAME; --replace gives a trusted NAME a new key
  trust                the desks trusted, with their keys' fingerprints
  trust --remove NAME  stop trusting that desk
  desk-key             this desk's name, public key and fingerprint, for another desk to trust;
                       --out FILE writes them as a key file, --name NAME renames the desk
  related ID           the articles related to one, with the reason (shared people, places,
                       organisations, tags and key terms), and its possible duplicates
  related --reindex    analyse articles changed without being analysed (resumable)
  desk serve           run a desk: the library shared by several people, each signed in with a
                       personal key, in the browser (127.0.0.1 unless --host, which needs TLS)
  desk add-person NAME --role ROLE
                       give someone a personal key to the desk (printed once); ROLE is reporter,
                       editor, fact-checker or admin
  desk people          who has a key to the desk, and whose key was revoked
  desk revoke NAME     end that person's key at once
  restore --list       the library's backups, newest first
  restore --latest     replace the library with its newest sound backup
  restore BACKUP       replace the library with that backup (a file, or a name from --list);
                       the replaced file is kept beside it as …before-restore-<time>

Options:
  --library PATH       the library file to use (default: ${defaultLibraryPath()})
  --json               machine-readable output
  --limit N            how many rows to print (list, search, related)
  --trash              list the trash instead of the library (list)
  --sort FIELD         updated (the default), created or headline (list)
  --direction DIR      asc or desc (list; newest first and A to Z unless told)
  --offset N           start at row N+1 (list)
  --status STATUS      draft, editing, fact-check, ready or exported; repeatable (list, search)
  --section NAME, --tag TAG, --author NAME
                       only articles in that section, with that tag, by that author (list, search)
  --person NAME, --place NAME, --organisation NAME
                       only articles that name them (list, search)
  --assigned-to NAME   only articles assigned to that person (list, search)
  --step STEP          editing, fact-check or review (assign)
  --clear              assign to nobody (assign)
  --port N             the port for serve and desk serve (default: a free one)
  --role ROLE          the person's role (desk add-person)
  --host ADDR          the address desk serve listens on (default: 127.0.0.1)
  --tls-cert FILE, --tls-key FILE
                       the certificate and private key (PEM) desk serve uses on --host
  --stories-per-person N
                       how many stories one person's key may have open at once on the desk
                       (desk serve; default: 24)
  --kind KIND          the kind of source (sources add): official-statement, wire-copy, interview,
                       document, web-page, social-post, dataset
  --title TEXT         the source's title (sources add; default: from the file)
  --article ID         cite the added source in this article (sources add)
  --out DIR            the folder to export into (export); with desk-key, the key file to write
  --zip                export one .zip file instead of a folder (export)
  --override ITEM=WHY  export despite a blocking checklist item, for the reason given; repeatable
  --replace            give a desk trusted already a new key (trust)
  --remove             stop trusting the desk named (trust)
  --name NAME          the name this desk signs its packages under (desk-key)
  --list, --latest     see restore
  -h, --help           this help
  -v, --version        the Copydesk version
`;
