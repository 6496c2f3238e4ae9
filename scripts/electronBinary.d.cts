/** The path of the installed Electron binary, or null where none is installed. */
export function electronBinary(root?: string): string | null;
