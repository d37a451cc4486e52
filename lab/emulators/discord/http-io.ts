import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggedFile } from './emulator-state.js';

export interface ParsedBody {
  readonly json: unknown;
  readonly files: LoggedFile[];
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** JSON or multipart (`payload_json` + `files[n]`, as @discordjs/rest sends them). */
export async function readBody(req: IncomingMessage): Promise<ParsedBody> {
  const raw = await readRaw(req);
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { json: undefined, files: [] };
  if (!type.startsWith('multipart/form-data')) return { json: JSON.parse(raw.toString('utf8')) as unknown, files: [] };
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- dependency-free multipart parsing in a test fake (emulators.md §E)
  const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
  let json: unknown;
  const files: LoggedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') json = JSON.parse(value) as unknown;
      continue;
    }
    files.push({
      field,
      filename: value.name,
      contentType: value.type || 'application/octet-stream',
      bytes: Buffer.from(await value.arrayBuffer()),
    });
  }
  return { json, files };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** Discord's error body shape, e.g. `{ message: 'Unknown Message', code: 10008 }`. */
export const apiError = (status: number, code: number, message: string) => ({ status, body: { message, code } });
