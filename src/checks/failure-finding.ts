import { ServiceCallError, type FailureCode } from '../media/network-failure.js';
import type { Finding } from './check.js';

/** What to do about each way a service can be unreachable. `where` names the config key. */
function suggestionFor(code: FailureCode, service: string, where: string): string {
  switch (code) {
    case 'refused':
      return `Start ${service} (\`docker compose up -d\` in its stack on its host) and check the port in ${where}.url.`;
    case 'timeout':
      return `${service} accepts connections but does not answer: look at its container logs and restart it (\`docker restart\`).`;
    case 'dns':
      return `Fix the host name in ${where}.url, or add it to your DNS.`;
    case 'tls':
      return `Use http:// in ${where}.url if ${service} serves plain HTTP, or fix its certificate.`;
    case 'unreachable':
      return `Something between the bot and ${service} drops or resets the connection: check ${where}.url, the Docker network and any proxy or firewall in between.`;
    case 'aborted':
      return `The call to ${service} was cancelled before it finished; run it again.`;
    case 'unauthorized':
      return `Copy the current credentials from ${service} (Settings → General → API Key) into .env for ${where}, then restart the bot.`;
    case 'http-error':
      return `Check that ${where}.url points at ${service} itself (not a proxy login page) and read ${service}'s logs.`;
    case 'bad-response':
      return `Check that ${where}.url points at ${service} (right port and URL base) and that its version is supported.`;
  }
}

const diagnosisFor: Readonly<Record<FailureCode, string>> = {
  refused: 'connection refused',
  timeout: 'no answer in time',
  dns: 'DNS lookup failed',
  tls: 'TLS handshake failed',
  unreachable: 'connection reset or no route',
  aborted: 'call cancelled',
  unauthorized: 'credentials rejected (401/403)',
  'http-error': 'HTTP error status',
  'bad-response': 'unexpected response body',
};

/** A finding for a service call that failed; undefined when the error is not a ServiceCallError. */
export function failureFinding(error: unknown, service: string, where: string): Finding | undefined {
  if (!(error instanceof ServiceCallError)) return undefined;
  return {
    summary: error.message,
    diagnosis: diagnosisFor[error.failure],
    suggestion: suggestionFor(error.failure, service, where),
  };
}

/** A finding for an HTTP status the check did not expect. */
export function statusFinding(status: number, service: string, where: string): Finding {
  const code: FailureCode = status === 401 || status === 403 ? 'unauthorized' : 'http-error';
  const summary =
    code === 'unauthorized'
      ? `${service} rejected the API key (HTTP ${status}).`
      : `${service} answered HTTP ${status}.`;
  return { summary, diagnosis: diagnosisFor[code], suggestion: suggestionFor(code, service, where) };
}
