import { useEffect, useState } from 'react';

import type { LibraryFacets, LibraryFilters } from '../../../shared/library';
import { api } from '../../api';

/**
 * The counts beside the filter controls, asked for again when the filters or the library
 * change. Until the first answer, and while a newer one is on its way, the last counts stay.
 */
export function useFacets(
  filters: LibraryFilters,
  version: number,
  enabled: boolean,
  report: (error: unknown) => void,
): LibraryFacets | null {
  const [facets, setFacets] = useState<LibraryFacets | null>(null);
  const key = JSON.stringify(filters);

  useEffect(() => {
    if (!enabled) return undefined;
    let current = true;
    api.invoke('library:facets', { filters: JSON.parse(key) as LibraryFilters }).then(
      (result) => {
        if (current) setFacets(result);
      },
      (error: unknown) => {
        if (current) report(error);
      },
    );
    return () => {
      current = false;
    };
  }, [key, version, enabled, report]);

  return facets;
}
