import { z } from 'zod';

/** `app/preferences`: only the keys the checks read (qBittorrent sends ~200). */
export const qbtPreferencesSchema = z.looseObject({
  save_path: z.string(),
  temp_path_enabled: z.boolean().optional(),
  temp_path: z.string().optional(),
  auto_tmm_enabled: z.boolean().optional(),
  listen_port: z.number().optional(),
  current_network_interface: z.string().optional(),
  current_interface_address: z.string().optional(),
});

/** `torrents/categories`: keyed by name; `savePath` is `""` when the category has none. */
export const qbtCategoriesSchema = z.record(
  z.string(),
  z.looseObject({
    name: z.string(),
    savePath: z.string().default(''),
  }),
);

/** `transfer/info`; the external address fields exist from 5.1.0 on. */
export const qbtTransferInfoSchema = z.looseObject({
  connection_status: z.string(),
  dht_nodes: z.number().optional(),
  last_external_address_v4: z.string().optional(),
  last_external_address_v6: z.string().optional(),
});

/** One `torrents/info` element. */
export const qbtTorrentSchema = z.looseObject({
  hash: z.string(),
  name: z.string(),
  state: z.string(),
  progress: z.number(),
  category: z.string().optional(),
  save_path: z.string().optional(),
  content_path: z.string().optional(),
});

export type QbtPreferences = z.infer<typeof qbtPreferencesSchema>;
export type QbtCategories = z.infer<typeof qbtCategoriesSchema>;
export type QbtTransferInfo = z.infer<typeof qbtTransferInfoSchema>;
export type QbtTorrent = z.infer<typeof qbtTorrentSchema>;
