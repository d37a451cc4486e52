import { appConfigSchema, type AppConfig } from './schema.js';

/**
 * The embedded default used when `./config.yaml` does not exist: no hosts, no chat tokens,
 * no media services; the local shell is the only chat adapter and every setting has its default.
 */
export function defaultConfig(): AppConfig {
  return appConfigSchema.parse({});
}
