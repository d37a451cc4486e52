/** Default largest compose file accepted (config `limits.composeFileSize`). */
export const defaultComposeFileLimit = 2 * 1024 * 1024;

/** `1.5 MB`, `512 KB`, `900 B`: a byte count for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} B`;
}

/**
 * Why `text` is too large to parse as one compose file, or undefined when it fits. The caller
 * adds the file name (parse errors are reported as `<file>: <message>`).
 */
export function composeSizeProblem(text: string, maxBytes: number): string | undefined {
  // UTF-8 length is at most 3 bytes per UTF-16 unit: the exact count is only needed near the limit.
  if (text.length * 3 <= maxBytes) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= maxBytes) return undefined;
  return (
    `the file is ${formatBytes(bytes)}, over the ${formatBytes(maxBytes)} limit for one compose file ` +
    `(raise limits.composeFileSize in config.yaml if this file is really meant to be that large)`
  );
}
