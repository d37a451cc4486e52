/** Overseerr permission bits (server/lib/permissions.ts); ADMIN passes every check. */
const PERMISSION = { ADMIN: 2, REQUEST_4K: 1024, REQUEST_4K_MOVIE: 2048, REQUEST_4K_TV: 4096 } as const;

/** Whether a user with this permission mask may request the media type in 4K. */
export function mayRequest4k(permissions: number | undefined, mediaType: 'movie' | 'tv'): boolean {
  const bits = permissions ?? 0;
  const specific = mediaType === 'movie' ? PERMISSION.REQUEST_4K_MOVIE : PERMISSION.REQUEST_4K_TV;
  return (bits & (PERMISSION.ADMIN | PERMISSION.REQUEST_4K | specific)) !== 0;
}
