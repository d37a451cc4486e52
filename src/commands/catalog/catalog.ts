import { z } from 'zod';
import { defineCommand } from '../define-command.js';

/**
 * `/catalog`: the service catalog (Markdown table: service, stack, host, image, version, URL,
 * health) and a Mermaid diagram of hosts → stacks → services, networks and the media pipeline,
 * posted as attachments (plus a PNG when a renderer is installed). Operator only; read-only.
 */
export const catalog = defineCommand({
  command: 'catalog',
  description: 'Service catalog and diagram of hosts, stacks, services and the media pipeline',
  role: 'operator',
  job: 'catalog.show',
  options: z.object({}),
});
