import { describe, expect, it } from 'vitest';
import { socketFromDockerHost } from './docker-over-ssh.js';

describe('socketFromDockerHost', () => {
  it("takes the socket path from a session's unix:// DOCKER_HOST and nothing else", () => {
    expect(socketFromDockerHost('unix:///run/user/1000/docker.sock')).toBe('/run/user/1000/docker.sock');
    expect(socketFromDockerHost(' unix:///var/run/docker.sock\n')).toBe('/var/run/docker.sock');
    expect(socketFromDockerHost('')).toBeUndefined();
    expect(socketFromDockerHost('tcp://10.0.0.5:2375')).toBeUndefined();
    expect(socketFromDockerHost('unix://')).toBeUndefined();
  });
});
