import { z } from 'zod';
import { defineCommand } from '../define-command.js';

/**
 * `/e2e [dry-run]`: requests the configured test movie and follows it through Overseerr →
 * Radarr → Prowlarr → qBittorrent → Radarr import → Plex → Overseerr, editing one step list
 * live. `dry-run` only checks each hop's readiness and requests nothing (operator only).
 */
export const e2e = defineCommand({
  command: 'e2e',
  description: 'Run the end-to-end media pipeline test with the configured test title',
  role: 'operator',
  job: 'media.e2e',
  options: z.object({
    'dry-run': z.boolean().optional().describe('Only check that every hop is ready; request nothing'),
  }),
});
