/**
 * "Connect to a desk" from a library on this computer (browser mode): the window goes to the
 * desk's own page, which signs in with the key it is handed and offers the way back. The key
 * travels in the address's fragment, which browsers never send to any server, and the desk's
 * page takes it out of the address (and so out of the window's history) before anything else.
 */

const CONNECT = 'connect=';
/** Where the way back to the library on this computer is kept, for this tab only. */
const BACK_KEY = 'copydesk.backToLibrary';

/** The address that opens `desk` signed in with `key`, with the way back to `back`. */
export function connectAddress(desk: string, key: string, back: string): string {
  const params = new URLSearchParams({ back });
  return `${new URL(desk).origin}/#${CONNECT}${encodeURIComponent(key)}&${params.toString()}`;
}

/** A library page on this computer, and nothing else: the only place "back" may lead. */
function isLibraryOnThisComputer(address: string): boolean {
  try {
    const url = new URL(address);
    return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
  } catch {
    return false;
  }
}

/** The key read from the address when the page opened (it is read once: the address no longer has it). */
let handed: string | null | undefined;

/**
 * The key this page was handed to sign in with, if it was opened by Connect to a desk: taken
 * out of the address at once. The way back is kept for this tab.
 */
export function takeConnectKey(): string | null {
  handed ??= readConnectKey();
  return handed;
}

function readConnectKey(): string | null {
  const hash = window.location.hash.slice(1);
  if (!hash.startsWith(CONNECT)) return null;
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  const [key = '', rest = ''] = hash.slice(CONNECT.length).split('&', 2);
  const back = new URLSearchParams(rest).get('back');
  try {
    if (back !== null && isLibraryOnThisComputer(back)) sessionStorage.setItem(BACK_KEY, new URL(back).origin);
  } catch {
    // Not kept: the person goes back by the browser's own Back.
  }
  try {
    return decodeURIComponent(key);
  } catch {
    return null;
  }
}

/** The library on this computer this tab came from, if it came by Connect to a desk. */
export function backToLibrary(): string | null {
  try {
    return sessionStorage.getItem(BACK_KEY);
  } catch {
    return null;
  }
}
