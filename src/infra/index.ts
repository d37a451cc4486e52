export type { DockerHost, DockerObject, InspectOptions, ListContainersOptions } from './docker-host.js';
export type { DockerTransport } from './docker-bridge.js';
export type { TransportChoice } from './docker-probe.js';
export { connectDockerHost, type DockerHostDeps } from './docker-over-ssh.js';
export { connectHosts, closeHosts, type HostConnection } from './docker-hosts.js';
export { inspectHost, type InspectedContainer, type InspectTiming, type InspectHostOptions } from './inspect-host.js';
export { type HostErrorCode } from './host-errors.js';
export { sshFingerprint } from './host-key.js';
