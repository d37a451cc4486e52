import { createHash } from 'node:crypto';

type Bencodable = number | string | Buffer | readonly Bencodable[] | { readonly [key: string]: Bencodable };

/** BitTorrent bencoding (dictionary keys sorted, as the spec requires). */
export function bencode(value: Bencodable): Buffer {
  if (typeof value === 'number') return Buffer.from(`i${value}e`);
  if (typeof value === 'string') return bencode(Buffer.from(value));
  if (Buffer.isBuffer(value)) return Buffer.concat([Buffer.from(`${value.length}:`), value]);
  if (Array.isArray(value)) return Buffer.concat([Buffer.from('l'), ...value.map(bencode), Buffer.from('e')]);
  const dict = value as { readonly [key: string]: Bencodable };
  const keys = Object.keys(dict).sort();
  return Buffer.concat([
    Buffer.from('d'),
    ...keys.flatMap((k) => [bencode(k), bencode(dict[k] as Bencodable)]),
    Buffer.from('e'),
  ]);
}

/** A single-file torrent of `content`: the .torrent bytes and its v1 info hash (lower-case hex). */
export function makeTorrent(
  name: string,
  content: Buffer,
  pieceLength = 16_384,
): { torrent: Buffer; infoHash: string } {
  const pieces: Buffer[] = [];
  for (let at = 0; at < content.length; at += pieceLength)
    pieces.push(
      createHash('sha1')
        .update(content.subarray(at, at + pieceLength))
        .digest(),
    );
  const info = { length: content.length, name, 'piece length': pieceLength, pieces: Buffer.concat(pieces), private: 1 };
  const torrent = bencode({ announce: 'http://127.0.0.1:1/announce', info });
  return { torrent, infoHash: createHash('sha1').update(bencode(info)).digest('hex') };
}
