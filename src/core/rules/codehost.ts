// Code hosting and CI/CD: GitHub (gh, hub), GitLab (glab, python-gitlab, Omnibus), Gitea (tea,
// gitea admin), Azure DevOps, CodeCommit and Cloud Source Repositories; Argo CD, Flux, Tekton,
// Jenkins, CircleCI, Spinnaker and Concourse. Deleting a repository, a CI secret or a GitOps
// application there loses code, credentials or the workloads the application manages. `gh repo
// delete`, `gh release delete` (git.ts) and `gh api -X DELETE` (http.ts) are covered elsewhere.
import { flagValues, operands, type Args } from './args';
import { pathRuleFor } from './pathRules';
import type { Rule } from './types';

const pathRule = pathRuleFor('codehost');

/* ---------------------------------------------------------------- GitHub */

const GH = ['gh'];
const GH_VALUE_FLAGS: ReadonlySet<string> = new Set(['-R', '--repo']);
const GH_TARGETS = ['--repo', '-R', '--env', '-e', '--org', '-o'];

const GH_API_VALUE_FLAGS: ReadonlySet<string> = new Set(['-X', '--method', '-f', '--raw-field', '-F', '--field', '-H',
  '--header', '--hostname', '--input', '-q', '--jq', '-t', '--template', '--cache', '-p', '--preview']);

/** `gh api -X PATCH repos/o/r -f visibility=public`: the REST call behind `gh repo edit --visibility public`. */
function ghApiMakesPublic(a: Args): boolean {
  if (operands(a.list, GH_API_VALUE_FLAGS)[0] !== 'api') return false;
  const methods = flagValues(a.list, ['-X', '--method']).map((m) => m.toUpperCase());
  if (!methods.includes('PATCH')) return false;
  const fields = flagValues(a.list, ['-f', '--raw-field', '-F', '--field']).map((f) => f.toLowerCase().replace(/\s/g, ''));
  return fields.includes('visibility=public') || fields.includes('private=false');
}

const visibility = (a: Args): string => (a.value('--visibility') ?? '').toLowerCase();

const githubRules: readonly Rule[] = [
  pathRule({
    id: 'gh.secret-delete',
    programs: GH,
    severity: 'high',
    summary: 'Deletes a GitHub Actions, Dependabot or Codespaces secret or variable; workflows that read it fail, and a secret cannot be read back',
    hint: 'Check which workflows and environments use it (gh secret list, a code search for its name) and keep its value in a secret store before deleting',
    paths: [['secret', ['delete', 'remove']], ['variable', ['delete', 'remove']]],
    shape: { valueFlags: GH_VALUE_FLAGS },
    targetFlags: GH_TARGETS,
    match: ['gh secret delete AWS_SECRET_ACCESS_KEY', 'gh secret delete DEPLOY_KEY --env production -R acme/api', 'gh secret remove NPM_TOKEN --org acme', 'gh variable delete API_URL --env staging'],
    noMatch: ['gh secret list', 'gh secret set AWS_REGION --body us-east-1', 'gh variable list --env production', 'gh variable get API_URL'],
  }),
  pathRule({
    id: 'gh.repo-make-public',
    programs: GH,
    severity: 'high',
    summary: 'Makes a GitHub repository public: its code, history and issues become readable by anyone',
    hint: 'Scan the history for secrets first (gitleaks, trufflehog) and have the owner change the visibility in the repository settings',
    paths: [['repo', 'edit']],
    shape: { valueFlags: GH_VALUE_FLAGS },
    when: (a) => visibility(a) === 'public',
    targetFlags: GH_TARGETS,
    match: ['gh repo edit acme/billing --visibility public --accept-visibility-change-consequences', 'gh repo edit --visibility=public', 'gh repo edit acme/infra-prod --visibility public'],
    noMatch: ['gh repo edit acme/billing --description "Billing service"', 'gh repo edit acme/billing --visibility private --accept-visibility-change-consequences', 'gh repo view acme/billing --json visibility'],
  }),
  {
    id: 'gh.api-make-public',
    programs: GH,
    category: 'codehost',
    severity: 'high',
    summary: 'Makes a GitHub repository public through the API: its code, history and issues become readable by anyone',
    hint: 'Scan the history for secrets first (gitleaks, trufflehog) and have the owner change the visibility in the repository settings',
    match: ghApiMakesPublic,
    targets: (a) => operands(a.list, GH_API_VALUE_FLAGS).slice(1, 2),
    examples: {
      match: ['gh api -X PATCH repos/acme/billing -f visibility=public', 'gh api --method PATCH /repos/acme/infra -F private=false'],
      noMatch: ['gh api -X PATCH repos/acme/billing -f visibility=private', 'gh api orgs/acme/repos -f name=site -f visibility=public', 'gh api repos/acme/billing --jq .visibility'],
    },
  },
  pathRule({
    id: 'gh.repo-make-private',
    programs: GH,
    severity: 'low',
    summary: 'Makes a GitHub repository private or internal, which drops its stars and watchers and detaches public forks',
    hint: 'Check who depends on the public repository first; stars and watchers do not come back when it is made public again',
    paths: [['repo', 'edit']],
    shape: { valueFlags: GH_VALUE_FLAGS },
    when: (a) => visibility(a) === 'private' || visibility(a) === 'internal',
    targetFlags: GH_TARGETS,
    match: ['gh repo edit acme/sdk --visibility private --accept-visibility-change-consequences', 'gh repo edit --visibility=internal'],
    noMatch: ['gh repo edit acme/sdk --visibility public', 'gh repo edit acme/sdk --homepage https://acme.dev'],
  }),
  pathRule({
    id: 'gh.repo-sync-force',
    programs: GH,
    severity: 'high',
    summary: 'Hard-resets a repository branch to its source with gh repo sync --force, discarding the commits only it has',
    hint: 'Run gh repo sync without --force, which refuses when the branches have diverged, or push the extra commits to another branch first',
    paths: [['repo', 'sync']],
    shape: { valueFlags: GH_VALUE_FLAGS },
    when: (a) => a.has('--force'),
    targetFlags: ['--branch', '-b', '--source', '-s'],
    match: ['gh repo sync acme-fork/api --force', 'gh repo sync --source acme/api --branch main --force'],
    noMatch: ['gh repo sync acme-fork/api', 'gh repo sync --branch main'],
  }),
  pathRule({
    id: 'gh.issue-delete',
    programs: GH,
    severity: 'high',
    summary: 'Permanently deletes a GitHub issue with its comments and history',
    hint: 'Close the issue instead (gh issue close), or transfer it; a deleted issue cannot be restored',
    paths: [['issue', 'delete']],
    shape: { valueFlags: GH_VALUE_FLAGS },
    targetFlags: GH_TARGETS,
    match: ['gh issue delete 482 --yes', 'gh issue delete 17 -R acme/api', 'gh issue delete https://github.com/acme/api/issues/9'],
    noMatch: ['gh issue close 482', 'gh issue view 482', 'gh issue list --label bug'],
  }),
  pathRule({
    id: 'gh.project-delete',
    programs: GH,
    severity: 'high',
    summary: 'Deletes a GitHub project, or a field of it with every value set in it',
    hint: 'Close the project instead (gh project close), or export it first (gh project item-list --format json)',
    paths: [['project', ['delete', 'field-delete']]],
    shape: { valueFlags: GH_VALUE_FLAGS },
    targetFlags: ['--owner', '--id'],
    match: ['gh project delete 3 --owner acme', 'gh project field-delete --id PVTF_lADOAbc'],
    noMatch: ['gh project close 3 --owner acme', 'gh project list --owner acme', 'gh project item-delete 3 --owner acme --id PVTI_x'],
  }),
  pathRule({
    id: 'gh.gist-delete',
    programs: GH,
    severity: 'high',
    summary: 'Deletes a GitHub gist with all its revisions',
    hint: 'Clone the gist first (gh gist clone), or make it secret instead of deleting it',
    paths: [['gist', 'delete']],
    shape: { valueFlags: GH_VALUE_FLAGS },
    match: ['gh gist delete 5b0e0062eb8e9654adad7bb1d81cc75f', 'gh gist delete 3f2a9c1 --yes'],
    noMatch: ['gh gist list', 'gh gist view 5b0e0062eb8e9654adad7bb1d81cc75f', 'gh gist clone 3f2a9c1'],
  }),
  pathRule({
    id: 'gh.codespace-delete',
    programs: GH,
    severity: 'high',
    summary: 'Deletes GitHub codespaces, with any work in them that was not pushed',
    hint: 'Push or stash the work first (gh codespace ssh, git status), or stop the codespace instead (gh codespace stop)',
    paths: [[['codespace', 'cs'], 'delete']],
    shape: { valueFlags: GH_VALUE_FLAGS },
    targetFlags: ['--codespace', '-c', '--repo', '-r', '--org', '-o'],
    match: ['gh codespace delete --all', 'gh cs delete -c fuzzy-space-waddle-x4g9', 'gh codespace delete --repo acme/api --force', 'gh codespace delete --days 7'],
    noMatch: ['gh codespace list', 'gh codespace stop -c fuzzy-space-waddle-x4g9', 'gh cs ssh -c fuzzy-space-waddle-x4g9'],
  }),
  pathRule({
    id: 'gh.key-delete',
    programs: GH,
    severity: 'high',
    summary: 'Deletes an SSH, GPG or deploy key from GitHub; whatever authenticates or signs with it stops working',
    hint: 'Add and test the replacement key before deleting the old one, and check which deploy jobs use it',
    paths: [['ssh-key', 'delete'], ['gpg-key', 'delete'], ['repo', 'deploy-key', 'delete']],
    shape: { valueFlags: GH_VALUE_FLAGS },
    targetFlags: GH_TARGETS,
    match: ['gh ssh-key delete 81234567 --yes', 'gh gpg-key delete 3AA5C34371567BD2', 'gh repo deploy-key delete 12345 -R acme/infra-prod'],
    noMatch: ['gh ssh-key list', 'gh ssh-key add ~/.ssh/id_ed25519.pub', 'gh repo deploy-key list -R acme/infra-prod'],
  }),
  pathRule({
    id: 'gh.run-delete',
    programs: GH,
    severity: 'low',
    summary: 'Deletes a GitHub Actions workflow run with its logs and artifacts',
    hint: 'Download the logs and artifacts first (gh run view --log, gh run download), or let the retention policy expire them',
    paths: [['run', 'delete']],
    shape: { valueFlags: GH_VALUE_FLAGS },
    targetFlags: GH_TARGETS,
    match: ['gh run delete 8723451023', 'gh run delete 8723451023 -R acme/api'],
    noMatch: ['gh run list', 'gh run view 8723451023 --log', 'gh run rerun 8723451023'],
  }),
  pathRule({
    id: 'gh.cache-delete-all',
    programs: GH,
    severity: 'low',
    summary: 'Deletes every GitHub Actions cache of a repository; the next runs rebuild them from scratch',
    hint: 'Delete the one stale cache key instead (gh cache delete <key>)',
    paths: [['cache', 'delete']],
    shape: { valueFlags: GH_VALUE_FLAGS },
    when: (a) => a.has('--all', '-a'),
    targetFlags: GH_TARGETS,
    match: ['gh cache delete --all', 'gh cache delete -a -R acme/api'],
    noMatch: ['gh cache delete Linux-node-3f2a9c1', 'gh cache list'],
  }),
  pathRule({
    id: 'gh.workflow-disable',
    programs: GH,
    severity: 'low',
    summary: 'Disables a GitHub Actions workflow; its schedules and triggers stop running until it is enabled again',
    hint: 'Check what the workflow does on a schedule (deploys, backups) first; gh workflow enable turns it back on',
    paths: [['workflow', 'disable']],
    shape: { valueFlags: GH_VALUE_FLAGS },
    targetFlags: GH_TARGETS,
    match: ['gh workflow disable deploy.yml', 'gh workflow disable "Nightly backup" -R acme/infra'],
    noMatch: ['gh workflow enable deploy.yml', 'gh workflow run deploy.yml', 'gh workflow list'],
  }),
  pathRule({
    id: 'gh.label-delete',
    programs: GH,
    severity: 'low',
    summary: 'Deletes a GitHub label and removes it from every issue and pull request',
    hint: 'Rename the label instead (gh label edit --name), which keeps it on the issues',
    paths: [['label', 'delete']],
    shape: { valueFlags: GH_VALUE_FLAGS },
    targetFlags: GH_TARGETS,
    match: ['gh label delete bug --yes', 'gh label delete "needs triage" -R acme/api'],
    noMatch: ['gh label list', 'gh label create p1 --color FF0000', 'gh label edit bug --name defect'],
  }),
  {
    id: 'hub.delete',
    programs: ['hub'],
    category: 'codehost',
    severity: 'critical',
    summary: 'Deletes a GitHub repository with its issues, pull requests, releases and wiki',
    hint: 'Archive the repository instead, which is reversible',
    match: (a) => (a.positionals[0] ?? '').toLowerCase() === 'delete',
    targets: (a) => a.positionals.slice(1),
    examples: {
      match: ['hub delete -y acme/old-api', 'hub delete acme/site-prod'],
      noMatch: ['hub create acme/new-api', 'hub browse acme/api', 'hub sync'],
    },
  },
];

/* ---------------------------------------------------------------- GitLab */

const GLAB = ['glab'];
const GLAB_VALUE_FLAGS: ReadonlySet<string> = new Set(['-R', '--repo']);
const GLAB_TARGETS = ['--repo', '-R', '--group', '-g', '--scope', '-s'];

// python-gitlab's global options, which come before `<object> <action>`.
const GITLAB_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '-c', '--config-file', '-g', '--gitlab', '-o', '--output', '-f', '--fields', '--server-url', '--private-token',
  '--oauth-token', '--job-token', '--timeout', '--api-version', '--per-page', '--pagination', '--user-agent',
]);
const GITLAB_TARGETS = ['--id', '--project-id', '--group-id', '--key', '--name', '--gitlab', '-g', '--server-url'];
const GITLAB_WHOLE = ['project', 'group', 'user'];
const GLAB_API_VALUE_FLAGS: ReadonlySet<string> = new Set(['-X', '--method', '-f', '--raw-field', '-F', '--field', '-H',
  '--header', '--hostname', '--input']);

const gitlabPath = (a: Args): string[] => operands(a.list, GITLAB_VALUE_FLAGS).map((w) => w.toLowerCase());

const gitlabRules: readonly Rule[] = [
  pathRule({
    id: 'glab.repo-delete',
    programs: GLAB,
    severity: 'critical',
    summary: 'Deletes a GitLab project with its repository, issues, merge requests, pipelines and wiki',
    hint: 'Archive the project in its settings instead, or export it first (Settings → General → Export project)',
    paths: [[['repo', 'project'], 'delete']],
    shape: { valueFlags: GLAB_VALUE_FLAGS },
    targetFlags: GLAB_TARGETS,
    match: ['glab repo delete acme/billing --yes', 'glab repo delete acme/platform/api-prod -y', 'glab project delete acme/old-site'],
    noMatch: ['glab repo view acme/billing', 'glab repo archive acme/billing', 'glab repo clone acme/billing'],
  }),
  pathRule({
    id: 'glab.release-delete',
    programs: GLAB,
    severity: 'high',
    summary: 'Deletes a GitLab release (with --with-tag, its tag too)',
    hint: 'Edit the release instead, or download its assets first (glab release download)',
    paths: [['release', 'delete']],
    shape: { valueFlags: GLAB_VALUE_FLAGS },
    targetFlags: GLAB_TARGETS,
    match: ['glab release delete v2.4.0 --yes', 'glab release delete v1.0.0 --with-tag -R acme/api'],
    noMatch: ['glab release list', 'glab release view v2.4.0', 'glab release create v2.5.0'],
  }),
  pathRule({
    id: 'glab.variable-delete',
    programs: GLAB,
    severity: 'high',
    summary: 'Deletes a GitLab CI/CD variable; pipelines that read it fail and a masked value cannot be read back',
    hint: 'Export the variable first (glab variable get / export) and check which jobs use it',
    paths: [[['variable', 'var'], ['delete', 'remove', 'rm']]],
    shape: { valueFlags: GLAB_VALUE_FLAGS },
    targetFlags: GLAB_TARGETS,
    match: ['glab variable delete AWS_SECRET_ACCESS_KEY', 'glab variable delete DB_PASSWORD --scope=production', 'glab var delete DEPLOY_TOKEN -g acme'],
    noMatch: ['glab variable list', 'glab variable set API_URL https://api.acme.dev', 'glab variable get DB_PASSWORD'],
  }),
  pathRule({
    id: 'glab.ci-delete',
    programs: GLAB,
    severity: 'high',
    summary: 'Deletes GitLab CI/CD pipelines with their job logs and artifacts',
    hint: 'Run it with --dry-run first to list what matches, or let the artifact expiry clean up',
    paths: [[['ci', 'pipe', 'pipeline'], ['delete', 'del']]],
    shape: { valueFlags: GLAB_VALUE_FLAGS },
    targetFlags: GLAB_TARGETS,
    match: ['glab ci delete 1283746', 'glab ci delete --status=failed', 'glab ci delete --older-than 720h -R acme/api'],
    noMatch: ['glab ci list', 'glab ci view', 'glab ci retry 1283746'],
  }),
  pathRule({
    id: 'glab.issue-delete',
    programs: GLAB,
    severity: 'high',
    summary: 'Permanently deletes a GitLab issue or merge request with its discussion',
    hint: 'Close it instead (glab issue close / glab mr close); a deleted issue cannot be restored',
    paths: [[['issue', 'issues'], ['delete', 'del']], [['mr', 'merge-request'], ['delete', 'del']]],
    shape: { valueFlags: GLAB_VALUE_FLAGS },
    targetFlags: GLAB_TARGETS,
    match: ['glab issue delete 42', 'glab mr delete 318 -R acme/api'],
    noMatch: ['glab issue close 42', 'glab mr merge 318', 'glab issue list'],
  }),
  pathRule({
    id: 'glab.key-delete',
    programs: GLAB,
    severity: 'high',
    summary: 'Deletes an SSH, GPG or deploy key from GitLab; whatever authenticates or signs with it stops working',
    hint: 'Add and test the replacement key before deleting the old one, and check which deploy jobs use it',
    paths: [['ssh-key', 'delete'], ['gpg-key', 'delete'], ['deploy-key', 'delete']],
    shape: { valueFlags: GLAB_VALUE_FLAGS },
    targetFlags: GLAB_TARGETS,
    match: ['glab ssh-key delete 7751', 'glab deploy-key delete 1120 -R acme/infra'],
    noMatch: ['glab ssh-key list', 'glab deploy-key add key.pub --title ci'],
  }),
  pathRule({
    id: 'glab.securefile-delete',
    programs: GLAB,
    severity: 'high',
    summary: 'Deletes a GitLab CI secure file (a keystore, certificate or credentials file) that jobs download',
    hint: 'Download it first (glab securefile download) and check which jobs use it',
    paths: [['securefile', ['remove', 'delete', 'rm']]],
    shape: { valueFlags: GLAB_VALUE_FLAGS },
    targetFlags: GLAB_TARGETS,
    match: ['glab securefile remove 12', 'glab securefile delete 7 --yes'],
    noMatch: ['glab securefile list', 'glab securefile download 12'],
  }),
  pathRule({
    id: 'glab.schedule-delete',
    programs: GLAB,
    severity: 'low',
    summary: 'Deletes a GitLab pipeline schedule; the scheduled jobs (deploys, backups) stop running',
    hint: 'Deactivate the schedule in the project settings instead, which can be undone',
    paths: [['schedule', 'delete']],
    shape: { valueFlags: GLAB_VALUE_FLAGS },
    targetFlags: GLAB_TARGETS,
    match: ['glab schedule delete 14', 'glab schedule delete 3 -R acme/infra'],
    noMatch: ['glab schedule list', 'glab schedule run 14'],
  }),
  pathRule({
    id: 'glab.label-delete',
    programs: GLAB,
    severity: 'low',
    summary: 'Deletes a GitLab label and removes it from every issue and merge request',
    hint: 'Rename the label instead, which keeps it on the issues',
    paths: [['label', 'delete']],
    shape: { valueFlags: GLAB_VALUE_FLAGS },
    targetFlags: GLAB_TARGETS,
    match: ['glab label delete bug', 'glab label delete "needs triage" -R acme/api'],
    noMatch: ['glab label list', 'glab label create p1'],
  }),
  {
    id: 'glab.api-delete',
    programs: GLAB,
    category: 'codehost',
    severity: 'high',
    summary: 'Sends a DELETE request to the GitLab API, removing a project, group, branch, variable or other resource',
    hint: 'GET the same path first to check what it names, and prefer the glab command for it, which asks first',
    match: (a) => operands(a.list, GLAB_API_VALUE_FLAGS)[0] === 'api' &&
      flagValues(a.list, ['-X', '--method']).some((m) => m.toUpperCase() === 'DELETE'),
    targets: (a) => operands(a.list, GLAB_API_VALUE_FLAGS).slice(1, 2),
    examples: {
      match: ['glab api -X DELETE projects/acme%2Fbilling', 'glab api --method DELETE projects/42/variables/DB_PASSWORD', 'glab api projects/42/repository/branches/main --method=DELETE'],
      noMatch: ['glab api projects/42', 'glab api -X POST projects/42/pipeline -f ref=main'],
    },
  },
  {
    id: 'gitlab.project-delete',
    programs: ['gitlab'],
    category: 'codehost',
    severity: 'critical',
    summary: 'Deletes a GitLab project, group or user (with python-gitlab), and everything it owns',
    hint: 'Archive the project instead (gitlab project archive) or export it first (gitlab project-export create)',
    match: (a) => {
      const p = gitlabPath(a);
      return GITLAB_WHOLE.includes(p[0] ?? '') && p[1] === 'delete';
    },
    targets: (a) => a.values(...GITLAB_TARGETS),
    examples: {
      match: ['gitlab project delete --id 42', 'gitlab -g prod group delete --id 7', 'gitlab user delete --id 1203'],
      noMatch: ['gitlab project get --id 42', 'gitlab project list', 'gitlab project archive --id 42'],
    },
  },
  {
    id: 'gitlab.delete',
    programs: ['gitlab'],
    category: 'codehost',
    severity: 'high',
    summary: 'Deletes a GitLab object with python-gitlab (a variable, pipeline, branch, tag, release, key, hook or registry tags)',
    hint: 'Get the object first (`gitlab <object> get`) to check it is the one meant and export what must be kept',
    match: (a) => {
      const p = gitlabPath(a);
      return !GITLAB_WHOLE.includes(p[0] ?? '') && (p[1] ?? '').startsWith('delete');
    },
    targets: (a) => a.values(...GITLAB_TARGETS),
    examples: {
      match: ['gitlab project-variable delete --project-id 42 --key AWS_SECRET_ACCESS_KEY', 'gitlab project-pipeline delete --project-id 42 --id 998877', 'gitlab project-registry-tag delete-in-bulk --project-id 42 --repository-id 3 --name-regex-delete ".*"'],
      noMatch: ['gitlab project-variable list --project-id 42', 'gitlab project-pipeline get --project-id 42 --id 998877', 'gitlab project delete --id 42'],
    },
  },
  {
    id: 'gitlab.instance-wipe',
    programs: ['gitlab-ctl', 'gitlab-rake'],
    category: 'codehost',
    severity: 'critical',
    summary: 'Wipes a self-managed GitLab instance: gitlab-ctl cleanse deletes all its data, gitlab-rake gitlab:setup recreates the database empty',
    hint: 'Take a backup first (gitlab-backup create) and copy gitlab-secrets.json off the host',
    match: (a) => {
      const first = (a.positionals[0] ?? '').toLowerCase();
      return a.program === 'gitlab-ctl' ? first === 'cleanse' : first === 'gitlab:setup';
    },
    examples: {
      match: ['sudo gitlab-ctl cleanse', 'gitlab-rake gitlab:setup', 'sudo gitlab-rake gitlab:setup RAILS_ENV=production'],
      noMatch: ['sudo gitlab-ctl reconfigure', 'gitlab-ctl status', 'gitlab-rake gitlab:check'],
    },
  },
];

/* ---------------------------------------------------------------- Gitea, Forgejo */

const giteaRules: readonly Rule[] = [
  pathRule({
    id: 'tea.repo-delete',
    programs: ['tea', 'tea-cli'],
    severity: 'critical',
    summary: 'Deletes a Gitea repository with its issues, pull requests, releases and wiki',
    hint: 'Archive the repository in its settings instead, or mirror it somewhere first',
    paths: [[['repos', 'repo'], ['delete', 'rm']]],
    targetFlags: ['--repo', '-r', '--login', '-l'],
    match: ['tea repos delete acme/old-api', 'tea repo rm acme/site --login prod'],
    noMatch: ['tea repos list', 'tea repos create --name api', 'tea repo search infra'],
  }),
  pathRule({
    id: 'tea.release-delete',
    programs: ['tea', 'tea-cli'],
    severity: 'high',
    summary: 'Deletes a Gitea release and its attachments',
    hint: 'Edit the release instead (tea releases edit), or download its assets first',
    paths: [[['releases', 'release', 'r'], ['delete', 'rm']]],
    targetFlags: ['--repo', '-r', '--login', '-l'],
    match: ['tea releases delete v1.4.0 --confirm', 'tea release rm v2.0.0 --repo acme/api'],
    noMatch: ['tea releases list', 'tea release create --tag v2.1.0'],
  }),
  pathRule({
    id: 'gitea.admin-user-delete',
    programs: ['gitea', 'forgejo'],
    severity: 'high',
    summary: 'Deletes a Gitea/Forgejo user (with --purge, their repositories and organizations too)',
    hint: 'Suspend the account instead (prohibit login in the admin panel), and transfer the repositories first',
    paths: [['admin', 'user', 'delete']],
    targetFlags: ['--username', '-u', '--id', '--email', '-e'],
    match: ['gitea admin user delete --username jdoe --purge', 'sudo -u git forgejo admin user delete --id 12'],
    noMatch: ['gitea admin user list', 'gitea admin user create --username ci --random-password'],
  }),
];

/* ---------------------------------------------------------------- Azure DevOps, AWS, Google */

const AZ_VALUE_FLAGS: ReadonlySet<string> = new Set(['--subscription', '--output', '-o', '--query']);
const AZ_TARGETS = ['--id', '--name', '-n', '--repository', '-r', '--project', '-p', '--org', '--organization', '--pipeline-name', '--group-id'];

const AWS_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '--profile', '--region', '--output', '--endpoint-url', '--query', '--color', '--ca-bundle',
  '--cli-read-timeout', '--cli-connect-timeout', '--cli-binary-format',
]);

const GCLOUD_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '--project', '--account', '--configuration', '--format', '--verbosity', '--impersonate-service-account',
  '--billing-project', '--flags-file', '--trace-token', '--region', '--zone',
]);

/** The gcloud command path, release track (`alpha`, `beta`) dropped. */
function gcloudPath(a: Args): string[] {
  const p = operands(a.list, GCLOUD_VALUE_FLAGS);
  return ['alpha', 'beta', 'preview'].includes((p[0] ?? '').toLowerCase()) ? p.slice(1) : p;
}

const cloudHostingRules: readonly Rule[] = [
  pathRule({
    id: 'az.devops-project-delete',
    programs: ['az'],
    severity: 'critical',
    summary: 'Deletes an Azure DevOps project with all its repositories, pipelines, boards and artifacts',
    hint: 'Check the project id with az devops project show first; a deleted project can only be restored from the organization settings for a few weeks',
    paths: [['devops', 'project', 'delete']],
    shape: { valueFlags: AZ_VALUE_FLAGS },
    targetFlags: AZ_TARGETS,
    match: ['az devops project delete --id 9a1f4c2e-0b7d-4c1e-9d7f-3e2a1b0c9d8e --yes', 'az devops project delete --id 9a1f4c2e --org https://dev.azure.com/acme'],
    noMatch: ['az devops project show --project billing', 'az devops project list --org https://dev.azure.com/acme'],
  }),
  pathRule({
    id: 'az.repos-delete',
    programs: ['az'],
    severity: 'critical',
    summary: 'Deletes an Azure Repos Git repository',
    hint: 'Clone a mirror first (git clone --mirror) and check which pipelines build from it',
    paths: [['repos', 'delete']],
    shape: { valueFlags: AZ_VALUE_FLAGS },
    targetFlags: AZ_TARGETS,
    match: ['az repos delete --id 3c2b1a0f-4d5e-6f7a-8b9c-0d1e2f3a4b5c --yes', 'az repos delete --id 3c2b1a0f --project billing'],
    noMatch: ['az repos list --project billing', 'az repos show --repository api', 'az repos create --name api'],
  }),
  pathRule({
    id: 'az.repos-ref-delete',
    programs: ['az'],
    severity: 'high',
    summary: 'Deletes a branch or tag in an Azure Repos repository',
    hint: 'Check the branch is merged first and note its commit id so it can be recreated',
    paths: [['repos', 'ref', 'delete']],
    shape: { valueFlags: AZ_VALUE_FLAGS },
    targetFlags: AZ_TARGETS,
    match: ['az repos ref delete --name heads/release/2024 --repository api --object-id 1a2b3c'],
    noMatch: ['az repos ref list --repository api', 'az repos ref create --name heads/hotfix --repository api'],
  }),
  pathRule({
    id: 'az.pipelines-delete',
    programs: ['az'],
    severity: 'high',
    summary: 'Deletes an Azure Pipelines pipeline, variable group or pipeline variable',
    hint: 'Export the definition or variables first (az pipelines show / az pipelines variable-group show)',
    paths: [
      ['pipelines', 'delete'], ['pipelines', 'variable', 'delete'], ['pipelines', 'variable-group', 'delete'],
      ['pipelines', 'variable-group', 'variable', 'delete'],
    ],
    shape: { valueFlags: AZ_VALUE_FLAGS },
    targetFlags: AZ_TARGETS,
    match: ['az pipelines delete --id 12 --project billing --yes', 'az pipelines variable-group delete --group-id 4 --yes', 'az pipelines variable delete --name DB_PASSWORD --pipeline-name deploy-prod'],
    noMatch: ['az pipelines list --project billing', 'az pipelines run --name deploy-prod', 'az pipelines variable list --pipeline-name deploy-prod'],
  }),
  pathRule({
    id: 'aws.codecommit-delete-repository',
    programs: ['aws'],
    severity: 'critical',
    summary: 'Deletes an AWS CodeCommit repository',
    hint: 'Clone a mirror first (git clone --mirror) and check which pipelines build from it',
    paths: [['codecommit', 'delete-repository']],
    shape: { valueFlags: AWS_VALUE_FLAGS },
    targetFlags: ['--repository-name'],
    match: ['aws codecommit delete-repository --repository-name billing-prod', 'aws --profile prod codecommit delete-repository --repository-name=infra'],
    noMatch: ['aws codecommit get-repository --repository-name billing-prod', 'aws codecommit list-repositories'],
  }),
  pathRule({
    id: 'aws.codepipeline-delete',
    programs: ['aws'],
    severity: 'high',
    summary: 'Deletes an AWS CodePipeline pipeline, CodeBuild project or CodeDeploy application',
    hint: 'Export the definition first (get-pipeline / batch-get-projects) and delete through the IaC that created it',
    paths: [
      ['codepipeline', 'delete-pipeline'], ['codebuild', 'delete-project'],
      ['deploy', 'delete-application'], ['deploy', 'delete-deployment-group'],
    ],
    shape: { valueFlags: AWS_VALUE_FLAGS },
    targetFlags: ['--name', '--application-name', '--deployment-group-name'],
    match: ['aws codepipeline delete-pipeline --name api-prod-deploy', 'aws codebuild delete-project --name api-build', 'aws deploy delete-application --application-name billing-prod'],
    noMatch: ['aws codepipeline get-pipeline --name api-prod-deploy', 'aws codebuild start-build --project-name api-build'],
  }),
  pathRule({
    id: 'gcloud.source-repos-delete',
    programs: ['gcloud'],
    severity: 'critical',
    summary: 'Deletes a Cloud Source Repositories repository',
    hint: 'Clone a mirror first (git clone --mirror); a deleted repository name cannot be reused for a week',
    paths: [['source', 'repos', 'delete']],
    read: gcloudPath,
    match: ['gcloud source repos delete billing-api --quiet', 'gcloud source repos delete infra --project acme-prod'],
    noMatch: ['gcloud source repos list', 'gcloud source repos clone billing-api'],
  }),
  pathRule({
    id: 'gcloud.builds-triggers-delete',
    programs: ['gcloud'],
    severity: 'high',
    summary: 'Deletes a Cloud Build trigger or Cloud Deploy delivery pipeline; pushes stop building and deploying',
    hint: 'Export it first (gcloud builds triggers export / describe) so it can be re-imported',
    paths: [['builds', 'triggers', 'delete'], ['deploy', 'delivery-pipelines', 'delete']],
    read: gcloudPath,
    match: ['gcloud builds triggers delete deploy-prod --region us-central1', 'gcloud beta builds triggers delete nightly', 'gcloud deploy delivery-pipelines delete web-app --region europe-west1 --force'],
    noMatch: ['gcloud builds triggers list', 'gcloud builds triggers run deploy-prod --branch main'],
  }),
];

/* ---------------------------------------------------------------- Argo CD, Flux, Tekton */

const ARGOCD = ['argocd'];
const ARGOCD_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '--server', '--auth-token', '--config', '--argocd-context', '--grpc-web-root-path', '-H', '--header',
  '--http-retry-max', '--kube-context', '--logformat', '--loglevel', '--port-forward-namespace',
  '--redis-haproxy-name', '--repo-server-name', '--server-crt', '--server-name', '--client-crt', '--client-crt-key',
  '--controller-name', '--redis-name', '--redis-compress', '-N', '--app-namespace', '-p', '--propagation-policy',
  '-l', '--selector', '--project', '-o', '--output',
]);
const ARGOCD_TARGETS = ['--argocd-context', '--kube-context', '-N', '--app-namespace', '-l', '--selector'];
const ARGOCD_APP = ['app', 'apps', 'application', 'applications'];
const ARGOCD_RM = ['delete', 'rm', 'remove'];

const gitopsRules: readonly Rule[] = [
  pathRule({
    id: 'argocd.app-delete',
    programs: ARGOCD,
    severity: 'critical',
    summary: 'Deletes an Argo CD application and, by default (cascade), every Kubernetes resource it manages',
    hint: 'Pass --cascade=false to keep the running resources, and check the app with argocd app get first',
    paths: [[ARGOCD_APP, ARGOCD_RM]],
    shape: { valueFlags: ARGOCD_VALUE_FLAGS },
    when: (a) => !a.list.some((w) => /^--cascade=(?:false|0)$/i.test(w)),
    targetFlags: ARGOCD_TARGETS,
    match: ['argocd app delete payments-prod', 'argocd app delete api --cascade -y', 'argocd --server argocd.acme.dev app delete web-staging --yes', 'argocd app delete -l team=billing -y'],
    noMatch: ['argocd app get payments-prod', 'argocd app delete payments-prod --cascade=false', 'argocd app sync payments-prod', 'argocd app list'],
  }),
  pathRule({
    id: 'argocd.appset-delete',
    programs: ARGOCD,
    severity: 'critical',
    summary: 'Deletes an Argo CD ApplicationSet and the applications it generated, with the resources they manage',
    hint: 'Set preserveResourcesOnDeletion on the ApplicationSet first, or remove it from its generator source',
    paths: [[['appset', 'appsets', 'applicationset', 'applicationsets'], ARGOCD_RM]],
    shape: { valueFlags: ARGOCD_VALUE_FLAGS },
    targetFlags: ARGOCD_TARGETS,
    match: ['argocd appset delete tenants-prod', 'argocd appset delete clusters-addons -y'],
    noMatch: ['argocd appset get tenants-prod', 'argocd appset list', 'argocd appset create appset.yaml'],
  }),
  pathRule({
    id: 'argocd.app-sync-prune',
    programs: ARGOCD,
    severity: 'high',
    summary: 'Syncs an Argo CD application with --prune, deleting live resources that are no longer in Git',
    hint: 'Run argocd app diff first to see what would be pruned, or sync without --prune',
    paths: [[ARGOCD_APP, 'sync']],
    shape: { valueFlags: ARGOCD_VALUE_FLAGS },
    when: (a) => a.has('--prune'),
    targetFlags: ARGOCD_TARGETS,
    match: ['argocd app sync payments-prod --prune', 'argocd app sync api --prune --force --replace'],
    noMatch: ['argocd app sync payments-prod', 'argocd app diff payments-prod', 'argocd app sync api --dry-run --prune'],
  }),
  pathRule({
    id: 'argocd.app-delete-resource',
    programs: ARGOCD,
    severity: 'high',
    summary: 'Deletes a Kubernetes resource that an Argo CD application manages',
    hint: 'Check the resource with argocd app resources first; the next sync may recreate it',
    paths: [[ARGOCD_APP, 'delete-resource']],
    shape: { valueFlags: ARGOCD_VALUE_FLAGS },
    targetFlags: [...ARGOCD_TARGETS, '--resource-name', '--namespace'],
    match: ['argocd app delete-resource payments-prod --kind Deployment --resource-name api', 'argocd app delete-resource web --kind StatefulSet --resource-name db --force'],
    noMatch: ['argocd app resources payments-prod', 'argocd app patch-resource web --kind Deployment --resource-name api --patch "{}"'],
  }),
  pathRule({
    id: 'argocd.proj-delete',
    programs: ARGOCD,
    severity: 'high',
    summary: 'Deletes an Argo CD project with its roles, tokens and deployment restrictions',
    hint: 'Export it first (argocd proj get -o yaml) and move its applications to another project',
    paths: [[['proj', 'project', 'projects'], ARGOCD_RM]],
    shape: { valueFlags: ARGOCD_VALUE_FLAGS },
    targetFlags: ARGOCD_TARGETS,
    match: ['argocd proj delete payments', 'argocd proj delete team-prod'],
    noMatch: ['argocd proj get payments', 'argocd proj list', 'argocd proj role delete payments ci'],
  }),
  pathRule({
    id: 'argocd.cluster-rm',
    programs: ARGOCD,
    severity: 'high',
    summary: 'Removes a cluster from Argo CD; every application deploying to it stops syncing',
    hint: 'Move or delete the applications that target the cluster first (argocd app list --dest-server …)',
    paths: [[['cluster', 'clusters'], ARGOCD_RM]],
    shape: { valueFlags: ARGOCD_VALUE_FLAGS },
    targetFlags: ARGOCD_TARGETS,
    match: ['argocd cluster rm https://prod-eks.acme.internal', 'argocd cluster rm staging-gke -y'],
    noMatch: ['argocd cluster list', 'argocd cluster get staging-gke', 'argocd cluster add staging-gke'],
  }),
  pathRule({
    id: 'argocd.account-delete-token',
    programs: ARGOCD,
    severity: 'low',
    summary: 'Revokes an Argo CD account token; the CI jobs and tools that use it stop authenticating',
    hint: 'Generate and roll out the replacement token first, then revoke the old one',
    paths: [[['account', 'accounts'], 'delete-token']],
    shape: { valueFlags: ARGOCD_VALUE_FLAGS },
    targetFlags: ['--account', '-a'],
    match: ['argocd account delete-token --account ci-bot 4a1c2b3d-5e6f-7081-92a3-b4c5d6e7f809'],
    noMatch: ['argocd account list', 'argocd account get --account ci-bot'],
  }),
  pathRule({
    id: 'argocd.repo-rm',
    programs: ARGOCD,
    severity: 'low',
    summary: 'Removes a repository or its credentials from Argo CD; applications that sync from it start failing',
    hint: 'Check which applications use the repository first (argocd app list --repo …)',
    paths: [[['repo', 'repos', 'repocreds'], ARGOCD_RM]],
    shape: { valueFlags: ARGOCD_VALUE_FLAGS },
    targetFlags: ARGOCD_TARGETS,
    match: ['argocd repo rm https://github.com/acme/deploy.git', 'argocd repocreds rm https://github.com/acme'],
    noMatch: ['argocd repo list', 'argocd repo add https://github.com/acme/deploy.git --ssh-private-key-path key'],
  }),
];

const FLUX_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '-n', '--namespace', '--context', '--kubeconfig', '--timeout', '--cluster', '--as', '--as-group', '--as-uid',
  '--certificate-authority', '--client-certificate', '--client-key', '--server', '--token', '--user', '--cache-dir',
  '--tls-server-name', '--request-timeout',
]);
const FLUX_TARGETS = ['--namespace', '-n', '--context'];

const fluxRules: readonly Rule[] = [
  pathRule({
    id: 'flux.delete-workload',
    programs: ['flux'],
    severity: 'critical',
    summary: 'Deletes a Flux Kustomization or HelmRelease; with pruning on, Flux deletes every resource it applied (a HelmRelease is uninstalled)',
    hint: 'Suspend it instead (flux suspend), or set prune: false and let Flux reconcile before deleting',
    paths: [['delete', ['kustomization', 'kustomizations', 'ks', 'helmrelease', 'helmreleases', 'hr']]],
    shape: { valueFlags: FLUX_VALUE_FLAGS },
    targetFlags: FLUX_TARGETS,
    match: ['flux delete kustomization apps-prod', 'flux delete ks infrastructure --silent', 'flux delete helmrelease podinfo -n production', 'flux -n payments delete hr api -s'],
    noMatch: ['flux get kustomizations', 'flux suspend ks apps-prod', 'flux reconcile helmrelease podinfo', 'flux delete source git flux-system'],
  }),
  pathRule({
    id: 'flux.delete',
    programs: ['flux'],
    severity: 'high',
    summary: 'Deletes a Flux source, alert, receiver, image policy or tenant; what depends on it stops reconciling',
    hint: 'Suspend it instead (flux suspend), and check what references it (flux tree, flux get all)',
    paths: [['delete', ['source', 'image', 'alert', 'alert-provider', 'receiver', 'tenant']]],
    shape: { valueFlags: FLUX_VALUE_FLAGS },
    targetFlags: FLUX_TARGETS,
    match: ['flux delete source git flux-system', 'flux delete source helm bitnami -s', 'flux delete image policy api-prod', 'flux delete tenant team-a --silent'],
    noMatch: ['flux get sources git', 'flux create source git app --url https://github.com/acme/app', 'flux delete ks apps'],
  }),
  pathRule({
    id: 'flux.uninstall',
    programs: ['flux'],
    severity: 'high',
    summary: 'Uninstalls Flux from the cluster with its controllers, custom resources and CRDs; GitOps stops reconciling',
    hint: 'Run it with --dry-run first, and export the Flux objects (flux export --all) so they can be restored',
    paths: [['uninstall']],
    shape: { valueFlags: FLUX_VALUE_FLAGS },
    targetFlags: FLUX_TARGETS,
    match: ['flux uninstall', 'flux uninstall --namespace=flux-system --silent', 'flux --context prod-eks uninstall -s'],
    noMatch: ['flux install', 'flux check', 'flux version'],
  }),
];

const TKN_VALUE_FLAGS: ReadonlySet<string> = new Set(['-n', '--namespace', '-c', '--context', '-k', '--kubeconfig']);
const TKN_DELETE = ['delete', 'rm'];
const TKN_DEFINITIONS = [
  'pipeline', 'pipelines', 'p', 'task', 'tasks', 't', 'clustertask', 'clustertasks', 'ct', 'eventlistener',
  'eventlisteners', 'el', 'triggertemplate', 'triggertemplates', 'tt', 'triggerbinding', 'triggerbindings', 'tb',
  'clustertriggerbinding', 'clustertriggerbindings', 'ctb', 'resource', 'resources', 'res',
];
const TKN_RUNS = ['pipelinerun', 'pipelineruns', 'pr', 'taskrun', 'taskruns', 'tr'];

const tektonRules: readonly Rule[] = [
  pathRule({
    id: 'tkn.delete',
    programs: ['tkn'],
    severity: 'high',
    summary: 'Deletes Tekton pipelines, tasks or triggers (with --all, every one in the namespace; with --prs/--trs, their runs too)',
    hint: 'Export the definitions first (tkn pipeline describe -o yaml, kubectl get pipelines -o yaml)',
    paths: [[TKN_DEFINITIONS, TKN_DELETE]],
    shape: { valueFlags: TKN_VALUE_FLAGS },
    targetFlags: ['--namespace', '-n'],
    match: ['tkn pipeline delete build-and-deploy -f', 'tkn pipeline delete --all -n ci', 'tkn task rm git-clone', 'tkn eventlistener delete github-listener -n ci'],
    noMatch: ['tkn pipeline list', 'tkn pipeline start build-and-deploy', 'tkn task describe git-clone', 'tkn pipelinerun delete build-run-x7k2'],
  }),
  pathRule({
    id: 'tkn.runs-delete-all',
    programs: ['tkn'],
    severity: 'low',
    summary: 'Deletes every Tekton pipeline or task run of a namespace (or all but the last few), with their logs',
    hint: 'Delete the one run meant, or let a pruner expire old runs',
    paths: [[TKN_RUNS, TKN_DELETE]],
    shape: { valueFlags: TKN_VALUE_FLAGS },
    when: (a) => a.has('--all', '--keep', '--keep-since'),
    targetFlags: ['--namespace', '-n'],
    match: ['tkn pipelinerun delete --all -f', 'tkn pr rm --all -n ci', 'tkn taskrun delete --keep 5 -f'],
    noMatch: ['tkn pipelinerun delete build-run-x7k2', 'tkn pipelinerun list', 'tkn pr logs -f'],
  }),
];

/* ---------------------------------------------------------------- Jenkins, CircleCI, Spinnaker, Concourse */

// Options of jenkins-cli.jar that take a value, before its command.
const JENKINS_VALUE_FLAGS: ReadonlySet<string> = new Set(['-s', '-auth', '-i', '-user', '-p', '-logger', '-bearer']);

/** The jenkins-cli command line: what follows `java -jar jenkins-cli.jar`, or the `jenkins-cli` wrapper's arguments. */
function jenkinsArgs(a: Args): readonly string[] | undefined {
  if (a.program !== 'java') return a.list;
  const at = a.list.indexOf('-jar');
  const jar = at < 0 ? undefined : a.list[at + 1];
  return jar !== undefined && /jenkins-cli[^/]*\.jar$/i.test(jar) ? a.list.slice(at + 2) : undefined;
}

function jenkinsCommand(a: Args): string[] {
  const list = jenkinsArgs(a);
  return list ? operands(list, JENKINS_VALUE_FLAGS) : [];
}

const CONCOURSE_VALUE_FLAGS: ReadonlySet<string> = new Set(['-t', '--target']);
const concourseVerb = (a: Args): string => (operands(a.list, CONCOURSE_VALUE_FLAGS)[0] ?? '').toLowerCase();

const ciRules: readonly Rule[] = [
  {
    id: 'jenkins.delete',
    programs: ['java', 'jenkins-cli'],
    category: 'codehost',
    severity: 'high',
    summary: 'Deletes Jenkins jobs (a folder with every job in it), builds, views, nodes or credentials',
    hint: 'Disable the job instead (disable-job), or back up its config first (get-job > job.xml)',
    match: (a) => (jenkinsCommand(a)[0] ?? '').toLowerCase().startsWith('delete-'),
    targets: (a) => [...jenkinsCommand(a).slice(1), ...(jenkinsArgs(a) ? a.values('-s') : [])],
    examples: {
      match: ['java -jar jenkins-cli.jar -s https://jenkins.acme.dev/ -auth @creds delete-job deploy-prod', 'java -jar ./jenkins-cli.jar -s http://localhost:8080 delete-builds api-build 1-200', 'jenkins-cli delete-node build-agent-3'],
      noMatch: ['java -jar jenkins-cli.jar -s https://jenkins.acme.dev/ build deploy-prod', 'java -jar app.jar delete-job x', 'java -jar jenkins-cli.jar -s http://localhost:8080 get-job api-build'],
    },
  },
  {
    id: 'jenkins.api-delete',
    programs: ['curl', 'curlie', 'wget', 'http', 'https', 'xh', 'xhs'],
    category: 'codehost',
    severity: 'high',
    summary: 'Deletes a Jenkins job, folder, view or node through its doDelete URL',
    hint: 'Disable the job instead (…/disable), or save its config first (GET …/config.xml)',
    match: (a) => a.list.some((w) => /^(?:https?:\/\/)?[^\s/]+\/(?:[^\s?#]*\/)?doDelete(?:[/?#]|$)/i.test(w)),
    targets: (a) => a.list.filter((w) => /\/doDelete\b/i.test(w)),
    examples: {
      match: ['curl -X POST -u admin:$JENKINS_TOKEN https://jenkins.acme.internal/job/deploy-prod/doDelete', 'curl -XPOST "http://localhost:8080/job/team/job/api-build/doDelete" --user ci:token'],
      noMatch: ['curl -X POST -u admin:$JENKINS_TOKEN https://jenkins.acme.internal/job/deploy-prod/build', 'curl -s https://jenkins.acme.internal/job/deploy-prod/config.xml'],
    },
  },
  {
    id: 'gitlab-runner.unregister-all',
    programs: ['gitlab-runner'],
    category: 'codehost',
    severity: 'high',
    summary: 'Unregisters every GitLab runner on this host; CI jobs that need them stop being picked up',
    hint: 'Unregister the one runner meant (--name or --url with --token), and keep config.toml to re-register',
    match: (a) => (a.positionals[0] ?? '').toLowerCase() === 'unregister' && a.has('--all-runners'),
    examples: {
      match: ['sudo gitlab-runner unregister --all-runners', 'gitlab-runner unregister --all-runners -c /etc/gitlab-runner/config.toml'],
      noMatch: ['sudo gitlab-runner unregister --name old-docker-runner', 'gitlab-runner list', 'gitlab-runner verify --delete'],
    },
  },
  pathRule({
    id: 'circleci.context-delete',
    programs: ['circleci'],
    severity: 'high',
    summary: 'Deletes a CircleCI context or one of its secrets; jobs that use it fail and the values cannot be read back',
    hint: 'Keep the values in a secret store and check which workflows use the context before deleting',
    paths: [['context', ['delete', 'remove-secret']]],
    targetFlags: ['--org-id'],
    match: ['circleci context delete github acme production', 'circleci context delete --org-id 8f3e2a1c deploy-prod -f', 'circleci context remove-secret github acme aws-prod AWS_SECRET_ACCESS_KEY'],
    noMatch: ['circleci context list github acme', 'circleci context show github acme production', 'circleci context store-secret github acme aws-prod AWS_REGION'],
  }),
  pathRule({
    id: 'spin.delete',
    programs: ['spin'],
    severity: 'high',
    summary: 'Deletes a Spinnaker application, pipeline, pipeline template or canary config (or a Fermyon Cloud app)',
    hint: 'Save the definition first (spin pipeline get -o json > pipeline.json) so it can be saved back',
    paths: [
      [['application', 'applications', 'app'], 'delete'], [['pipeline', 'pipelines', 'pi'], 'delete'],
      [['pipeline-template', 'pt'], 'delete'], ['canary', ['canary-config', 'cc'], 'delete'], ['cloud', ['apps', 'app'], 'delete'],
    ],
    shape: { valueFlags: new Set(['--config', '--gate-endpoint', '--default-headers', '-o', '--output']) },
    targetFlags: ['--name', '--application', '-a'],
    match: ['spin application delete payments', 'spin pipeline delete --name deploy-prod --application payments', 'spin cloud apps delete hello-api'],
    noMatch: ['spin application list', 'spin pipeline get --name deploy-prod --application payments', 'spin up', 'spin deploy'],
  }),
  {
    id: 'concourse.destroy-pipeline',
    programs: ['fly'],
    category: 'codehost',
    severity: 'high',
    summary: 'Destroys a Concourse pipeline with its build history and logs',
    hint: 'Pause the pipeline instead (fly pause-pipeline), or save it first (fly get-pipeline > pipeline.yml)',
    match: (a) => ['destroy-pipeline', 'dp'].includes(concourseVerb(a)),
    targets: (a) => a.values('-t', '--target', '-p', '--pipeline', '--team'),
    examples: {
      match: ['fly -t ci destroy-pipeline -p deploy-prod', 'fly --target main dp --pipeline api -n', 'fly -t prod destroy-pipeline -p website --team platform --non-interactive'],
      noMatch: ['fly -t ci pause-pipeline -p deploy-prod', 'fly -t ci set-pipeline -p api -c pipeline.yml', 'fly apps destroy acme-api'],
    },
  },
  {
    id: 'concourse.destroy-team',
    programs: ['fly'],
    category: 'codehost',
    severity: 'critical',
    summary: 'Destroys a Concourse team with every pipeline and build history it owns',
    hint: 'Save the team\'s pipelines first (fly get-pipeline for each) and check the team name with fly teams',
    match: (a) => ['destroy-team', 'dt'].includes(concourseVerb(a)),
    targets: (a) => a.values('-t', '--target', '-n', '--team-name'),
    examples: {
      match: ['fly -t ci destroy-team -n platform', 'fly --target main dt --team-name payments --non-interactive'],
      noMatch: ['fly -t ci teams', 'fly -t ci set-team -n platform --local-user admin'],
    },
  },
];

export const codehostRules: readonly Rule[] = [
  ...githubRules,
  ...gitlabRules,
  ...giteaRules,
  ...cloudHostingRules,
  ...gitopsRules,
  ...fluxRules,
  ...tektonRules,
  ...ciRules,
];
