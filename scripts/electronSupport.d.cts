export function newestStableMajor(on: Date): number;
export function isSupported(major: number, on: Date): boolean;
