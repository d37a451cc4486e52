import { z } from 'zod';
import { defineCommand } from '../define-command.js';

/**
 * `/health`: checks every configured media service and their integration (reachability and
 * credentials, indexers, download client, paths, VPN, Plex) and answers with a checklist grouped
 * by service, failing items first, suggestions inline, the full report attached.
 */
export const health = defineCommand({
  command: 'health',
  description: 'Check the media services and how they are wired together',
  role: 'operator',
  job: 'health.run',
  options: z.object({}),
});
