export { startLab, labProcesses, type Lab, type LabOptions, type LabHost, type LabApps } from './lab.js';
export { stopLab } from './stop-lab.js';
export { startQbittorrent, qbittorrentVersion, type LabQbittorrent } from './qbittorrent.js';
export { requireService, requireLab, hasBinary } from './require-service.js';
export {
  plantEnvDrift,
  plantImageDrift,
  plantLabelDrift,
  plantPortDrift,
  plantVolumeDrift,
  plantRestartDrift,
  plantNetworkModeDrift,
  type PlantedDrift,
  type ServiceRef,
} from './plant-drift.js';
export { startUnmanaged, stopService, removeService, breakStackYaml, addStaleStack } from './plant-drift-other.js';
export { composeContainer } from './compose-edit.js';
export { fixtureImages, alternativeImage } from './fixture-images.js';
export type { FixtureStack } from './fixture-stack.js';
export type { RunResult } from './proc.js';
