import { spawn } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** True for the smart-HTTP git routes `/{o}/{r}.git/(info/refs|git-upload-pack|git-receive-pack)`. */
export const isGitRoute = (path: string): boolean =>
  /^\/[^/]+\/[^/]+\.git\/(info\/refs|git-upload-pack|git-receive-pack)$/.test(path);

/** `Basic base64("x-access-token:<token>")`, as git sends it after a 401 (or from http.extraHeader). */
export function hasGitCredentials(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^basic\s+(\S+)$/i.exec(header);
  if (match === null) return false;
  const [, password] = Buffer.from(match[1] ?? '', 'base64')
    .toString('utf8')
    .split(/:(.*)/s);
  return password === token;
}

/**
 * Serves git's smart HTTP with the real `git http-backend` CGI over `root` (the folder holding
 * `<owner>/<repo>.git`). Pushes land in the bare repository like on GitHub.
 */
export function serveGit(root: string, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const query = (req.url ?? '').split('?')[1] ?? '';
  const header = (name: string): string => {
    const v = req.headers[name];
    return Array.isArray(v) ? v.join(',') : (v ?? '');
  };
  const child = spawn('git', ['http-backend'], {
    env: {
      ...process.env,
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      REQUEST_METHOD: req.method ?? 'GET',
      PATH_INFO: path,
      QUERY_STRING: query,
      CONTENT_TYPE: header('content-type'),
      REMOTE_USER: 'x-access-token',
      REMOTE_ADDR: '127.0.0.1',
      HTTP_GIT_PROTOCOL: header('git-protocol'),
      HTTP_CONTENT_ENCODING: header('content-encoding'),
    },
  });
  req.pipe(child.stdin);
  return new Promise((resolve) => {
    let head = Buffer.alloc(0);
    let headersDone = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      headersDone = true;
      let status = 200;
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const [name = '', value = ''] = line.split(/:\s*(.*)/s);
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
        else res.setHeader(name, value);
      }
      res.writeHead(status);
      res.write(head.subarray(end + 4));
    });
    child.on('close', () => {
      if (!headersDone) res.writeHead(500);
      res.end();
      resolve();
    });
  });
}
