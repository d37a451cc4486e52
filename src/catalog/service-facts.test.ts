import { describe, expect, it } from 'vitest';
import { toImageRef, type ServiceModel } from '../drift/model.js';
import { imageName, imageVersion, traefikUrl } from './service-facts.js';

const model = (image: string, labels: Record<string, string> = {}): ServiceModel =>
  ({ image: toImageRef(image), labels: new Map(Object.entries(labels)) }) as unknown as ServiceModel;

describe('traefikUrl', () => {
  it('reads the Host() rule and uses https for a TLS router', () => {
    const labels = new Map([
      ['traefik.http.routers.radarr.rule', 'Host(`radarr.home.lan`) && PathPrefix(`/`)'],
      ['traefik.http.routers.radarr.tls.certresolver', 'le'],
    ]);
    expect(traefikUrl(labels)).toBe('https://radarr.home.lan');
  });

  it('uses http for a plain router and nothing without a Host() rule or with an unresolved variable', () => {
    expect(
      traefikUrl(
        new Map([
          ['traefik.http.routers.a.rule', 'Host(`a.lan`)'],
          ['traefik.http.routers.a.entrypoints', 'web'],
        ]),
      ),
    ).toBe('http://a.lan');
    expect(traefikUrl(new Map([['traefik.http.routers.a.rule', 'PathPrefix(`/a`)']]))).toBeUndefined();
    expect(traefikUrl(new Map([['traefik.http.routers.a.rule', 'Host(`a.⟪DOMAIN⟫`)']]))).toBeUndefined();
    expect(traefikUrl(new Map([['traefik.enable', 'true']]))).toBeUndefined();
  });
});

describe('imageVersion and imageName', () => {
  it('prefers the OCI version label, else the tag', () => {
    expect(
      imageVersion(
        model('lscr.io/linuxserver/radarr:5.9.1', { 'org.opencontainers.image.version': '5.9.1.9070-ls245' }),
      ),
    ).toBe('5.9.1.9070-ls245');
    expect(imageVersion(model('traefik:v3.1'))).toBe('v3.1');
  });

  it('drops the implicit Docker Hub prefix', () => {
    expect(imageName(model('traefik:v3.1'))).toBe('traefik:v3.1');
    expect(imageName(model('traefik/whoami:v1.10.3'))).toBe('traefik/whoami:v1.10.3');
    expect(imageName(model('lscr.io/linuxserver/plex:1.40.5'))).toBe('lscr.io/linuxserver/plex:1.40.5');
  });
});
