import { beforeAll } from 'vitest';

import { loadNameFinder } from '../../electron/related/entities';

/**
 * The app loads the name finder as it starts, so its saves are analysed as they are made; a test
 * file that saves articles and reads their names or related articles loads it first too.
 */
export function withNameFinder(): void {
  beforeAll(loadNameFinder);
}
