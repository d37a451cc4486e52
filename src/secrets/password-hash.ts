/**
 * One-way password hashes as htpasswd and crypt(3) write them (`$apr1$…`, `$2y$…`, `$5$…`, `$6$…`,
 * `$argon2id$…`, `{SHA}…`), optionally behind `user:`, comma-separated for several users (Traefik
 * `basicauth.users`). Not a password: it is what a repo that keeps one publishes instead.
 */
const HASH = /^(?:[^:\s,]+:)?(?:\$(?:apr1|2[abxy]?|5|6|y|argon2(?:id|i|d))\$[^\s,]+|\{SHA\}[A-Za-z0-9+/=]+)$/;

/** Whether every comma-separated part of `value` is a password hash (see {@link HASH}). */
export const isPasswordHash = (value: string): boolean =>
  value !== '' && value.split(',').every((part) => HASH.test(part.trim()));
