import type { NoticeRequest } from './notify-schemas.js';

const AVAILABLE = 5;
const DECLINED = 3;

/**
 * Whether everything this request asked for is available: the media (or its 4K side) is
 * AVAILABLE, or — for a TV request of some seasons — every requested season is. Partial-season
 * requests never make the whole show AVAILABLE, so the season check matters (OS #3796).
 */
export function isRequestAvailable(request: NoticeRequest): boolean {
  if (request.status === DECLINED) return false;
  const { media } = request;
  const is4k = request.is4k === true;
  if ((is4k ? media.status4k : media.status) === AVAILABLE) return true;
  const asked = (request.seasons ?? []).map((s) => s.seasonNumber);
  if (request.type !== 'tv' || asked.length === 0) return false;
  return asked.every((n) => {
    const season = media.seasons?.find((s) => s.seasonNumber === n);
    return (is4k ? season?.status4k : season?.status) === AVAILABLE;
  });
}
