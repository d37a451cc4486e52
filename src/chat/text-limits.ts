import type { Platform } from './platform.js';

/**
 * Text limits per platform. Discord: 2000 characters per message. Slack: 3000 per section
 * block (top-level text may be 40000, but we render into sections). Shell: unlimited.
 */
export const textLimits: Readonly<Record<Platform, number>> = {
  discord: 2000,
  slack: 3000,
  shell: Number.POSITIVE_INFINITY,
};
