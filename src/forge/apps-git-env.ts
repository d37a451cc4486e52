import type { AppsConfig } from '../config/apps-schema.js';
import { gitHubRemote } from './github-remote.js';

/**
 * The git environment that reads the apps repo with the forge's credentials (a private GitHub
 * repo over https needs the token for the audit's fetch too, not only for remediation pushes).
 * Empty when no GitHub forge is configured or `apps.url` is not https (ssh keys, file paths).
 */
export function appsGitEnv(apps: AppsConfig): Readonly<Record<string, string>> {
  const forge = apps.forge;
  if (forge?.type !== 'github') return {};
  return gitHubRemote({
    owner: forge.owner,
    repo: forge.repo,
    token: forge.token,
    apiUrl: forge.apiUrl,
    cloneUrl: apps.url,
  }).env;
}
