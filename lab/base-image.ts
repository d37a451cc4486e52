import { mkdir, symlink, writeFile, copyFile } from 'node:fs/promises';
import { fixtureImages } from './fixture-images.js';
import { runOk, type RunResult } from './proc.js';

/** Image config set at import time, so the drift engine must subtract image defaults. */
const importChanges = (variant: string): string[] =>
  [
    'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin TZ=Etc/UTC PUID=911 PGID=911',
    'CMD ["sleep", "1d"]',
    'WORKDIR /',
    'EXPOSE 80/tcp',
    `LABEL org.opencontainers.image.vendor=hlb-lab org.opencontainers.image.version=${variant} maintainer=lab`,
  ].flatMap((c) => ['-c', c]);

/**
 * Writes `<dir>/base.tar`: a rootfs with busybox-static and a symlink per applet (no registry is
 * reachable, so images are made with `docker import`). Returns the tarball path.
 */
export async function buildRootfsTar(dir: string): Promise<string> {
  const root = `${dir}/rootfs`;
  for (const d of ['bin', 'etc', 'tmp', 'www', 'data', 'config', 'root'])
    await mkdir(`${root}/${d}`, { recursive: true });
  await copyFile('/usr/bin/busybox', `${root}/bin/busybox`);
  const applets = (await runOk('/usr/bin/busybox', ['--list'])).split('\n').filter((a) => a !== '' && a !== 'busybox');
  await Promise.all(applets.map((a) => symlink('busybox', `${root}/bin/${a}`)));
  await writeFile(`${root}/etc/passwd`, 'root:x:0:0:root:/root:/bin/sh\nabc:x:911:911::/config:/bin/sh\n');
  await writeFile(`${root}/etc/group`, 'root:x:0:\nabc:x:911:\n');
  await writeFile(`${root}/www/index.html`, '<h1>hlb-lab</h1>\n');
  const tar = `${dir}/base.tar`;
  await runOk('tar', ['-C', root, '-cf', tar, '.']);
  return tar;
}

/** Imports the two image variants into one dockerd and tags every fixture image name. */
export async function loadBaseImages(
  docker: (args: readonly string[]) => Promise<RunResult>,
  tar: string,
): Promise<void> {
  for (const variant of ['a', 'b']) {
    const result = await docker(['import', ...importChanges(variant), tar, `hlb-lab/base:${variant}`]);
    if (result.code !== 0) throw new Error(`docker import failed: ${result.stderr}`);
  }
  const tags = fixtureImages.flatMap((i) => [
    ['hlb-lab/base:a', `${i.repo}:${i.tag}`],
    ['hlb-lab/base:b', `${i.repo}:${i.altTag}`],
  ]);
  const results = await Promise.all(tags.map(([from, to]) => docker(['tag', from ?? '', to ?? ''])));
  const failed = results.find((r) => r.code !== 0);
  if (failed !== undefined) throw new Error(`docker tag failed: ${failed.stderr}`);
}
