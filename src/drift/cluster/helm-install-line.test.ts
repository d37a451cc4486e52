import { describe, expect, it } from 'vitest';
import { chartName, findHelmInstall } from './helm-install-line.js';

describe('findHelmInstall', () => {
  it('reads release, chart, namespace and version from a one-line upgrade --install', () => {
    expect(
      findHelmInstall(
        '#!/bin/sh\nhelm repo add x y\nhelm upgrade --install traefik traefik/traefik --version 33.2.1 -n traefik -f values-homelab.yaml\n',
      ),
    ).toEqual({ release: 'traefik', chart: 'traefik/traefik', namespace: 'traefik', version: '33.2.1', line: 3 });
  });

  it('joins continued lines, accepts --flag=value and skips values flags', () => {
    const text =
      'helm upgrade --install \\\n  -f values-homelab.yaml --set a=b \\\n  nextcloud nextcloud/nextcloud \\\n  --namespace=cloud --version=6.2.4\n';
    expect(findHelmInstall(text)).toEqual({
      release: 'nextcloud',
      chart: 'nextcloud/nextcloud',
      namespace: 'cloud',
      version: '6.2.4',
      line: 1,
    });
  });

  it('finds the command inside a README code block and ignores commented-out ones', () => {
    expect(
      findHelmInstall('# Title\n\n# helm install old old/old\n```sh\nhelm install kuma uptime/kuma -n mon\n```\n'),
    ).toEqual({ release: 'kuma', chart: 'uptime/kuma', namespace: 'mon', line: 5 });
    expect(findHelmInstall('helm repo update\n')).toBeUndefined();
  });

  it('takes the bare chart name of repo and OCI references', () => {
    expect(chartName('oci://ghcr.io/stefanprodan/charts/podinfo')).toBe('podinfo');
    expect(chartName('traefik/traefik')).toBe('traefik');
  });
});
