/** One file of an export package: its path inside the package (forward slashes) and its bytes. */
export type PackageFile = { readonly path: string; readonly bytes: Uint8Array };

const encoder = new TextEncoder();

/** A package file holding UTF-8 text. */
export function textFile(path: string, text: string): PackageFile {
  return { path, bytes: encoder.encode(text) };
}
