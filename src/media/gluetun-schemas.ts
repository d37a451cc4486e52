import { z } from 'zod';

/** `GET /v1/publicip/ip`; `public_ip` is `""` until the first lookup after (re)connecting. */
export const gluetunPublicIpSchema = z.looseObject({
  public_ip: z.string(),
  country: z.string().optional(),
  region: z.string().optional(),
  city: z.string().optional(),
  organization: z.string().optional(),
});

/** `starting | running | stopping | stopped | crashed | completed`. */
export const gluetunStatusSchema = z.looseObject({ status: z.string() });

/** v3.40/v3.41 `{port}` or `{ports}`; master `{port, ports}`. */
export const gluetunPortSchema = z.looseObject({ port: z.number().optional(), ports: z.array(z.number()).nullish() });

export const gluetunVersionSchema = z.looseObject({ version: z.string() });
