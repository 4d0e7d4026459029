// Infrastructure as code: terraform/tofu/terragrunt, pulumi, cdk, cdktf, serverless, sam. A
// destroy here removes every resource the stack manages, so the rules read the subcommand exactly
// (`terraform plan -destroy` only plans) and leave `-chdir=`/`-var-file=`/`--stack` to the central
// environment resolver.
import { Args, operands } from './args';
import type { Rule } from './types';

/** Positionals with the values of the given value-taking flags removed; all words after `--` count. */
function pathOf(a: Args, valueFlags: ReadonlySet<string>): string[] {
  return operands(a.list, valueFlags);
}

// Package names these CLIs are also run by (`npx aws-cdk@2 destroy`: the expander peels the runner
// and the version off, leaving the package name as the program).
const PACKAGE_TOOLS: ReadonlyMap<string, string> = new Map([
  ['cdk', 'cdk'], ['aws-cdk', 'cdk'], ['cdktf', 'cdktf'], ['cdktf-cli', 'cdktf'],
  ['serverless', 'serverless'], ['sls', 'serverless'], ['osls', 'serverless'], ['pulumi', 'pulumi'],
]);

/** The tool's own view of the command: `aws-cdk destroy X` is read as `cdk destroy X`. */
function toolOf(a: Args): { readonly tool: string; readonly args: Args } {
  return { tool: PACKAGE_TOOLS.get(a.program) ?? a.program, args: a };
}

/* ---------------------------------------------------------------- terraform / tofu / terragrunt */

const TF_PROGRAMS = ['terraform', 'tofu', 'opentofu', 'terragrunt'];
const TF_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '--terragrunt-working-dir', '--working-dir', '--terragrunt-config', '--config', '--terragrunt-iam-role',
  '--iam-assume-role', '--terragrunt-source', '--source', '--queue-include-dir', '--queue-exclude-dir',
  '--terragrunt-include-dir', '--terragrunt-exclude-dir', '-target', '-var', '-var-file', '-lock-timeout',
  '-replace', '-state', '-parallelism',
]);

interface TfCommand {
  /** The terraform subcommand (`destroy`, `apply`, `state`…), lower-case. */
  readonly verb: string;
  /** The positionals after the verb. */
  readonly rest: readonly string[];
  /** True for terragrunt runs across every module (`run-all`, `run --all`, `destroy-all`). */
  readonly all: boolean;
}

function tfCommand(a: Args): TfCommand {
  const p = pathOf(a, TF_VALUE_FLAGS).map((w) => w.toLowerCase());
  const first = p[0] ?? '';
  if (a.program === 'terragrunt') {
    if (first === 'run-all') return { verb: p[1] ?? '', rest: p.slice(2), all: true };
    if (first === 'destroy-all' || first === 'apply-all') return { verb: first.slice(0, -4), rest: p.slice(1), all: true };
    if (first === 'run') return { verb: p[1] ?? '', rest: p.slice(2), all: a.has('--all') };
  }
  return { verb: first, rest: p.slice(1), all: false };
}

/**
 * What names the environment of a destroy besides the generic flags: terragrunt's working dir
 * (`live/prod/vpc`) and an environment variable given on the line (`-var env=production`).
 */
function tfTargets(a: Args): string[] {
  const vars = a.values('-var', '--var').filter((v) => /^(?:env|environment|stage|tier)=/i.test(v));
  return [...a.values('--terragrunt-working-dir', '--working-dir'), ...vars.map((v) => v.slice(v.indexOf('=') + 1))];
}

const isDestroyRun = (a: Args, c: TfCommand): boolean =>
  c.verb === 'destroy' || (c.verb === 'apply' && a.has('-destroy', '--destroy'));

// Output names that say they hold a secret: `terraform output NAME` prints it even when sensitive.
const SECRET_OUTPUT = /pass|secret|token|key|cred|dsn|connection|conn_?str/i;

const terraformRules: readonly Rule[] = [
  {
    id: 'terraform.destroy',
    programs: TF_PROGRAMS,
    category: 'iac',
    severity: 'critical',
    summary: 'Destroys every resource managed by this Terraform configuration and workspace',
    hint: 'Run `terraform plan -destroy` first and read what goes; target single resources with -target or remove them from the code instead',
    match: (a) => {
      const c = tfCommand(a);
      return !c.all && isDestroyRun(a, c);
    },
    targets: tfTargets,
    examples: {
      match: ['terraform destroy -auto-approve', 'terraform -chdir=envs/prod destroy', 'tofu destroy -var-file=prod.tfvars', 'terraform apply -destroy -auto-approve', 'terragrunt destroy --terragrunt-working-dir live/prod/db'],
      noMatch: ['terraform plan -destroy', 'terraform plan -destroy -out=destroy.tfplan', 'terraform apply -auto-approve', 'terraform validate', 'terragrunt run-all destroy'],
    },
  },
  {
    id: 'terragrunt.run-all-destroy',
    programs: ['terragrunt'],
    category: 'iac',
    severity: 'critical',
    summary: 'Destroys the resources of every Terragrunt module under this directory',
    hint: 'Run `terragrunt run-all plan -destroy` first, or destroy one module at a time',
    match: (a) => {
      const c = tfCommand(a);
      return c.all && isDestroyRun(a, c);
    },
    targets: tfTargets,
    examples: {
      match: ['terragrunt run-all destroy', 'terragrunt run-all destroy --terragrunt-non-interactive --terragrunt-working-dir live/prod', 'terragrunt run --all -- destroy', 'terragrunt destroy-all'],
      noMatch: ['terragrunt run-all plan', 'terragrunt run-all apply', 'terragrunt destroy', 'terragrunt run-all plan -destroy'],
    },
  },
  {
    id: 'terraform.apply-replace',
    programs: TF_PROGRAMS,
    category: 'iac',
    severity: 'high',
    summary: 'Destroys and recreates the named resources, losing the data held by stateful ones',
    hint: 'Run `terraform plan -replace=…` first and snapshot the resource (database, disk, bucket) before replacing it',
    match: (a) => tfCommand(a).verb === 'apply' && a.has('-replace', '--replace'),
    targets: (a) => a.values('-replace', '--replace'),
    examples: {
      match: ['terraform apply -replace=aws_db_instance.main -auto-approve', 'tofu apply -replace aws_instance.web'],
      noMatch: ['terraform plan -replace=aws_db_instance.main', 'terraform apply -auto-approve'],
    },
  },
  {
    id: 'terraform.taint',
    programs: TF_PROGRAMS,
    category: 'iac',
    severity: 'high',
    summary: 'Marks a resource as tainted: the next apply destroys and recreates it, losing the data a stateful one holds',
    hint: 'Use `terraform plan -replace=ADDRESS` to see the replacement first, and snapshot the resource (database, disk) before applying',
    match: (a) => tfCommand(a).verb === 'taint',
    targets: (a) => tfCommand(a).rest,
    examples: {
      match: ['terraform taint aws_db_instance.prod', 'tofu taint module.db.aws_rds_cluster.this'],
      noMatch: ['terraform untaint aws_db_instance.prod', 'terraform state show aws_db_instance.prod'],
    },
  },
  {
    id: 'terraform.state-mv',
    programs: TF_PROGRAMS,
    category: 'iac',
    severity: 'high',
    summary: 'Moves resources to other addresses in Terraform state; an address the code does not declare makes the next apply destroy the resource',
    hint: 'Back up the state first (`terraform state pull > backup.tfstate`), or use a `moved` block in code so the plan shows the move',
    match: (a) => {
      const c = tfCommand(a);
      return c.verb === 'state' && c.rest[0] === 'mv' && !a.has('-dry-run', '--dry-run');
    },
    targets: (a) => tfCommand(a).rest.slice(1),
    examples: {
      match: ['terraform state mv aws_s3_bucket.a aws_s3_bucket.b', 'tofu state mv module.old module.new'],
      noMatch: ['terraform state mv -dry-run aws_s3_bucket.a aws_s3_bucket.b', 'terraform state list', 'terraform state show aws_s3_bucket.a'],
    },
  },
  {
    id: 'terraform.output-secrets',
    programs: TF_PROGRAMS,
    category: 'secrets',
    severity: 'high',
    summary: 'Prints Terraform outputs including sensitive values (passwords, keys) that plain output hides',
    hint: 'Run `terraform output` without -json/-raw to see which outputs exist without their sensitive values',
    match: (a) => {
      const c = tfCommand(a);
      if (c.verb !== 'output') return false;
      // -json prints every output with sensitive values in clear; one output asked for by name is
      // printed in clear too, with or without -raw.
      return a.has('-json', '--json') || SECRET_OUTPUT.test(c.rest[0] ?? '');
    },
    examples: {
      match: ['terraform output -raw db_password', 'terraform output -json', 'tofu output -raw api_token', 'terraform output db_password', 'terraform output database_connection_string', 'terragrunt output redis_dsn'],
      noMatch: ['terraform output', 'terraform output -raw bucket_name', 'terraform output vpc_id', 'terraform plan'],
    },
  },
  {
    id: 'terraform.state-read',
    programs: TF_PROGRAMS,
    category: 'secrets',
    severity: 'high',
    summary: 'Prints the raw Terraform state, which holds every resource attribute in clear (database passwords, keys)',
    hint: 'List resources with `terraform state list`, or show one non-secret resource with `terraform state show`',
    match: (a) => {
      const c = tfCommand(a);
      return (c.verb === 'state' && c.rest[0] === 'pull') || (c.verb === 'show' && a.has('-json', '--json'));
    },
    examples: {
      match: ['terraform state pull', 'terraform state pull > backup.tfstate', 'tofu show -json', 'terragrunt state pull --terragrunt-working-dir live/prod/db'],
      noMatch: ['terraform state list', 'terraform show', 'terraform state show aws_s3_bucket.logs'],
    },
  },
  {
    id: 'terraform.state-rm',
    programs: TF_PROGRAMS,
    category: 'iac',
    severity: 'high',
    summary: 'Removes resources from Terraform state, so Terraform forgets them (the next apply may create duplicates)',
    hint: 'Back up the state first (`terraform state pull > backup.tfstate`), or use a `removed` block in code',
    match: (a) => {
      const c = tfCommand(a);
      return c.verb === 'state' && (c.rest[0] === 'rm' || (c.rest[0] === 'push' && a.has('-force')));
    },
    examples: {
      match: ['terraform state rm aws_db_instance.main', 'terraform -chdir=infra state rm "module.db.aws_rds_cluster.this"', 'tofu state rm -state=prod.tfstate aws_s3_bucket.logs', 'terraform state push -force backup.tfstate'],
      noMatch: ['terraform state list', 'terraform state show aws_db_instance.main', 'terraform state mv aws_s3_bucket.a aws_s3_bucket.b', 'terraform state pull'],
    },
  },
  {
    id: 'terraform.workspace-delete',
    programs: TF_PROGRAMS,
    category: 'iac',
    severity: 'high',
    summary: 'Deletes a Terraform workspace and its state (with -force even while it still manages resources)',
    hint: 'Destroy or move the resources first and back up the workspace state with `terraform state pull`',
    match: (a) => {
      const c = tfCommand(a);
      return c.verb === 'workspace' && c.rest[0] === 'delete';
    },
    targets: (a) => tfCommand(a).rest.slice(1),
    examples: {
      match: ['terraform workspace delete prod', 'terraform workspace delete -force staging', 'tofu workspace delete feature-x'],
      noMatch: ['terraform workspace select prod', 'terraform workspace list', 'terraform workspace new preview-123'],
    },
  },
  {
    id: 'terraform.force-unlock',
    programs: TF_PROGRAMS,
    category: 'iac',
    severity: 'low',
    summary: 'Releases the Terraform state lock, which can corrupt state if another run is still in progress',
    hint: 'Check that no other plan or apply is running (CI, a colleague) before forcing the unlock',
    match: (a) => tfCommand(a).verb === 'force-unlock',
    examples: {
      match: ['terraform force-unlock 6638a6a6-2f1e-4c4b-9f3c-5d1b2c3d4e5f', 'terraform force-unlock -force 1234'],
      noMatch: ['terraform init -lock=false', 'terraform plan -lock-timeout=60s'],
    },
  },
];

/* ---------------------------------------------------------------- pulumi */

const PULUMI_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '-C', '--cwd', '-s', '--stack', '--color', '--config-file', '-t', '--target', '-m', '--message',
  '--parallel', '-p', '--exclude',
]);
const pulumiPath = (a: Args): string[] => pathOf(a, PULUMI_VALUE_FLAGS).map((w) => w.toLowerCase());

const pulumiRules: readonly Rule[] = [
  {
    id: 'pulumi.destroy',
    programs: ['pulumi'],
    category: 'iac',
    severity: 'critical',
    summary: 'Destroys every resource in a Pulumi stack',
    hint: 'Run `pulumi preview --destroy` first, or remove single resources from the program instead',
    match: (a) => {
      const verb = pulumiPath(a)[0];
      return verb === 'destroy' || verb === 'down';
    },
    targets: (a) => a.values('--stack', '-s'),
    examples: {
      match: ['pulumi destroy --yes', 'pulumi destroy -s acme/api/production -y', 'pulumi down --stack prod --skip-preview', 'pulumi -C infra destroy'],
      noMatch: ['pulumi preview --destroy', 'pulumi up --yes', 'pulumi stack ls', 'pulumi refresh -s prod'],
    },
  },
  {
    id: 'pulumi.show-secrets',
    programs: ['pulumi'],
    category: 'secrets',
    severity: 'high',
    summary: 'Prints a Pulumi stack\'s secret config or outputs in clear (--show-secrets)',
    hint: 'Run the same command without --show-secrets; secret values then print as [secret]',
    match: (a) => {
      const p = pulumiPath(a);
      return a.has('--show-secrets') && (p[0] === 'config' || (p[0] === 'stack' && ['output', 'export'].includes(p[1] ?? '')));
    },
    targets: (a) => a.values('--stack', '-s'),
    examples: {
      match: ['pulumi config --show-secrets --stack acme/prod', 'pulumi stack output --show-secrets', 'pulumi stack export --show-secrets --file state.json'],
      noMatch: ['pulumi config', 'pulumi stack output', 'pulumi stack export --file state.json'],
    },
  },
  {
    id: 'pulumi.stack-rm',
    programs: ['pulumi'],
    category: 'iac',
    severity: 'high',
    summary: 'Removes a Pulumi stack with its configuration and deployment history (with --force, orphaning its resources)',
    hint: 'Destroy the stack first or export it (`pulumi stack export`) so its state can be restored',
    match: (a) => {
      const p = pulumiPath(a);
      return (p[0] === 'stack' && (p[1] === 'rm' || p[1] === 'remove')) || (p[0] === 'state' && p[1] === 'delete');
    },
    targets: (a) => [...pathOf(a, PULUMI_VALUE_FLAGS).slice(2), ...a.values('--stack', '-s')],
    examples: {
      match: ['pulumi stack rm acme/api/staging', 'pulumi stack rm --force --yes prod', 'pulumi stack rm -s dev -y', "pulumi state delete 'urn:pulumi:prod::api::aws:s3/bucket:Bucket::logs'"],
      noMatch: ['pulumi stack ls', 'pulumi stack select prod', 'pulumi stack export --file backup.json'],
    },
  },
];

/* ---------------------------------------------------------------- cdk / cdktf / serverless / sam */

const CDK_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '--app', '-a', '--profile', '--context', '-c', '--output', '-o', '--role-arn', '-r', '--plugin', '-p',
  '--ca-bundle-path', '--proxy', '--toolkit-stack-name', '--app-tool', '--language',
]);

function toolRule(
  base: Omit<Rule, 'match' | 'targets'>,
  tool: string,
  verbs: readonly string[],
  valueFlags: ReadonlySet<string>,
  targetFlags: readonly string[],
): Rule {
  return {
    ...base,
    match: (a) => {
      const t = toolOf(a);
      if (t.tool !== tool) return false;
      return verbs.includes((pathOf(t.args, valueFlags)[0] ?? '').toLowerCase());
    },
    targets: (a) => {
      const t = toolOf(a);
      return [...pathOf(t.args, valueFlags).slice(1), ...t.args.values(...targetFlags)];
    },
  };
}

const appRules: readonly Rule[] = [
  toolRule({
    id: 'cdk.destroy',
    programs: ['cdk', 'aws-cdk'],
    category: 'iac',
    severity: 'critical',
    summary: 'Destroys AWS CDK stacks and the resources they created',
    hint: 'Run `cdk diff` and check the removal policies first; destroy a single named stack rather than --all',
    examples: {
      match: ['cdk destroy ApiStack-prod --force', 'cdk destroy --all -f', 'npx cdk destroy --profile production DataStack', 'npx aws-cdk@latest destroy MyStack'],
      noMatch: ['cdk diff ApiStack-prod', 'cdk deploy --all', 'npx cdk synth', 'npx prettier --write .'],
    },
  }, 'cdk', ['destroy'], CDK_VALUE_FLAGS, []),
  toolRule({
    id: 'cdktf.destroy',
    programs: ['cdktf', 'cdktf-cli'],
    category: 'iac',
    severity: 'critical',
    summary: 'Destroys CDK for Terraform stacks and every resource they manage',
    hint: 'Run `cdktf diff` first and destroy a single named stack rather than all of them',
    examples: {
      match: ['cdktf destroy api-prod --auto-approve', 'npx cdktf destroy', 'cdktf destroy --var-file=prod.tfvars network'],
      noMatch: ['cdktf diff api-prod', 'cdktf deploy api-prod', 'cdktf synth'],
    },
  }, 'cdktf', ['destroy'], new Set(['--app', '-a', '--output', '-o', '--var', '--var-file', '--parallelism']), []),
  toolRule({
    id: 'serverless.remove',
    programs: ['serverless', 'sls', 'osls'],
    category: 'iac',
    severity: 'critical',
    summary: 'Removes a Serverless Framework service: its CloudFormation stack, functions, tables and buckets',
    hint: 'Check which resources the stack owns (and their DeletionPolicy) first, and confirm the stage and region',
    examples: {
      match: ['serverless remove --stage production', 'sls remove -s prod --region us-east-1', 'npx serverless remove --stage staging'],
      noMatch: ['serverless deploy --stage production', 'sls info -s prod', 'sls invoke -f hello -s dev'],
    },
  }, 'serverless', ['remove'], new Set(['--stage', '-s', '--region', '-r', '--aws-profile', '--config', '-c', '--param']), ['--stage', '-s']),
  {
    id: 'sam.delete',
    programs: ['sam'],
    category: 'iac',
    severity: 'critical',
    summary: 'Deletes an AWS SAM application: its CloudFormation stack and the resources it created',
    hint: 'Check which resources the stack owns (and their DeletionPolicy) first, and confirm the stack name and region',
    match: (a) => (pathOf(a, new Set(['--stack-name', '--region', '--profile', '--config-file', '--config-env']))[0] ?? '').toLowerCase() === 'delete',
    targets: (a) => a.values('--stack-name', '--config-env'),
    examples: {
      match: ['sam delete --stack-name api-prod --no-prompts', 'sam delete --region us-east-1 --stack-name billing-staging', 'sam delete'],
      noMatch: ['sam deploy --stack-name api-prod', 'sam build', 'sam logs --stack-name api-prod'],
    },
  },
];

const armRules: readonly Rule[] = [
  {
    id: 'az.deployment-complete-mode',
    programs: ['az'],
    category: 'iac',
    severity: 'high',
    summary: 'Deploys an ARM/Bicep template in Complete mode, deleting every resource in the group the template does not list',
    hint: 'Run az deployment group what-if --mode Complete first, or deploy in Incremental mode',
    match: (a) => a.sub('deployment', ['group', 'sub', 'mg', 'tenant'], ['create', 'update']) && (a.value('--mode') ?? '').toLowerCase() === 'complete',
    targets: (a) => [...a.values('-g', '--resource-group', '-n', '--name')],
    examples: {
      match: ['az deployment group create -g rg-acme-prod --template-file main.bicep --mode Complete'],
      noMatch: ['az deployment group create -g rg-acme-prod --template-file main.bicep', 'az deployment group what-if -g rg-acme-prod --template-file main.bicep --mode Complete'],
    },
  },
];

export const iacRules: readonly Rule[] = [...terraformRules, ...pulumiRules, ...appRules, ...armRules];
