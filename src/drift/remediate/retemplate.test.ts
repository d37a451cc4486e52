import { describe, expect, it } from 'vitest';
import { escapeDollars, retemplate, varRefs } from './retemplate.js';

const env = (values: Record<string, string>) => ({ values: new Map(Object.entries(values)), complete: true });

describe('retemplate', () => {
  it('keeps a variable with its default syntax where the host value reappears', () => {
    const r = retemplate(
      '${APPDATA:-/opt/appdata}/media-indexers/bazarr:/config',
      '/srv/lab/appdata/bazarr',
      env({ APPDATA: '/srv/lab/appdata' }),
    );
    expect(r.text).toBe('${APPDATA:-/opt/appdata}/bazarr');
    expect(r.used).toEqual([{ ref: '${APPDATA:-/opt/appdata}', name: 'APPDATA', value: '/srv/lab/appdata' }]);
  });

  it('uses the default when the host leaves the variable unset', () => {
    expect(retemplate('${APPDATA:-/opt/appdata}/x', '/opt/appdata/y', env({})).text).toBe('${APPDATA:-/opt/appdata}/y');
  });

  it('re-templates every occurrence of a value (a second Traefik host)', () => {
    const r = retemplate(
      'Host(`grafana.${DOMAIN}`)',
      'Host(`grafana.home.example.net`) || Host(`dash.home.example.net`)',
      env({ DOMAIN: 'home.example.net' }),
    );
    expect(r.text).toBe('Host(`grafana.${DOMAIN}`) || Host(`dash.${DOMAIN}`)');
  });

  it('prefers the longest value when two variables overlap', () => {
    const r = retemplate('${ROOT}/${MEDIA}', '/srv/media/x', env({ ROOT: '/srv', MEDIA: '/srv/media' }));
    expect(r.text).toBe('${MEDIA}/x');
  });

  it('writes a value without variables as an escaped literal', () => {
    expect(retemplate('plain', 'PathRegexp(`^/api/v[0-9]+$`)', env({})).text).toBe('PathRegexp(`^/api/v[0-9]+$$`)');
    expect(retemplate(undefined, 'cost=$5 for $HOME', env({ HOME: '/root' })).text).toBe('cost=$$5 for $$HOME');
  });

  it('keeps a literal the repo held escaped as a literal (htpasswd hash)', () => {
    expect(retemplate('admin:$$apr1$$old', 'admin:$apr1$new', env({})).text).toBe('admin:$$apr1$$new');
    expect(varRefs('admin:$$apr1$$old')).toEqual([]);
  });

  it('finds ${…} with nested defaults and bare $NAME references', () => {
    expect(varRefs('${A:-${B:-x}}/$C-$$D')).toEqual([
      { ref: '${A:-${B:-x}}', name: 'A' },
      { ref: '$C', name: 'C' },
    ]);
    expect(escapeDollars('$a$$')).toBe('$$a$$$$');
  });
});
