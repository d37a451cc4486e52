import type { IncomingMessage } from 'node:http';

/** A parsed request body: scalar fields plus multipart file parts. */
export interface ParsedBody {
  readonly fields: Record<string, unknown>;
  readonly files: readonly { readonly field: string; readonly name: string; readonly bytes: Buffer }[];
  readonly raw: Buffer;
}

export async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Parses what the WebClient sends: form bodies (non-scalars are JSON strings inside the form,
 * `serializeBody`), JSON bodies, and multipart (Buffer arguments and the upload URL's `body` part).
 */
export async function parseBody(req: IncomingMessage): Promise<ParsedBody> {
  const raw = await readRaw(req);
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) {
    return {
      fields: raw.length === 0 ? {} : (JSON.parse(raw.toString('utf8')) as Record<string, unknown>),
      files: [],
      raw,
    };
  }
  if (type.startsWith('multipart/form-data')) return parseMultipart(raw, type);
  const fields: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) fields[k] = v;
  return { fields, files: [], raw };
}

async function parseMultipart(raw: Buffer, type: string): Promise<ParsedBody> {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- a test fake; undici's parser is exact for the WebClient's multipart
  const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
  const fields: Record<string, unknown> = {};
  const files: { field: string; name: string; bytes: Buffer }[] = [];
  for (const [k, v] of form.entries()) {
    if (typeof v === 'string') fields[k] = v;
    else files.push({ field: k, name: v.name, bytes: Buffer.from(await v.arrayBuffer()) });
  }
  return { fields, files, raw };
}

/** The token from `Authorization: Bearer …`, or from a `token` form field. */
export function tokenOf(req: IncomingMessage, fields: Record<string, unknown>): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ') === true) return header.slice('Bearer '.length);
  return typeof fields['token'] === 'string' ? fields['token'] : undefined;
}

/** Web API args arrive as JSON strings inside forms; decode `blocks`/`files`-like values. */
export function jsonArg<T>(value: unknown, fallback: T): T {
  if (value === undefined || value === '') return fallback;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export const stringArg = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
