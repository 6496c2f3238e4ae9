import { factCheckReport } from '../services/factCheckReport';
import type { Library } from '../services/LibraryHost';
import { annotationsJsonLd } from './annotations';
import { articleHtml } from './articleHtml';
import { articleMarkdown } from './articleMarkdown';
import { claimsJsonLd } from './claimReview';
import { sourcesCslJson } from './cslJson';
import type { ExportOptions } from './exportData';
import { readExportData } from './exportData';
import { articleNewsml } from './newsml';
import { articleNinjs } from './ninjs';
import type { PackageFile } from './packageFile';
import { textFile } from './packageFile';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The files of an article's export package, in the order they are written, without the
 * manifest (the package writer adds it, hashing these files). Each format is built from the
 * library as it is now; `now` stamps the files that carry a generation time; `options` say how
 * the library's stories are addressed.
 */
export function buildPackageFiles(
  lib: Library,
  articleId: string,
  now: Date,
  options: ExportOptions = {},
): PackageFile[] {
  const data = readExportData(lib, articleId, now, options);
  return [
    textFile('article.html', articleHtml(data)),
    textFile('article.md', articleMarkdown(data)),
    textFile('article.ninjs.json', json(articleNinjs(data))),
    textFile('article.newsml.xml', articleNewsml(data)),
    textFile('claims.jsonld', json(claimsJsonLd(data))),
    textFile('annotations.jsonld', json(annotationsJsonLd(data))),
    textFile('sources.csl.json', json(sourcesCslJson(data))),
    ...data.images.map((image) => ({ path: image.path, bytes: image.bytes })),
    textFile('factcheck-report.html', factCheckReport(lib, articleId, now)),
  ];
}
