import { z } from 'zod';
import { evenWithIssues, httpUrl, secret, slug, strictObject, text } from './primitives.js';

/** GitHub (or GitHub Enterprise) hosting the apps repo: remediation becomes pull requests. */
export const githubForgeSchema = strictObject({
  type: z.literal('github'),
  /** Repository owner (user or organisation). */
  owner: slug('the GitHub owner (user or organisation)').describe('repository owner'),
  /** Repository name. */
  repo: slug('the GitHub repository name').describe('repository name'),
  /** Token with contents + pull-requests write access; write it as `${GITHUB_TOKEN}`. */
  token: secret().describe('GitHub token'),
  /** API base URL for GitHub Enterprise or a local emulator, default https://api.github.com. */
  apiUrl: httpUrl('https://api.github.com').optional().describe('GitHub API base URL'),
});

/** A plain git remote: remediation is pushed as a branch, no pull request. */
export const gitForgeSchema = strictObject({ type: z.literal('git') });

/** Where remediation goes. */
export const forgeSchema = z.discriminatedUnion('type', [githubForgeSchema, gitForgeSchema], {
  error: 'expected forge.type to be "github" or "git"',
});

const cloneUrlError = 'expected a git clone URL (https://…, ssh://…, git@host:owner/repo.git or file://…)';
const cloneUrl = () =>
  z
    .string({ error: cloneUrlError })
    .regex(/^(https?:\/\/|ssh:\/\/|file:\/\/|[\w.-]+@[\w.-]+:)\S+$/, { error: cloneUrlError });

/** The git repository that holds the desired state (`<stacksDir>/<stack>/compose.yaml`). */
export const appsSchema = strictObject({
  /** Local checkout; cloned from `url` when missing. Relative to the config file's folder. */
  path: text('expected the local path of the apps checkout').optional().describe('local checkout of the apps repo'),
  /** Clone URL of the apps repo. */
  url: cloneUrl().optional().describe('clone URL of the apps repo'),
  /** Branch that holds the desired state. */
  branch: text('expected a branch name').default('main').describe('branch with the desired state'),
  /** Folder of the repo that contains one sub-folder per stack. */
  stacksDir: text('expected the stacks folder name').default('stacks').describe('folder with one sub-folder per stack'),
  /** Where remediation goes; absent means read-only (no remediation). */
  forge: forgeSchema.optional().describe('github or plain git'),
}).superRefine((apps, ctx) => {
  if (apps.path === undefined && apps.url === undefined) {
    ctx.addIssue({ code: 'custom', message: 'expected path (a local checkout), url (a clone URL) or both' });
  }
}, evenWithIssues);

/** The apps repo settings after validation. */
export type AppsConfig = z.infer<typeof appsSchema>;
/** The forge settings after validation. */
export type ForgeConfig = z.infer<typeof forgeSchema>;
