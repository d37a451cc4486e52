import { BlockList, isIP } from 'node:net';

/** Whether `ip` is inside one of `cidrs` (`203.0.113.0/24`, or a bare address meaning just it). */
export function ipInCidrs(ip: string, cidrs: readonly string[]): boolean {
  const family = isIP(ip);
  if (family === 0) return false;
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [address = '', prefix] = cidr.split('/');
    const fam = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, fam);
    else list.addSubnet(address, Number(prefix), fam);
  }
  return list.check(ip, family === 6 ? 'ipv6' : 'ipv4');
}
