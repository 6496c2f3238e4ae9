import type { Library } from '../services/LibraryHost';
import { factCheckReport } from '../services/factCheckReport';
import type { PackageFile } from './packageFile';
import { textFile } from './packageFile';

/**
 * The files of an article's export package, in the order they are written, without the
 * manifest (the package writer adds it, hashing these files). Each format is built from the
 * library as it is now; `now` stamps the files that carry a generation time.
 */
export function buildPackageFiles(lib: Library, articleId: string, now: Date): PackageFile[] {
  return [textFile('factcheck-report.html', factCheckReport(lib, articleId, now))];
}
