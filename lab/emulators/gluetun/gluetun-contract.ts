import { isIP } from 'node:net';
import { z } from 'zod';

/** Reply schemas written from `shared/contracts/gluetun.md` (Go structs; `omitempty` fields optional). */
const status = z.strictObject({
  status: z.enum(['starting', 'running', 'stopping', 'stopped', 'crashed', 'completed']),
});

export const GLUETUN_CONTRACT: Readonly<Record<string, z.ZodType>> = {
  'GET /v1/publicip/ip': z.strictObject({
    public_ip: z.string().refine((ip) => ip === '' || isIP(ip) !== 0, 'public_ip must be an IP address or ""'),
    region: z.string().optional(),
    country: z.string().optional(),
    city: z.string().optional(),
    hostname: z.string().optional(),
    location: z.string().optional(),
    organization: z.string().optional(),
    postal_code: z.string().optional(),
    timezone: z.string().optional(),
  }),
  'GET /v1/vpn/status': status,
  'GET /v1/openvpn/status': status,
  'PUT /v1/vpn/status': z.strictObject({ outcome: z.string() }),
  // v3.41.x: `{port}` for 0 or 1 port, `{ports}` for several.
  'GET /v1/portforward': z.union([
    z.strictObject({ port: z.number().int().min(0) }),
    z.strictObject({ ports: z.array(z.number().int().positive()).min(2) }),
  ]),
  'GET /v1/version': z.strictObject({
    version: z.string().regex(/^v\d+\.\d+\.\d+$/),
    commit: z.string(),
    created: z.string(),
  }),
};

/** Violations of a 200 reply (JSON text with a trailing newline, as Go's json.Encoder writes it). */
export function checkGluetunReply(route: string, status: number, text: string | undefined): string[] {
  const schema = GLUETUN_CONTRACT[route];
  if (schema === undefined || status !== 200) return [];
  if (text?.endsWith('\n') !== true) return [`${route}: body must be JSON followed by a newline`];
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [`${route}: body is not JSON`];
  }
  const parsed = schema.safeParse(body);
  return parsed.success ? [] : parsed.error.issues.slice(0, 5).map((i) => `${route}: ${i.path.join('.')} ${i.message}`);
}
