/**
 * RFC 3986 percent-encoding for a query value. Overseerr validates `query` strictly: `+` for a
 * space or a raw reserved character (`'`, `!`, `:`, `(`…) gives 400. `encodeURIComponent`
 * leaves `!'()*` alone, so those are escaped here as well.
 */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Builds `a=1&b=2` with {@link encodeQueryValue}; undefined values are left out. */
export function toQueryString(params: Readonly<Record<string, string | number | undefined>>): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeQueryValue(k)}=${encodeQueryValue(String(v))}`)
    .join('&');
}
