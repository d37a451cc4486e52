import type { RouteHandler } from '../http/health-server.js';
import type { Metrics } from './metrics.js';

/** `GET /metrics` on the process's HTTP server (Prometheus text format). */
export function metricsRoute(metrics: Metrics): RouteHandler {
  return async (req, res) => {
    if (req.method !== 'GET' || new URL(req.url ?? '/', 'http://x').pathname !== '/metrics') return false;
    const { contentType, body } = await metrics.render();
    res.writeHead(200, { 'content-type': contentType }).end(body);
    return true;
  };
}
