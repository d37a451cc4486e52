import { defineCommand } from '../define-command.js';
import { requestTitleOptions } from './request-movie.js';

/** `/request tv <title>`: search, pick, choose seasons, confirm; requested as the caller. */
export const requestTv = defineCommand({
  command: 'request',
  subcommand: 'tv',
  description: 'Request a TV series (search, pick, choose seasons, confirm)',
  role: 'family',
  job: 'media.request-tv',
  options: requestTitleOptions,
  freeText: 'title',
});
