import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkGluetunReply } from './gluetun-contract.js';
import { startGluetunEmulator, type GluetunEmulator } from './gluetun-emulator.js';

describe('Gluetun emulator', () => {
  let emu: GluetunEmulator;
  /** `key` null sends no key header. */
  const get = async (path: string, key: string | null = emu.apiKey) => {
    const res = await fetch(`${emu.url}${path}`, { headers: key === null ? {} : { 'X-API-Key': key } });
    return { status: res.status, text: await res.text() };
  };

  beforeAll(async () => {
    emu = await startGluetunEmulator();
  });
  afterEach(() => {
    expect(emu.violations).toEqual([]);
  });
  afterAll(async () => {
    await emu.close();
  });

  it('the contract rejects replies that break gluetun.md', () => {
    expect(checkGluetunReply('GET /v1/publicip/ip', 200, '{"public_ip":"not-an-ip"}\n')).not.toEqual([]);
    expect(checkGluetunReply('GET /v1/vpn/status', 200, '{"status":"connected"}\n')).not.toEqual([]);
    expect(checkGluetunReply('GET /v1/vpn/status', 200, '{"status":"running"}')).not.toEqual([]);
    expect(checkGluetunReply('GET /v1/vpn/status', 200, '{"status":"running"}\n')).toEqual([]);
  });

  it('serves the routes as Go JSON text with a trailing newline', async () => {
    expect(await get('/v1/publicip/ip')).toMatchObject({
      status: 200,
      text: expect.stringContaining('"public_ip":"198.51.100.23"') as string,
    });
    expect((await get('/v1/vpn/status')).text).toBe('{"status":"running"}\n');
    expect((await get('/v1/openvpn/status')).text).toBe('{"status":"stopped"}\n');
    emu.setForwardedPorts([51413]);
    expect((await get('/v1/openvpn/portforwarded')).text).toBe('{"port":51413}\n');
    emu.setPublicIp('');
    expect((await get('/v1/publicip/ip')).text).toBe('{"public_ip":""}\n');
  });

  it('answers 401 for a wrong key and for a route no role covers', async () => {
    expect((await get('/v1/vpn/status', 'wrong')).status).toBe(401);
    expect((await get('/v1/vpn/status', null)).status).toBe(401);
    const narrow = await startGluetunEmulator({ routes: ['GET /v1/publicip/ip'] });
    const res = await fetch(`${narrow.url}/v1/vpn/status`, { headers: { 'X-API-Key': narrow.apiKey ?? '' } });
    expect([res.status, await res.text()]).toEqual([401, 'Unauthorized\n']);
    await narrow.close();
  });

  it('PUT /v1/vpn/status accepts running or stopped only', async () => {
    const put = (status: string) =>
      fetch(`${emu.url}/v1/vpn/status`, {
        method: 'PUT',
        headers: { 'X-API-Key': emu.apiKey ?? '' },
        body: JSON.stringify({ status }),
      });
    expect((await put('paused')).status).toBe(400);
    expect(await (await put('stopped')).text()).toBe('{"outcome":"stopped"}\n');
    expect(emu.state.vpnStatus).toBe('stopped');
    emu.setVpnStatus('running');
  });
});
