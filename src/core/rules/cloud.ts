// Cloud provider CLIs (aws, gcloud, gsutil, az, doctl, eksctl): deleting buckets, databases,
// clusters, instances, stacks, secrets and keys, emptying buckets (mv, lifecycle expiry), and
// turning off the deletion protection that stands in front of those deletes. Each CLI has its own subcommand tree, so every
// rule reads the command path with the CLI's global value flags skipped (`aws --profile prod rds
// delete-db-instance` has the path `rds delete-db-instance`).
import { flagMatches, operands, type Args } from './args';
import type { Rule } from './types';
import type { Severity } from '../verdict';

/** Positionals with the values of the given value-taking flags removed; all words after `--` count. */
function pathOf(a: Args, valueFlags: ReadonlySet<string>): string[] {
  return operands(a.list, valueFlags);
}

/** Flags written after the word `word` (so a global `-d` debug flag is not read as `rsync -d`). */
function hasAfter(a: Args, word: string, ...flags: readonly string[]): boolean {
  const at = a.list.findIndex((w) => w.toLowerCase() === word);
  if (at < 0) return false;
  return a.list.slice(at + 1).some((arg) => flags.some((flag) => flagMatches(arg, flag)));
}

const isBucketUrl = (w: string): boolean => /^(s3|gs|s3a|s3n):\/\//i.test(w);

/* ---------------------------------------------------------------- aws */

const AWS_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '--profile', '--region', '--output', '--endpoint-url', '--query', '--color', '--ca-bundle',
  '--cli-read-timeout', '--cli-connect-timeout', '--cli-binary-format',
]);

const awsPath = (a: Args): string[] => pathOf(a, AWS_VALUE_FLAGS).map((w) => w.toLowerCase());

interface AwsSpec {
  readonly id: string;
  readonly services: readonly string[];
  /** Operation names, or a predicate over the operation name. */
  readonly ops: readonly string[] | ((op: string) => boolean);
  readonly severity: Severity;
  readonly summary: string;
  readonly hint: string;
  /** Flags whose values name what is deleted. */
  readonly targetFlags: readonly string[];
  readonly when?: (a: Args) => boolean;
  readonly match: readonly string[];
  readonly noMatch: readonly string[];
}

function awsRule(s: AwsSpec): Rule {
  const opMatches = (op: string): boolean => (typeof s.ops === 'function' ? s.ops(op) : s.ops.includes(op));
  return {
    id: s.id,
    programs: ['aws'],
    category: 'cloud',
    severity: s.severity,
    summary: s.summary,
    hint: s.hint,
    match: (a) => {
      const p = awsPath(a);
      return s.services.includes(p[0] ?? '') && opMatches(p[1] ?? '') && (s.when?.(a) ?? true);
    },
    targets: (a) => [
      ...pathOf(a, AWS_VALUE_FLAGS).slice(2).filter(isBucketUrl),
      ...a.values(...s.targetFlags),
    ],
    examples: { match: s.match, noMatch: s.noMatch },
  };
}

const awsRules: readonly Rule[] = [
  awsRule({
    id: 'aws.s3-rb',
    services: ['s3'],
    ops: ['rb'],
    severity: 'critical',
    summary: 'Deletes an S3 bucket (with --force, every object in it first)',
    hint: 'Check versioning and backups, copy what must be kept with `aws s3 sync`, and delete the bucket from the console where the account is shown',
    targetFlags: [],
    match: ['aws s3 rb s3://acme-prod-uploads --force', 'aws --profile prod s3 rb s3://acme-logs', 'sudo aws s3 rb "s3://rentals-backups" --force --region eu-west-1'],
    noMatch: ['aws s3 ls s3://acme-prod-uploads', 'aws s3 mb s3://acme-new-bucket', 'aws s3api list-buckets'],
  }),
  awsRule({
    id: 'aws.s3-rm-recursive',
    services: ['s3'],
    ops: ['rm'],
    when: (a) => a.has('--recursive'),
    severity: 'critical',
    summary: 'Deletes every object under an S3 bucket or prefix',
    hint: 'List what would go with `aws s3 rm … --recursive --dryrun` first, and make sure the bucket has versioning or a backup',
    targetFlags: [],
    match: ['aws s3 rm s3://acme-prod-assets --recursive', 'aws s3 rm --recursive s3://data-lake/raw/ --exclude "*.keep"', 'aws --profile production s3 rm s3://backups/db/ --recursive --quiet'],
    noMatch: ['aws s3 rm s3://acme-assets/tmp/old.log', 'aws s3 cp s3://acme-assets/ ./local --recursive', 'aws s3 ls s3://acme-assets --recursive'],
  }),
  awsRule({
    id: 'aws.s3-sync-delete',
    services: ['s3'],
    ops: ['sync'],
    when: (a) => a.has('--delete'),
    severity: 'high',
    summary: 'Syncs to a destination and deletes every file there that is missing from the source',
    hint: 'Run the same sync with --dryrun and read the delete lines first, or sync without --delete',
    targetFlags: [],
    match: ['aws s3 sync ./dist s3://www-prod-site --delete', 'aws s3 sync --delete build/ s3://acme-static/app --cache-control max-age=60', 'aws s3 sync s3://acme-data ./data --delete --exact-timestamps'],
    noMatch: ['aws s3 sync ./dist s3://www-prod-site', 'aws s3 sync s3://acme-data ./data --exclude "*.tmp"', 'aws s3 cp ./dist s3://www-prod-site --recursive'],
  }),
  awsRule({
    id: 'aws.s3api-delete-bucket',
    services: ['s3api'],
    ops: ['delete-bucket'],
    severity: 'critical',
    summary: 'Deletes an S3 bucket',
    hint: 'Check versioning and backups first, and delete the bucket from the console where the account is shown',
    targetFlags: ['--bucket'],
    match: ['aws s3api delete-bucket --bucket acme-prod-uploads', 'aws s3api delete-bucket --region us-east-1 --bucket=rentals-logs'],
    noMatch: ['aws s3api delete-bucket-policy --bucket acme-prod-uploads', 'aws s3api create-bucket --bucket acme-new', 'aws s3api head-bucket --bucket acme-prod-uploads'],
  }),
  awsRule({
    id: 'aws.s3api-delete-objects',
    services: ['s3api'],
    ops: ['delete-objects'],
    severity: 'high',
    summary: 'Deletes a batch of S3 objects',
    hint: 'List the keys first and make sure the bucket has versioning so the objects can be restored',
    targetFlags: ['--bucket'],
    match: ['aws s3api delete-objects --bucket acme-prod --delete file://keys.json', 'aws s3api delete-objects --delete "Objects=[{Key=a},{Key=b}]" --bucket data-lake'],
    noMatch: ['aws s3api list-objects-v2 --bucket acme-prod', 'aws s3api get-object --bucket acme-prod --key a out.bin'],
  }),
  awsRule({
    id: 'aws.rds-delete-database',
    services: ['rds', 'docdb', 'neptune'],
    ops: ['delete-db-instance', 'delete-db-cluster', 'delete-global-cluster'],
    severity: 'critical',
    summary: 'Deletes a managed database instance or cluster (with --skip-final-snapshot, without a final backup)',
    hint: 'Take a manual snapshot first (`aws rds create-db-snapshot`), keep a final snapshot, and enable deletion protection on production databases',
    targetFlags: ['--db-instance-identifier', '--db-cluster-identifier', '--global-cluster-identifier'],
    match: ['aws rds delete-db-instance --db-instance-identifier rentals-prod --skip-final-snapshot', 'aws rds delete-db-cluster --db-cluster-identifier=api-aurora --final-db-snapshot-identifier api-final', 'aws --region eu-west-1 docdb delete-db-cluster --db-cluster-identifier docs-prd --skip-final-snapshot'],
    noMatch: ['aws rds describe-db-instances --db-instance-identifier rentals-prod', 'aws rds create-db-snapshot --db-instance-identifier rentals-prod --db-snapshot-identifier pre-migration', 'aws rds reboot-db-instance --db-instance-identifier rentals-prod'],
  }),
  awsRule({
    id: 'aws.rds-delete-snapshot',
    services: ['rds', 'docdb', 'neptune'],
    ops: ['delete-db-snapshot', 'delete-db-cluster-snapshot', 'delete-db-instance-automated-backup'],
    severity: 'critical',
    summary: 'Deletes a database snapshot or automated backup, which cannot be restored afterwards',
    hint: 'Copy the snapshot to another account or region first, or let the retention policy expire it',
    targetFlags: ['--db-snapshot-identifier', '--db-cluster-snapshot-identifier', '--db-instance-automated-backups-arn', '--dbi-resource-id'],
    match: ['aws rds delete-db-snapshot --db-snapshot-identifier rentals-prod-2024-05-01', 'aws rds delete-db-cluster-snapshot --db-cluster-snapshot-identifier=api-final'],
    noMatch: ['aws rds describe-db-snapshots --db-instance-identifier rentals-prod', 'aws rds copy-db-snapshot --source-db-snapshot-identifier a --target-db-snapshot-identifier b'],
  }),
  awsRule({
    id: 'aws.dynamodb-delete-table',
    services: ['dynamodb'],
    ops: ['delete-table'],
    severity: 'critical',
    summary: 'Deletes a DynamoDB table and every item in it',
    hint: 'Create an on-demand backup first (`aws dynamodb create-backup`) and enable deletion protection on production tables',
    targetFlags: ['--table-name'],
    match: ['aws dynamodb delete-table --table-name orders-prod', 'aws --profile prod dynamodb delete-table --table-name=Sessions --region us-east-1'],
    noMatch: ['aws dynamodb describe-table --table-name orders-prod', 'aws dynamodb delete-item --table-name orders-prod --key file://key.json', 'aws dynamodb create-backup --table-name orders-prod --backup-name pre-change'],
  }),
  awsRule({
    id: 'aws.ec2-terminate-instances',
    services: ['ec2'],
    ops: ['terminate-instances'],
    severity: 'critical',
    summary: 'Terminates EC2 instances, deleting their root volumes',
    hint: 'Stop the instances instead (`aws ec2 stop-instances`), or snapshot their volumes first, and enable termination protection',
    targetFlags: ['--instance-ids'],
    match: ['aws ec2 terminate-instances --instance-ids i-0abc123def4567890', 'aws ec2 terminate-instances --region us-west-2 --instance-ids i-01 i-02'],
    noMatch: ['aws ec2 stop-instances --instance-ids i-0abc123def4567890', 'aws ec2 describe-instances --instance-ids i-0abc123def4567890'],
  }),
  awsRule({
    id: 'aws.ec2-delete-volume',
    services: ['ec2'],
    ops: ['delete-volume', 'delete-snapshot'],
    severity: 'critical',
    summary: 'Deletes an EBS volume or snapshot and the data on it',
    hint: 'Snapshot the volume first (`aws ec2 create-snapshot`), or copy the snapshot to another region before deleting',
    targetFlags: ['--volume-id', '--snapshot-id'],
    match: ['aws ec2 delete-volume --volume-id vol-049df61146c4d7901', 'aws ec2 delete-snapshot --snapshot-id=snap-1234567890abcdef0 --region eu-central-1'],
    noMatch: ['aws ec2 create-snapshot --volume-id vol-049df61146c4d7901', 'aws ec2 detach-volume --volume-id vol-049df61146c4d7901', 'aws ec2 describe-snapshots --owner-ids self'],
  }),
  awsRule({
    id: 'aws.cloudformation-delete-stack',
    services: ['cloudformation'],
    ops: ['delete-stack', 'delete-stack-set'],
    severity: 'critical',
    summary: 'Deletes a CloudFormation stack and every resource it created',
    hint: 'Review the stack resources and their DeletionPolicy first, and enable termination protection on production stacks',
    targetFlags: ['--stack-name', '--stack-set-name'],
    match: ['aws cloudformation delete-stack --stack-name api-production', 'aws --region us-east-1 cloudformation delete-stack --stack-name=rentals-stg --retain-resources Bucket'],
    noMatch: ['aws cloudformation describe-stacks --stack-name api-production', 'aws cloudformation deploy --stack-name api-production --template-file t.yml', 'aws cloudformation delete-change-set --change-set-name c1 --stack-name api'],
  }),
  awsRule({
    id: 'aws.secretsmanager-delete-secret',
    services: ['secretsmanager'],
    ops: ['delete-secret'],
    when: (a) => !a.has('--force-delete-without-recovery'),
    severity: 'high',
    summary: 'Schedules a Secrets Manager secret for deletion; everything reading it fails until it is restored',
    hint: 'Rotate or disable the consumers first; the secret can be restored with `aws secretsmanager restore-secret` during the recovery window',
    targetFlags: ['--secret-id'],
    match: ['aws secretsmanager delete-secret --secret-id prod/db/password', 'aws secretsmanager delete-secret --secret-id=api-key --recovery-window-in-days 7'],
    noMatch: ['aws secretsmanager delete-secret --secret-id prod/db/password --force-delete-without-recovery', 'aws secretsmanager describe-secret --secret-id prod/db/password', 'aws secretsmanager restore-secret --secret-id prod/db/password'],
  }),
  awsRule({
    id: 'aws.secretsmanager-delete-secret-now',
    services: ['secretsmanager'],
    ops: ['delete-secret'],
    when: (a) => a.has('--force-delete-without-recovery'),
    severity: 'critical',
    summary: 'Deletes a Secrets Manager secret immediately, with no recovery window',
    hint: 'Drop --force-delete-without-recovery so the secret stays restorable for the recovery window',
    targetFlags: ['--secret-id'],
    match: ['aws secretsmanager delete-secret --secret-id prod/db/password --force-delete-without-recovery', 'aws secretsmanager delete-secret --force-delete-without-recovery --secret-id=stripe-live'],
    noMatch: ['aws secretsmanager delete-secret --secret-id prod/db/password', 'aws secretsmanager list-secrets'],
  }),
  awsRule({
    id: 'aws.backup-delete',
    services: ['backup'],
    ops: ['delete-recovery-point', 'delete-backup-vault', 'delete-backup-plan'],
    severity: 'critical',
    summary: 'Deletes AWS Backup recovery points, vaults or plans, the copies meant to survive a disaster',
    hint: 'Let the lifecycle rules expire recovery points, and lock production vaults (`aws backup put-backup-vault-lock-configuration`)',
    targetFlags: ['--backup-vault-name', '--recovery-point-arn', '--backup-plan-id'],
    match: ['aws backup delete-recovery-point --backup-vault-name prod-vault --recovery-point-arn arn:aws:rds:us-east-1:123:snapshot:x', 'aws backup delete-backup-vault --backup-vault-name=rentals-prod-vault'],
    noMatch: ['aws backup list-recovery-points-by-backup-vault --backup-vault-name prod-vault', 'aws backup start-backup-job --backup-vault-name prod-vault --resource-arn x --iam-role-arn y'],
  }),
  awsRule({
    id: 'aws.iam-delete',
    services: ['iam'],
    ops: (op) => op.startsWith('delete-'),
    severity: 'high',
    summary: 'Deletes an IAM user, role, policy, group or key; whatever authenticates with it stops working',
    hint: 'Deactivate first (`aws iam update-access-key --status Inactive`, detach the policy) and delete once nothing breaks',
    targetFlags: ['--user-name', '--role-name', '--group-name', '--policy-arn', '--instance-profile-name', '--access-key-id'],
    match: ['aws iam delete-role --role-name api-prod-task-role', 'aws iam delete-user --user-name deploy-bot', 'aws iam delete-access-key --user-name ci --access-key-id AKIAIOSFODNN7EXAMPLE'],
    noMatch: ['aws iam list-roles', 'aws iam get-role --role-name api-prod-task-role', 'aws iam create-user --user-name deploy-bot'],
  }),
  awsRule({
    id: 'aws.eks-delete-cluster',
    services: ['eks'],
    ops: ['delete-cluster'],
    severity: 'critical',
    summary: 'Deletes an EKS cluster and everything running on it',
    hint: 'Back up the workloads (Velero or manifests) first and delete the cluster through the IaC that created it',
    targetFlags: ['--name'],
    match: ['aws eks delete-cluster --name prod-cluster', 'aws --region eu-west-1 eks delete-cluster --name=rentals-stg'],
    noMatch: ['aws eks describe-cluster --name prod-cluster', 'aws eks update-kubeconfig --name prod-cluster', 'aws eks delete-nodegroup --cluster-name prod --nodegroup-name ng-1'],
  }),
  awsRule({
    id: 'aws.eks-delete-nodegroup',
    services: ['eks'],
    ops: ['delete-nodegroup', 'delete-fargate-profile'],
    severity: 'high',
    summary: 'Deletes an EKS node group, evicting every pod scheduled on it',
    hint: 'Scale the replacement node group up and drain the old nodes before deleting it',
    targetFlags: ['--cluster-name', '--nodegroup-name', '--fargate-profile-name'],
    match: ['aws eks delete-nodegroup --cluster-name prod --nodegroup-name ng-general', 'aws eks delete-nodegroup --nodegroup-name=spot --cluster-name=stg-cluster'],
    noMatch: ['aws eks list-nodegroups --cluster-name prod', 'aws eks update-nodegroup-config --cluster-name prod --nodegroup-name ng --scaling-config desiredSize=3'],
  }),
  awsRule({
    id: 'aws.lambda-delete-function',
    services: ['lambda'],
    ops: ['delete-function'],
    severity: 'high',
    summary: 'Deletes a Lambda function with its versions, aliases and triggers',
    hint: 'Remove it through the IaC or framework that deployed it, or disable its triggers first',
    targetFlags: ['--function-name'],
    match: ['aws lambda delete-function --function-name billing-prod-webhook', 'aws lambda delete-function --function-name=resize-images --qualifier 3'],
    noMatch: ['aws lambda get-function --function-name billing-prod-webhook', 'aws lambda invoke --function-name resize-images out.json', 'aws lambda update-function-code --function-name x --zip-file fileb://f.zip'],
  }),
  awsRule({
    id: 'aws.logs-delete-log-group',
    services: ['logs'],
    ops: ['delete-log-group', 'delete-log-stream'],
    severity: 'high',
    summary: 'Deletes a CloudWatch log group and every log event in it',
    hint: 'Export the logs to S3 first (`aws logs create-export-task`), or set a retention policy instead',
    targetFlags: ['--log-group-name'],
    match: ['aws logs delete-log-group --log-group-name /aws/lambda/billing-prod', 'aws logs delete-log-group --log-group-name=/ecs/api-staging --region us-east-1'],
    noMatch: ['aws logs tail /aws/lambda/billing-prod --follow', 'aws logs put-retention-policy --log-group-name /ecs/api --retention-in-days 30'],
  }),
  awsRule({
    id: 'aws.kms-schedule-key-deletion',
    services: ['kms'],
    ops: ['schedule-key-deletion'],
    severity: 'critical',
    summary: 'Schedules a KMS key for deletion; everything encrypted with it becomes unreadable for good',
    hint: 'Disable the key instead (`aws kms disable-key`) and watch for failures; deletion can be cancelled with `aws kms cancel-key-deletion`',
    targetFlags: ['--key-id'],
    match: ['aws kms schedule-key-deletion --key-id 1234abcd-12ab-34cd-56ef-1234567890ab --pending-window-in-days 7', 'aws kms schedule-key-deletion --key-id=alias/prod-data'],
    noMatch: ['aws kms disable-key --key-id 1234abcd-12ab-34cd-56ef-1234567890ab', 'aws kms cancel-key-deletion --key-id alias/prod-data', 'aws kms describe-key --key-id alias/prod-data'],
  }),
  awsRule({
    id: 'aws.elasticache-delete',
    services: ['elasticache'],
    ops: ['delete-cache-cluster', 'delete-replication-group', 'delete-serverless-cache', 'delete-global-replication-group'],
    severity: 'critical',
    summary: 'Deletes an ElastiCache cluster and the data in it',
    hint: 'Take a final snapshot (--final-snapshot-identifier) or `aws elasticache create-snapshot` first',
    targetFlags: ['--cache-cluster-id', '--replication-group-id', '--serverless-cache-name', '--global-replication-group-id'],
    match: ['aws elasticache delete-replication-group --replication-group-id sessions-prod', 'aws elasticache delete-cache-cluster --cache-cluster-id=redis-stg'],
    noMatch: ['aws elasticache describe-replication-groups --replication-group-id sessions-prod', 'aws elasticache create-snapshot --replication-group-id sessions-prod --snapshot-name s1'],
  }),
  awsRule({
    id: 'aws.data-store-delete',
    services: ['redshift', 'efs', 'opensearch', 'es', 'memorydb', 'timestream-write', 'kinesis'],
    ops: ['delete-cluster', 'delete-file-system', 'delete-domain', 'delete-elasticsearch-domain', 'delete-database', 'delete-table', 'delete-stream'],
    severity: 'critical',
    summary: 'Deletes a managed data store (Redshift, EFS, OpenSearch, MemoryDB, Timestream or Kinesis) and the data in it',
    hint: 'Take a snapshot or backup first and delete through the IaC that created it',
    targetFlags: ['--cluster-identifier', '--cluster-name', '--file-system-id', '--domain-name', '--database-name', '--table-name', '--stream-name'],
    match: ['aws redshift delete-cluster --cluster-identifier warehouse-prod --skip-final-cluster-snapshot', 'aws efs delete-file-system --file-system-id fs-0123456789abcdef0', 'aws opensearch delete-domain --domain-name=search-prod'],
    noMatch: ['aws redshift describe-clusters --cluster-identifier warehouse-prod', 'aws efs describe-file-systems', 'aws opensearch describe-domain --domain-name search-prod'],
  }),
  awsRule({
    id: 'aws.ecr-delete-repository',
    services: ['ecr', 'ecr-public'],
    ops: ['delete-repository', 'batch-delete-image'],
    severity: 'high',
    summary: 'Deletes container images from ECR (a whole repository with delete-repository --force)',
    hint: 'Use a lifecycle policy to expire old images, and make sure no deployment still pulls these tags',
    targetFlags: ['--repository-name'],
    match: ['aws ecr delete-repository --repository-name api-prod --force', 'aws ecr batch-delete-image --repository-name=api --image-ids imageTag=v1'],
    noMatch: ['aws ecr describe-repositories --repository-names api-prod', 'aws ecr get-login-password --region us-east-1'],
  }),
  awsRule({
    id: 'aws.route53-delete-hosted-zone',
    services: ['route53'],
    ops: ['delete-hosted-zone'],
    severity: 'critical',
    summary: 'Deletes a Route 53 hosted zone; the domain stops resolving',
    hint: 'Export the records first (`aws route53 list-resource-record-sets`) and move the delegation before deleting',
    targetFlags: ['--id'],
    match: ['aws route53 delete-hosted-zone --id Z1D633PJN98FT9', 'aws route53 delete-hosted-zone --id=/hostedzone/Z3M3LMPEXAMPLE'],
    noMatch: ['aws route53 list-hosted-zones', 'aws route53 get-hosted-zone --id Z1D633PJN98FT9'],
  }),
  awsRule({
    id: 'aws.ecs-delete',
    services: ['ecs'],
    ops: ['delete-service', 'delete-cluster'],
    severity: 'high',
    summary: 'Deletes an ECS service (stopping its tasks) or an ECS cluster',
    hint: 'Scale the service down and remove it through the IaC that created it; check --cluster and the profile first',
    targetFlags: ['--cluster', '--service'],
    match: ['aws ecs delete-service --cluster prod --service api --force', 'aws ecs delete-cluster --cluster rentals-staging', 'aws --profile prod ecs delete-service --cluster=main --service=worker'],
    noMatch: ['aws ecs describe-services --cluster prod --services api', 'aws ecs update-service --cluster prod --service api --force-new-deployment', 'aws ecs list-clusters'],
  }),
  awsRule({
    id: 'aws.scale-to-zero',
    services: ['ecs', 'autoscaling'],
    ops: ['update-service', 'update-auto-scaling-group', 'set-desired-capacity'],
    when: (a) => a.values('--desired-count', '--desired-capacity', '--max-size').some((v) => v.trim() !== '' && Number(v) === 0),
    severity: 'high',
    summary: 'Scales an ECS service or an Auto Scaling group to zero, taking it offline',
    hint: 'Note the current count to restore it and route traffic away first; scale down gradually',
    targetFlags: ['--cluster', '--service', '--auto-scaling-group-name'],
    match: ['aws ecs update-service --cluster prod --service api --desired-count 0', 'aws autoscaling update-auto-scaling-group --auto-scaling-group-name web-prod --min-size 0 --max-size 0 --desired-capacity 0'],
    noMatch: ['aws ecs update-service --cluster prod --service api --desired-count 3', 'aws autoscaling update-auto-scaling-group --auto-scaling-group-name web-prod --desired-capacity 4'],
  }),
  awsRule({
    id: 'aws.autoscaling-delete-group',
    services: ['autoscaling'],
    ops: ['delete-auto-scaling-group'],
    severity: 'high',
    summary: 'Deletes an Auto Scaling group (with --force-delete, terminating every instance in it)',
    hint: 'Scale it to zero and detach the instances you need first; delete it through the IaC that created it',
    targetFlags: ['--auto-scaling-group-name'],
    match: ['aws autoscaling delete-auto-scaling-group --auto-scaling-group-name prod-asg --force-delete', 'aws autoscaling delete-auto-scaling-group --auto-scaling-group-name=workers-stg'],
    noMatch: ['aws autoscaling describe-auto-scaling-groups --auto-scaling-group-names prod-asg', 'aws autoscaling set-desired-capacity --auto-scaling-group-name prod-asg --desired-capacity 4'],
  }),
  awsRule({
    id: 'aws.s3-mv-recursive',
    services: ['s3'],
    ops: ['mv'],
    when: (a) => a.has('--recursive') && isBucketUrl(s3Operands(a)[0] ?? ''),
    severity: 'high',
    summary: 'Moves every object under an S3 bucket or prefix elsewhere, deleting each one from the bucket after it is copied',
    hint: 'Copy with `aws s3 cp … --recursive` (or `aws s3 sync`) instead, check the copy, and delete from the bucket only after that; try `--dryrun` first',
    targetFlags: [],
    match: ['aws s3 mv s3://acme-prod-uploads ./archive --recursive', 'aws s3 mv --recursive s3://data-lake/raw/ s3://data-lake-archive/raw/', 'aws --profile prod s3 mv s3://backups/db/ /tmp/db --recursive --exclude "*.tmp"'],
    noMatch: ['aws s3 mv ./local s3://acme-bucket/ --recursive', 'aws s3 mv s3://acme-bucket/old.log ./old.log', 'aws s3 cp s3://acme-prod-uploads ./archive --recursive'],
  }),
  awsRule({
    id: 'aws.s3-lifecycle-expiration',
    services: ['s3api'],
    ops: ['put-bucket-lifecycle-configuration', 'put-bucket-lifecycle'],
    when: lifecycleMayExpire,
    severity: 'high',
    summary: 'Replaces a bucket\'s lifecycle rules with ones that expire (delete) objects or their older versions, or with rules the line does not show',
    hint: 'Read the rules first (`aws s3api get-bucket-lifecycle-configuration`), scope Expiration to a prefix or tag, and test on a non-production bucket; S3 deletes expired objects on its own within a day or two',
    targetFlags: ['--bucket'],
    match: ['aws s3api put-bucket-lifecycle-configuration --bucket acme-prod-uploads --lifecycle-configuration file://lifecycle.json', 'aws s3api put-bucket-lifecycle-configuration --cli-input-json file://input.json', 'aws s3api put-bucket-lifecycle --bucket acme-logs --lifecycle-configuration file://old.json'],
    noMatch: [
      'aws s3api get-bucket-lifecycle-configuration --bucket acme-prod-uploads',
      'aws s3api delete-bucket-lifecycle --bucket acme-prod-uploads',
      'aws s3api put-bucket-lifecycle-configuration --bucket data-lake --lifecycle-configuration \'{"Rules":[{"ID":"archive","Status":"Enabled","Filter":{},"Transitions":[{"Days":30,"StorageClass":"GLACIER"}]}]}\'',
    ],
  }),
  awsRule({
    id: 'aws.s3-versioning-suspend',
    services: ['s3api'],
    ops: ['put-bucket-versioning'],
    // Suspended versioning keeps no older version of what is overwritten or deleted from then on.
    when: (a) => /suspended/i.test(a.value('--versioning-configuration') ?? ''),
    severity: 'high',
    summary: 'Suspends versioning on a bucket: objects overwritten or deleted from now on cannot be recovered',
    hint: 'Keep versioning on and expire old versions with a NoncurrentVersionExpiration lifecycle rule instead',
    targetFlags: ['--bucket'],
    match: ['aws s3api put-bucket-versioning --bucket prod --versioning-configuration Status=Suspended', 'aws s3api put-bucket-versioning --bucket acme-prod-uploads --versioning-configuration \'{"Status":"Suspended"}\''],
    noMatch: ['aws s3api put-bucket-versioning --bucket prod --versioning-configuration Status=Enabled', 'aws s3api get-bucket-versioning --bucket prod'],
  }),
];

/** Flags of the `aws s3` transfer commands that take a separate value. */
const S3_VALUE_FLAGS: ReadonlySet<string> = new Set([
  ...AWS_VALUE_FLAGS, '--exclude', '--include', '--acl', '--storage-class', '--sse', '--sse-kms-key-id', '--sse-c',
  '--sse-c-key', '--sse-c-copy-source', '--sse-c-copy-source-key', '--content-type', '--cache-control', '--metadata',
  '--metadata-directive', '--content-disposition', '--content-encoding', '--content-language', '--expires', '--grants',
  '--website-redirect', '--page-size', '--expected-size', '--request-payer', '--source-region', '--checksum-algorithm',
]);

/** The source and destination of `aws s3 cp|mv|sync SRC DST`. */
function s3Operands(a: Args): string[] {
  return pathOf(a, S3_VALUE_FLAGS).slice(2);
}

/**
 * A lifecycle configuration that expires objects (`Expiration`, `NoncurrentVersionExpiration`), or
 * one the line does not show (`file://`, `--cli-input-json`): only an inline one without expiry passes.
 */
function lifecycleMayExpire(a: Args): boolean {
  const config = a.value('--lifecycle-configuration');
  if (config === undefined || /^(?:file|fileb|https?):\/\//i.test(config.trim())) return true;
  return /expiration/i.test(config);
}

/** An operation that changes a resource's settings (`modify-db-instance`, `update-table`, `update-termination-protection`). */
const isAwsUpdate = (a: Args): boolean => /^(?:modify|update)-/.test(awsPath(a)[1] ?? '');

/** `--no-deletion-protection` and its spellings across the AWS services (RDS, DocumentDB, Neptune, DynamoDB, QLDB, Cognito…). */
function awsDeletionProtectionOff(a: Args): boolean {
  return a.has('--no-deletion-protection', '--no-deletion-protection-enabled', '--no-deletion-protected') ||
    /^(?:inactive|false|disabled?)$/i.test(a.value('--deletion-protection') ?? '');
}

/** EC2 termination and stop protection, CloudFormation stack termination protection, load balancer deletion protection. */
function awsTerminationProtectionOff(a: Args): boolean {
  if (a.has('--no-disable-api-termination', '--no-disable-api-stop', '--no-enable-termination-protection')) return true;
  if (a.values('--disable-api-termination', '--disable-api-stop').some((v) => /value\W{0,5}false/i.test(v))) return true;
  if (/^disableapi(?:termination|stop)$/i.test(a.value('--attribute') ?? '') && /^false$/i.test(a.value('--value') ?? '')) return true;
  return a.values('--attributes').some((v) => /deletion_protection\.enabled\W{0,12}(?:value\W{0,5})?false/i.test(v));
}

const awsProtectionRules: readonly Rule[] = [
  {
    id: 'aws.deletion-protection-off',
    programs: ['aws'],
    category: 'cloud',
    severity: 'critical',
    summary: 'Turns off deletion protection on a managed database or table (RDS, Aurora, DocumentDB, Neptune, DynamoDB…), so the next delete call goes through',
    hint: 'Leave deletion protection on for production data; if the resource really must go, take a snapshot or backup first and delete it through the IaC that created it',
    match: (a) => isAwsUpdate(a) && awsDeletionProtectionOff(a),
    targets: (a) => a.values('--db-instance-identifier', '--db-cluster-identifier', '--global-cluster-identifier', '--table-name', '--name', '--user-pool-id', '--cluster-identifier', '--arn'),
    examples: {
      match: [
        'aws rds modify-db-instance --db-instance-identifier prod-db --no-deletion-protection',
        'aws rds modify-db-cluster --db-cluster-identifier api-aurora --no-deletion-protection --apply-immediately',
        'aws docdb modify-db-cluster --db-cluster-identifier docs-prd --no-deletion-protection',
        'aws dynamodb update-table --table-name orders-prod --no-deletion-protection-enabled',
        'aws cognito-idp update-user-pool --user-pool-id eu-west-1_abc --deletion-protection INACTIVE',
      ],
      noMatch: [
        'aws rds modify-db-instance --db-instance-identifier prod-db --deletion-protection',
        'aws dynamodb update-table --table-name orders-prod --deletion-protection-enabled',
        'aws rds describe-db-instances --db-instance-identifier prod-db',
        'aws cognito-idp update-user-pool --user-pool-id eu-west-1_abc --deletion-protection ACTIVE',
      ],
    },
  },
  {
    id: 'aws.termination-protection-off',
    programs: ['aws'],
    category: 'cloud',
    severity: 'high',
    summary: 'Turns off termination or deletion protection on an EC2 instance, CloudFormation stack or load balancer, so the next terminate or delete goes through',
    hint: 'Leave the protection on for production resources; if the resource really must go, snapshot its volumes first and remove it through the IaC that created it',
    match: (a) => isAwsUpdate(a) && awsTerminationProtectionOff(a),
    targets: (a) => a.values('--instance-id', '--stack-name', '--load-balancer-arn'),
    examples: {
      match: [
        'aws ec2 modify-instance-attribute --instance-id i-0abc123 --no-disable-api-termination',
        'aws ec2 modify-instance-attribute --instance-id i-0abc123 --attribute disableApiTermination --value false',
        'aws cloudformation update-termination-protection --no-enable-termination-protection --stack-name api-production',
        'aws elbv2 modify-load-balancer-attributes --load-balancer-arn arn:aws:elasticloadbalancing:x --attributes Key=deletion_protection.enabled,Value=false',
      ],
      noMatch: [
        'aws ec2 modify-instance-attribute --instance-id i-0abc123 --disable-api-termination',
        'aws cloudformation update-termination-protection --enable-termination-protection --stack-name api-production',
        'aws elbv2 modify-load-balancer-attributes --load-balancer-arn arn:x --attributes Key=deletion_protection.enabled,Value=true',
        'aws ec2 describe-instance-attribute --instance-id i-0abc123 --attribute disableApiTermination',
      ],
    },
  },
];

const eksctlRules: readonly Rule[] = [
  {
    id: 'eksctl.delete-cluster',
    programs: ['eksctl'],
    category: 'cloud',
    severity: 'critical',
    summary: 'Deletes an EKS cluster, its node groups and everything running on it',
    hint: 'Back up the workloads (Velero or manifests) first and confirm the cluster name and region',
    match: (a) => a.sub('delete', 'cluster'),
    targets: (a) => {
      const named = a.values('--name', '-n', '--config-file', '-f');
      return named.length > 0 ? named : a.after('delete', 'cluster');
    },
    examples: {
      match: ['eksctl delete cluster --name prod-cluster --region eu-west-1', 'eksctl delete cluster -f clusters/staging.yaml --wait', 'eksctl delete cluster rentals-prd'],
      noMatch: ['eksctl get cluster --name prod-cluster', 'eksctl create cluster -f clusters/staging.yaml', 'eksctl delete nodegroup --cluster prod --name ng-1'],
    },
  },
];

/* ---------------------------------------------------------------- gcloud */

const GCLOUD_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '--project', '--account', '--configuration', '--format', '--verbosity', '--impersonate-service-account',
  '--billing-project', '--flags-file', '--trace-token', '--region', '--zone',
]);

/** The gcloud command path, release track (`alpha`, `beta`) dropped. */
function gcloudPath(a: Args): string[] {
  const p = pathOf(a, GCLOUD_VALUE_FLAGS);
  const first = (p[0] ?? '').toLowerCase();
  return first === 'alpha' || first === 'beta' || first === 'preview' ? p.slice(1) : p;
}

interface GcloudSpec {
  readonly id: string;
  /** Command paths (lower-case) that this rule covers, e.g. `['sql', 'instances', 'delete']`. */
  readonly paths: readonly (readonly string[])[];
  readonly severity: Severity;
  readonly summary: string;
  readonly hint: string;
  readonly targetFlags?: readonly string[];
  readonly when?: (a: Args) => boolean;
  readonly match: readonly string[];
  readonly noMatch: readonly string[];
}

function matchedPath(p: readonly string[], paths: readonly (readonly string[])[]): readonly string[] | undefined {
  return paths.find((path) => path.every((step, i) => (p[i] ?? '').toLowerCase() === step));
}

function gcloudRule(s: GcloudSpec): Rule {
  return {
    id: s.id,
    programs: ['gcloud'],
    category: 'cloud',
    severity: s.severity,
    summary: s.summary,
    hint: s.hint,
    match: (a) => matchedPath(gcloudPath(a), s.paths) !== undefined && (s.when?.(a) ?? true),
    targets: (a) => {
      const p = gcloudPath(a);
      const path = matchedPath(p, s.paths);
      return [...(path ? p.slice(path.length) : []), ...a.values(...(s.targetFlags ?? []))];
    },
    examples: { match: s.match, noMatch: s.noMatch },
  };
}

const gcloudRules: readonly Rule[] = [
  gcloudRule({
    id: 'gcloud.projects-delete',
    paths: [['projects', 'delete']],
    severity: 'critical',
    summary: 'Shuts down a whole Google Cloud project and schedules every resource in it for deletion',
    hint: 'Check the project id with `gcloud projects describe` first; a project can be restored with `gcloud projects undelete` for 30 days',
    match: ['gcloud projects delete acme-prod-123456', 'gcloud projects delete rentals-staging --quiet', 'gcloud -q projects delete my-sandbox-42'],
    noMatch: ['gcloud projects describe acme-prod-123456', 'gcloud projects list', 'gcloud projects undelete acme-prod-123456'],
  }),
  gcloudRule({
    id: 'gcloud.sql-instances-delete',
    paths: [['sql', 'instances', 'delete']],
    severity: 'critical',
    summary: 'Deletes a Cloud SQL instance with all its databases and automated backups',
    hint: 'Export or back up the instance first (`gcloud sql backups create`, `gcloud sql export`) and enable deletion protection',
    match: ['gcloud sql instances delete rentals-prod', 'gcloud sql instances delete api-db --project acme-staging --quiet', 'gcloud beta sql instances delete pg-main -q'],
    noMatch: ['gcloud sql instances describe rentals-prod', 'gcloud sql instances restart rentals-prod', 'gcloud sql backups create --instance rentals-prod'],
  }),
  gcloudRule({
    id: 'gcloud.sql-databases-delete',
    paths: [['sql', 'databases', 'delete']],
    severity: 'critical',
    summary: 'Deletes a database from a Cloud SQL instance',
    hint: 'Export it first (`gcloud sql export sql …`) or take an instance backup',
    targetFlags: ['--instance', '-i'],
    match: ['gcloud sql databases delete rentals --instance=pg-prod', 'gcloud sql databases delete app_db -i staging-db --quiet'],
    noMatch: ['gcloud sql databases list --instance=pg-prod', 'gcloud sql databases create rentals --instance=pg-prod'],
  }),
  gcloudRule({
    id: 'gcloud.storage-rm-recursive',
    paths: [['storage', 'rm']],
    when: (a) => a.has('-r', '-R', '--recursive') || a.positionals.some((w) => w.includes('**')),
    severity: 'critical',
    summary: 'Deletes every object under a Cloud Storage bucket or prefix (with -r, the bucket too)',
    hint: 'List what would go with `gcloud storage ls -r` first and make sure the bucket has object versioning or a backup',
    match: ['gcloud storage rm -r gs://acme-prod-uploads', 'gcloud storage rm --recursive gs://data-lake/raw/', 'gcloud storage rm "gs://acme-backups/db/**"'],
    noMatch: ['gcloud storage rm gs://acme-uploads/tmp/old.log', 'gcloud storage ls -r gs://acme-prod-uploads', 'gcloud storage cp -r ./dist gs://acme-site'],
  }),
  gcloudRule({
    id: 'gcloud.storage-buckets-delete',
    paths: [['storage', 'buckets', 'delete']],
    severity: 'critical',
    summary: 'Deletes a Cloud Storage bucket',
    hint: 'Check versioning and backups first, and delete the bucket from the console where the project is shown',
    match: ['gcloud storage buckets delete gs://acme-prod-uploads', 'gcloud storage buckets delete gs://rentals-logs --project rentals-stg'],
    noMatch: ['gcloud storage buckets describe gs://acme-prod-uploads', 'gcloud storage buckets create gs://acme-new'],
  }),
  gcloudRule({
    id: 'gcloud.container-clusters-delete',
    paths: [['container', 'clusters', 'delete']],
    severity: 'critical',
    summary: 'Deletes a GKE cluster and everything running on it',
    hint: 'Back up the workloads (Backup for GKE or manifests) first and delete through the IaC that created it',
    match: ['gcloud container clusters delete prod-cluster --region europe-west1', 'gcloud container clusters delete gke-stg --zone us-central1-a --quiet'],
    noMatch: ['gcloud container clusters get-credentials prod-cluster --region europe-west1', 'gcloud container clusters list', 'gcloud container clusters resize prod-cluster --num-nodes 3'],
  }),
  gcloudRule({
    id: 'gcloud.compute-instances-delete',
    paths: [['compute', 'instances', 'delete']],
    severity: 'critical',
    summary: 'Deletes Compute Engine VMs, and by default their boot disks',
    hint: 'Stop the VM instead (`gcloud compute instances stop`), or snapshot its disks and pass --keep-disks=all',
    match: ['gcloud compute instances delete web-prod-1 --zone us-central1-a', 'gcloud compute instances delete vm-a vm-b --quiet --delete-disks=all'],
    noMatch: ['gcloud compute instances stop web-prod-1 --zone us-central1-a', 'gcloud compute instances list', 'gcloud compute ssh web-prod-1'],
  }),
  gcloudRule({
    id: 'gcloud.compute-disks-delete',
    paths: [['compute', 'disks', 'delete'], ['compute', 'snapshots', 'delete'], ['compute', 'images', 'delete']],
    severity: 'critical',
    summary: 'Deletes Compute Engine disks, snapshots or images and the data on them',
    hint: 'Snapshot the disk first (`gcloud compute disks snapshot`) or keep the snapshot until its copy is verified',
    match: ['gcloud compute disks delete pg-data-prod --zone europe-west1-b', 'gcloud compute snapshots delete nightly-2024-05-01 --quiet'],
    noMatch: ['gcloud compute disks snapshot pg-data-prod --zone europe-west1-b', 'gcloud compute disks list'],
  }),
  gcloudRule({
    id: 'gcloud.run-services-delete',
    paths: [['run', 'services', 'delete'], ['run', 'jobs', 'delete'], ['functions', 'delete'], ['app', 'services', 'delete']],
    severity: 'high',
    summary: 'Deletes a Cloud Run service, job, Cloud Function or App Engine service; it stops serving',
    hint: 'Route traffic away first or delete through the pipeline that deploys it',
    match: ['gcloud run services delete api-prod --region europe-west1', 'gcloud functions delete resize-images --region us-central1 --quiet', 'gcloud run jobs delete nightly-etl'],
    noMatch: ['gcloud run services describe api-prod --region europe-west1', 'gcloud run deploy api-prod --image gcr.io/acme/api', 'gcloud functions logs read resize-images'],
  }),
  gcloudRule({
    id: 'gcloud.secrets-delete',
    paths: [['secrets', 'delete'], ['secrets', 'versions', 'destroy']],
    targetFlags: ['--secret'],
    severity: 'critical',
    summary: 'Deletes a Secret Manager secret (or destroys a version) for good',
    hint: 'Disable the secret version first (`gcloud secrets versions disable`) and delete once nothing breaks',
    match: ['gcloud secrets delete prod-db-password', 'gcloud secrets delete stripe-key --project acme-prod --quiet', 'gcloud secrets versions destroy 3 --secret=api-key'],
    noMatch: ['gcloud secrets describe prod-db-password', 'gcloud secrets versions disable 3 --secret=api-key', 'gcloud secrets list'],
  }),
  gcloudRule({
    id: 'gcloud.database-delete',
    paths: [
      ['spanner', 'instances', 'delete'], ['spanner', 'databases', 'delete'], ['redis', 'instances', 'delete'],
      ['firestore', 'databases', 'delete'], ['bigtable', 'instances', 'delete'], ['alloydb', 'clusters', 'delete'],
      ['memcache', 'instances', 'delete'], ['filestore', 'instances', 'delete'],
    ],
    severity: 'critical',
    summary: 'Deletes a managed database or file store (Spanner, Memorystore, Firestore, Bigtable, AlloyDB, Filestore) and its data',
    hint: 'Export or back up the data first and delete through the IaC that created it',
    targetFlags: ['--instance', '--database', '--cluster'],
    match: ['gcloud spanner instances delete orders-prod', 'gcloud redis instances delete sessions --region us-central1', 'gcloud firestore databases delete --database=prod-db'],
    noMatch: ['gcloud spanner instances describe orders-prod', 'gcloud redis instances list --region us-central1', 'gcloud firestore export gs://backups/fs'],
  }),
  gcloudRule({
    id: 'gcloud.node-pools-delete',
    paths: [['container', 'node-pools', 'delete']],
    severity: 'high',
    summary: 'Deletes a GKE node pool, evicting every pod scheduled on its nodes',
    hint: 'Create the replacement pool and drain the old nodes before deleting it',
    targetFlags: ['--cluster'],
    match: ['gcloud container node-pools delete default-pool --cluster=acme-staging --region=us-east1', 'gcloud container node-pools delete spot --cluster prod-cluster --quiet'],
    noMatch: ['gcloud container node-pools list --cluster=acme-staging', 'gcloud container node-pools create spot --cluster prod-cluster'],
  }),
  gcloudRule({
    id: 'gcloud.service-stop',
    paths: [['compute', 'instances', 'stop'], ['compute', 'instances', 'suspend'], ['compute', 'instance-groups', 'managed', 'resize'], ['sql', 'instances', 'patch']],
    when: (a) => {
      const p = gcloudPath(a).map((w) => w.toLowerCase());
      if (p[1] === 'instance-groups') return a.values('--size').some((v) => v.trim() !== '' && Number(v) === 0);
      if (p[0] === 'sql') return a.values('--activation-policy').some((v) => v.toUpperCase() === 'NEVER');
      return true;
    },
    severity: 'high',
    summary: 'Stops Compute Engine VMs, resizes a managed instance group to zero, or stops a Cloud SQL instance',
    hint: 'Route traffic away first and note the current size to restore it',
    targetFlags: ['--zone', '--region'],
    match: ['gcloud compute instances stop api-prod-1 --zone=us-central1-a', 'gcloud compute instance-groups managed resize web-mig-prod --size=0 --zone=us-central1-f', 'gcloud sql instances patch acme-prod-pg --activation-policy=NEVER'],
    noMatch: ['gcloud compute instances start api-prod-1 --zone=us-central1-a', 'gcloud compute instance-groups managed resize web-mig-prod --size=4', 'gcloud sql instances patch acme-prod-pg --tier=db-custom-2-7680'],
  }),
  gcloudRule({
    id: 'gcloud.access-delete',
    paths: [['iam', 'service-accounts', 'delete'], ['iam', 'service-accounts', 'keys', 'delete'], ['iam', 'roles', 'delete'], ['sql', 'users', 'delete']],
    severity: 'high',
    summary: 'Deletes a service account, its key, a custom role or a Cloud SQL user; whatever authenticates with it stops working',
    hint: 'Disable the service account first (`gcloud iam service-accounts disable`) and watch for failures',
    targetFlags: ['--instance', '--iam-account'],
    match: ['gcloud iam service-accounts delete deployer@acme-prod-42.iam.gserviceaccount.com', 'gcloud sql users delete app_user --instance=acme-prod-pg', 'gcloud iam service-accounts keys delete 1234abcd --iam-account=ci@acme.iam.gserviceaccount.com'],
    noMatch: ['gcloud iam service-accounts list', 'gcloud sql users list --instance=acme-prod-pg', 'gcloud iam service-accounts disable deployer@acme.iam.gserviceaccount.com'],
  }),
  gcloudRule({
    id: 'gcloud.artifacts-delete',
    paths: [['artifacts', 'repositories', 'delete'], ['artifacts', 'docker', 'images', 'delete'], ['artifacts', 'packages', 'delete'], ['container', 'images', 'delete']],
    severity: 'high',
    summary: 'Deletes an Artifact Registry repository or images; deployments that pull them fail',
    hint: 'Use cleanup policies to expire old images, and make sure nothing still deploys these tags',
    targetFlags: ['--location', '--repository'],
    match: ['gcloud artifacts repositories delete docker-images --location=us', 'gcloud artifacts docker images delete us-docker.pkg.dev/acme/app/api:v1 --delete-tags'],
    noMatch: ['gcloud artifacts repositories list', 'gcloud artifacts docker images list us-docker.pkg.dev/acme/app'],
  }),
];

/** gcloud's spellings of turning deletion protection off (Cloud SQL, Bigtable, Compute; Firestore; Spanner). */
const GCLOUD_PROTECTION_OFF = ['--no-deletion-protection', '--no-delete-protection', '--no-enable-drop-protection'];

/** The resource names after the update verb: `sql instances patch prod-db` → `prod-db`. */
function gcloudUpdated(a: Args): string[] {
  const p = gcloudPath(a);
  const at = p.findIndex((w) => ['patch', 'update'].includes(w.toLowerCase()));
  return [...(at < 0 ? [] : p.slice(at + 1)), ...a.values('--instance', '--database')];
}

/** A command that changes a resource's settings: `sql instances patch`, `spanner databases update`. */
const isGcloudUpdate = (a: Args): boolean => gcloudPath(a).slice(1, 5).some((w) => ['patch', 'update'].includes(w.toLowerCase()));

const isGcloudCompute = (a: Args): boolean => (gcloudPath(a)[0] ?? '').toLowerCase() === 'compute';

const gcloudProtectionRules: readonly Rule[] = [
  {
    id: 'gcloud.deletion-protection-off',
    programs: ['gcloud'],
    category: 'cloud',
    severity: 'critical',
    summary: 'Turns off deletion protection on a Cloud SQL instance, Spanner database, Bigtable table or Firestore database, so the next delete goes through',
    hint: 'Leave deletion protection on for production data; if it really must go, export or back it up first and delete it through the IaC that created it',
    match: (a) => isGcloudUpdate(a) && !isGcloudCompute(a) && a.has(...GCLOUD_PROTECTION_OFF),
    targets: gcloudUpdated,
    examples: {
      match: [
        'gcloud sql instances patch prod-db --no-deletion-protection',
        'gcloud spanner databases update orders --instance=orders-prod --no-enable-drop-protection',
        'gcloud bigtable instances tables update events --instance=bt-prod --no-deletion-protection',
        'gcloud firestore databases update --database=prod-db --no-delete-protection',
      ],
      noMatch: [
        'gcloud sql instances patch prod-db --deletion-protection',
        'gcloud spanner databases update orders --instance=orders-prod --enable-drop-protection',
        'gcloud firestore databases update --database=prod-db --delete-protection',
        'gcloud compute instances update web-prod-1 --no-deletion-protection',
      ],
    },
  },
  {
    id: 'gcloud.compute-deletion-protection-off',
    programs: ['gcloud'],
    category: 'cloud',
    severity: 'high',
    summary: 'Turns off deletion protection on a Compute Engine VM, so the next delete (boot disk included) goes through',
    hint: 'Leave deletion protection on for production VMs; snapshot the disks first if the VM really must go',
    match: (a) => isGcloudUpdate(a) && isGcloudCompute(a) && a.has(...GCLOUD_PROTECTION_OFF),
    targets: gcloudUpdated,
    examples: {
      match: ['gcloud compute instances update web-prod-1 --zone us-central1-a --no-deletion-protection'],
      noMatch: ['gcloud compute instances update web-prod-1 --deletion-protection', 'gcloud sql instances patch prod-db --no-deletion-protection'],
    },
  },
];

/* ---------------------------------------------------------------- gsutil */

const GSUTIL_VALUE_FLAGS: ReadonlySet<string> = new Set(['-o', '-h', '-u']);
const gsutilPath = (a: Args): string[] => pathOf(a, GSUTIL_VALUE_FLAGS);

const gsutilRules: readonly Rule[] = [
  {
    id: 'gsutil.rm-recursive',
    programs: ['gsutil'],
    category: 'cloud',
    severity: 'critical',
    summary: 'Deletes every object under a Cloud Storage bucket or prefix (with -r on a bucket, the bucket too)',
    hint: 'List what would go with `gsutil ls -r` first and make sure the bucket has object versioning or a backup',
    match: (a) => {
      const p = gsutilPath(a);
      return (p[0] ?? '').toLowerCase() === 'rm' &&
        (hasAfter(a, 'rm', '-r', '-R', '-a') || p.slice(1).some((w) => w.includes('**')));
    },
    targets: (a) => gsutilPath(a).slice(1),
    examples: {
      match: ['gsutil rm -r gs://acme-prod-uploads', 'gsutil -m rm -r gs://data-lake/raw', 'gsutil rm -a "gs://acme-backups/**"'],
      noMatch: ['gsutil rm gs://acme-uploads/tmp/old.log', 'gsutil ls -r gs://acme-prod-uploads', 'gsutil -m cp -r ./dist gs://acme-site'],
    },
  },
  {
    id: 'gsutil.rb',
    programs: ['gsutil'],
    category: 'cloud',
    severity: 'critical',
    summary: 'Deletes a Cloud Storage bucket',
    hint: 'Check versioning and backups first, and delete the bucket from the console where the project is shown',
    match: (a) => ['rb', 'removebucket', 'deletebucket'].includes((gsutilPath(a)[0] ?? '').toLowerCase()),
    targets: (a) => gsutilPath(a).slice(1),
    examples: {
      match: ['gsutil rb gs://acme-prod-uploads', 'gsutil rb -f gs://rentals-logs'],
      noMatch: ['gsutil mb gs://acme-new', 'gsutil ls gs://acme-prod-uploads'],
    },
  },
  {
    id: 'gsutil.rsync-delete',
    programs: ['gsutil'],
    category: 'cloud',
    severity: 'high',
    summary: 'Syncs to a destination and deletes every object there that is missing from the source',
    hint: 'Run the same rsync with -n (dry run) first and read what it would delete, or sync without -d',
    // `-n` is gsutil rsync's dry run.
    match: (a) => (gsutilPath(a)[0] ?? '').toLowerCase() === 'rsync' && hasAfter(a, 'rsync', '-d') && !hasAfter(a, 'rsync', '-n'),
    targets: (a) => gsutilPath(a).slice(1),
    examples: {
      match: ['gsutil rsync -d -r ./dist gs://www-prod-site', 'gsutil -m rsync -rd gs://acme-data gs://acme-data-copy'],
      noMatch: ['gsutil rsync -r ./dist gs://www-prod-site', 'gsutil -d rsync -r ./dist gs://www-site'],
    },
  },
];

/* ---------------------------------------------------------------- az */

const AZ_VALUE_FLAGS: ReadonlySet<string> = new Set(['--subscription', '--output', '-o', '--query']);
const azPath = (a: Args): string[] => pathOf(a, AZ_VALUE_FLAGS);

interface AzSpec extends Omit<GcloudSpec, 'targetFlags'> {
  readonly targetFlags: readonly string[];
}

function azRule(s: AzSpec): Rule {
  return {
    id: s.id,
    programs: ['az'],
    category: 'cloud',
    severity: s.severity,
    summary: s.summary,
    hint: s.hint,
    match: (a) => matchedPath(azPath(a), s.paths) !== undefined && (s.when?.(a) ?? true),
    targets: (a) => a.values(...s.targetFlags),
    examples: { match: s.match, noMatch: s.noMatch },
  };
}

const azRules: readonly Rule[] = [
  azRule({
    id: 'az.group-delete',
    paths: [['group', 'delete']],
    severity: 'critical',
    summary: 'Deletes an Azure resource group and every resource in it',
    hint: 'List its resources first (`az resource list -g …`) and put a delete lock on production groups',
    targetFlags: ['--name', '-n', '--resource-group', '-g'],
    match: ['az group delete --name rg-acme-prod --yes', 'az group delete -n rentals-staging-rg --no-wait -y', 'az group delete -g rg-sandbox'],
    noMatch: ['az group show --name rg-acme-prod', 'az group create -n rg-new -l westeurope', 'az group list'],
  }),
  azRule({
    id: 'az.sql-delete',
    paths: [['sql', 'db', 'delete'], ['sql', 'server', 'delete'], ['sql', 'mi', 'delete'], ['sql', 'midb', 'delete']],
    severity: 'critical',
    summary: 'Deletes an Azure SQL database or server (a server takes all its databases with it)',
    hint: 'Export a BACPAC or check the point-in-time restore window first, and lock production servers',
    targetFlags: ['--name', '-n', '--server', '-s'],
    match: ['az sql db delete --name rentals --server sql-prod -g rg-prod --yes', 'az sql server delete -n acme-sql-stg -g rg-stg -y'],
    noMatch: ['az sql db show --name rentals --server sql-prod -g rg-prod', 'az sql db export -n rentals -s sql-prod -g rg --storage-uri x', 'az sql server list'],
  }),
  azRule({
    id: 'az.database-server-delete',
    paths: [
      ['postgres', 'flexible-server', 'delete'], ['postgres', 'server', 'delete'], ['postgres', 'flexible-server', 'db', 'delete'],
      ['mysql', 'flexible-server', 'delete'], ['mysql', 'server', 'delete'], ['mysql', 'flexible-server', 'db', 'delete'],
      ['redis', 'delete'],
    ],
    severity: 'critical',
    summary: 'Deletes an Azure Database for PostgreSQL/MySQL server or database, or an Azure Cache for Redis, with its data',
    hint: 'Take a dump or check the backup retention first, and lock production servers',
    targetFlags: ['--name', '-n', '--server-name', '-s', '--database-name', '-d'],
    match: ['az postgres flexible-server delete --name pg-prod -g rg-prod --yes', 'az redis delete -n sessions-stg -g rg-stg -y'],
    noMatch: ['az postgres flexible-server show --name pg-prod -g rg-prod', 'az redis list-keys -n sessions -g rg'],
  }),
  azRule({
    id: 'az.storage-account-delete',
    paths: [['storage', 'account', 'delete']],
    severity: 'critical',
    summary: 'Deletes an Azure storage account with every blob, file share, queue and table in it',
    hint: 'Copy the data out with azcopy first and put a delete lock on production accounts',
    targetFlags: ['--name', '-n'],
    match: ['az storage account delete --name acmeprodstore --yes', 'az storage account delete -n rentalsstg -g rg-stg -y'],
    noMatch: ['az storage account show --name acmeprodstore', 'az storage account keys list -n acmeprodstore'],
  }),
  azRule({
    id: 'az.storage-data-delete',
    paths: [['storage', 'container', 'delete'], ['storage', 'blob', 'delete-batch'], ['storage', 'share', 'delete'], ['storage', 'fs', 'delete']],
    severity: 'high',
    summary: 'Deletes an Azure storage container, file share or a batch of blobs',
    hint: 'Enable soft delete on the account first, or copy the data out with azcopy',
    targetFlags: ['--name', '-n', '--account-name', '--source', '-s'],
    match: ['az storage container delete --name uploads --account-name acmeprodstore', 'az storage blob delete-batch --source backups --account-name rentalsstg --pattern "*.bak"'],
    noMatch: ['az storage container list --account-name acmeprodstore', 'az storage blob upload-batch -d uploads -s ./dist --account-name acme'],
  }),
  azRule({
    id: 'az.aks-delete',
    paths: [['aks', 'delete']],
    severity: 'critical',
    summary: 'Deletes an AKS cluster and everything running on it',
    hint: 'Back up the workloads first and delete through the IaC that created it',
    targetFlags: ['--name', '-n'],
    match: ['az aks delete --name aks-prod --resource-group rg-prod --yes', 'az aks delete -n aks-stg -g rg-stg --no-wait'],
    noMatch: ['az aks get-credentials --name aks-prod --resource-group rg-prod', 'az aks scale -n aks-stg -g rg-stg --node-count 3', 'az aks nodepool delete -n np1 --cluster-name aks -g rg'],
  }),
  azRule({
    id: 'az.service-stop',
    paths: [['vm', 'deallocate'], ['vm', 'stop'], ['vmss', 'deallocate'], ['vmss', 'stop'], ['webapp', 'stop'], ['functionapp', 'stop'],
      ['aks', 'stop'], ['aks', 'scale'], ['aks', 'nodepool', 'scale'], ['postgres', 'flexible-server', 'stop'], ['mysql', 'flexible-server', 'stop']],
    when: (a) => {
      const p = azPath(a).map((w) => w.toLowerCase());
      return !p.includes('scale') || a.values('--node-count', '-c').some((v) => v.trim() !== '' && Number(v) === 0);
    },
    severity: 'high',
    summary: 'Stops or deallocates Azure VMs, apps, AKS clusters or database servers, or scales AKS to zero nodes',
    hint: 'Route traffic away first and note what to start again; stop production services from the portal where they are shown',
    targetFlags: ['--name', '-n', '--resource-group', '-g', '--cluster-name'],
    match: ['az vm deallocate --resource-group rg-web --name web-vm-prod-02', 'az webapp stop --name checkout-prod --resource-group rg-shop', 'az aks scale --name aks-prod --resource-group rg-k8s --node-count 0 --nodepool-name userpool'],
    noMatch: ['az vm start --resource-group rg-web --name web-vm-prod-02', 'az aks scale --name aks-prod -g rg-k8s --node-count 3', 'az webapp restart --name checkout-prod -g rg-shop'],
  }),
  azRule({
    id: 'az.aks-nodepool-delete',
    paths: [['aks', 'nodepool', 'delete']],
    severity: 'high',
    summary: 'Deletes an AKS node pool, evicting every pod scheduled on its nodes',
    hint: 'Add the replacement pool and drain the old nodes before deleting it',
    targetFlags: ['--cluster-name', '--name', '-n', '--resource-group', '-g'],
    match: ['az aks nodepool delete --cluster-name aks-prod --name userpool --resource-group rg-k8s'],
    noMatch: ['az aks nodepool list --cluster-name aks-prod -g rg-k8s', 'az aks nodepool add --cluster-name aks-prod -n spot -g rg-k8s'],
  }),
  azRule({
    id: 'az.identity-delete',
    paths: [['ad', 'sp', 'delete'], ['ad', 'app', 'delete'], ['ad', 'user', 'delete'], ['ad', 'group', 'delete'], ['identity', 'delete']],
    severity: 'high',
    summary: 'Deletes an Entra ID service principal, app registration, user, group or managed identity; whatever signs in with it stops working',
    hint: 'Disable sign-in first and watch for failures; deleted directory objects can be restored for 30 days',
    targetFlags: ['--id', '--name', '-n'],
    match: ['az ad sp delete --id 00000000-1111-2222-3333-444444444444', 'az ad user delete --id jdoe@acme.onmicrosoft.com', 'az identity delete -n api-prod-identity -g rg-prod'],
    noMatch: ['az ad sp list --display-name api', 'az ad user show --id jdoe@acme.onmicrosoft.com', 'az identity show -n api-prod-identity -g rg-prod'],
  }),
  azRule({
    id: 'az.acr-delete',
    paths: [['acr', 'delete'], ['acr', 'repository', 'delete'], ['acr', 'repository', 'untag']],
    severity: 'high',
    summary: 'Deletes an Azure Container Registry or images in it; deployments that pull them fail',
    hint: 'Use retention policies or acr purge with a dry run first, and check nothing deploys these tags',
    targetFlags: ['--name', '-n', '--repository', '--image'],
    match: ['az acr repository delete --name acmeregistry --repository api --yes', 'az acr delete -n acmeregistry -g rg-shared'],
    noMatch: ['az acr repository list --name acmeregistry', 'az acr login --name acmeregistry'],
  }),
  azRule({
    id: 'az.vm-delete',
    paths: [['vm', 'delete'], ['vmss', 'delete'], ['disk', 'delete'], ['snapshot', 'delete']],
    severity: 'critical',
    summary: 'Deletes Azure VMs, scale sets, managed disks or snapshots',
    hint: 'Deallocate the VM instead (`az vm deallocate`) or snapshot its disks first',
    targetFlags: ['--name', '-n', '--ids'],
    match: ['az vm delete --name web-prod-01 -g rg-prod --yes', 'az disk delete -n pgdata-prod -g rg-prod -y'],
    noMatch: ['az vm deallocate --name web-prod-01 -g rg-prod', 'az vm show -n web-prod-01 -g rg-prod', 'az snapshot create -n snap1 -g rg --source disk1'],
  }),
  azRule({
    id: 'az.cosmosdb-delete',
    paths: [
      ['cosmosdb', 'delete'],
      ...['sql', 'mongodb', 'cassandra', 'gremlin', 'table'].flatMap((api) => [
        ['cosmosdb', api, 'database', 'delete'], ['cosmosdb', api, 'container', 'delete'],
        ['cosmosdb', api, 'collection', 'delete'], ['cosmosdb', api, 'keyspace', 'delete'],
        ['cosmosdb', api, 'graph', 'delete'], ['cosmosdb', api, 'delete'],
      ]),
    ],
    severity: 'critical',
    summary: 'Deletes a Cosmos DB account, database or container and its data',
    hint: 'Check the continuous-backup restore window first and lock production accounts',
    targetFlags: ['--name', '-n', '--account-name', '-a', '--database-name', '-d'],
    match: ['az cosmosdb delete --name acme-prod-cosmos -g rg-prod --yes', 'az cosmosdb sql database delete --account-name acme-cosmos --name orders -g rg -y'],
    noMatch: ['az cosmosdb show --name acme-prod-cosmos -g rg-prod', 'az cosmosdb keys list -n acme-cosmos -g rg', 'az cosmosdb sql role assignment delete --account-name a -g rg --role-assignment-id x'],
  }),
  azRule({
    id: 'az.keyvault-delete',
    paths: [['keyvault', 'delete'], ['keyvault', 'secret', 'delete'], ['keyvault', 'key', 'delete'], ['keyvault', 'certificate', 'delete']],
    severity: 'high',
    summary: 'Deletes a Key Vault or a secret, key or certificate in it; everything reading it fails until it is recovered',
    hint: 'Disable the secret first; a soft-deleted item can be restored with `az keyvault recover` until it is purged',
    targetFlags: ['--name', '-n', '--vault-name'],
    match: ['az keyvault delete --name kv-acme-prod', 'az keyvault secret delete --vault-name kv-prod --name db-password'],
    noMatch: ['az keyvault secret show --vault-name kv-prod --name db-password', 'az keyvault recover --name kv-acme-prod', 'az keyvault purge --name kv-acme-prod'],
  }),
  azRule({
    id: 'az.keyvault-purge',
    paths: [['keyvault', 'purge'], ['keyvault', 'secret', 'purge'], ['keyvault', 'key', 'purge'], ['keyvault', 'certificate', 'purge']],
    severity: 'critical',
    summary: 'Permanently purges a deleted Key Vault or secret, key or certificate; it can never be recovered',
    hint: 'Leave soft-deleted items to expire with the retention period, or recover them with `az keyvault recover`',
    targetFlags: ['--name', '-n', '--vault-name'],
    match: ['az keyvault purge --name kv-acme-prod', 'az keyvault secret purge --vault-name kv-prod --name db-password'],
    noMatch: ['az keyvault recover --name kv-acme-prod', 'az keyvault list-deleted'],
  }),
  azRule({
    id: 'az.webapp-delete',
    paths: [['webapp', 'delete'], ['functionapp', 'delete'], ['containerapp', 'delete']],
    severity: 'high',
    summary: 'Deletes an Azure web app, function app or container app; it stops serving',
    hint: 'Stop the app instead (`az webapp stop`) or delete through the pipeline that deploys it',
    targetFlags: ['--name', '-n'],
    match: ['az webapp delete --name acme-api-prod -g rg-prod', 'az containerapp delete -n worker-stg -g rg-stg --yes'],
    noMatch: ['az webapp stop --name acme-api-prod -g rg-prod', 'az webapp log tail -n acme-api-prod -g rg-prod'],
  }),
  azRule({
    id: 'az.lock-delete',
    paths: [['lock', 'delete'], ['resource', 'lock', 'delete'], ['group', 'lock', 'delete'], ['account', 'lock', 'delete']],
    severity: 'critical',
    summary: 'Deletes an Azure resource lock, the deletion protection on a resource, resource group or subscription; its resources can then be deleted',
    hint: 'Leave the lock on production resources; if something really must go, back it up first and put the lock back afterwards (`az lock create --lock-type CanNotDelete`)',
    targetFlags: ['--name', '-n', '--resource-group', '-g', '--resource', '--ids'],
    match: ['az lock delete -n prod-lock -g prod', 'az lock delete --name do-not-delete --resource-group rg-acme-prod', 'az resource lock delete -n db-lock -g rg-prod --resource pg-prod --resource-type Microsoft.DBforPostgreSQL/flexibleServers', 'az group lock delete --name keep -g rg-prod'],
    noMatch: ['az lock list -g prod', 'az lock create -n prod-lock -g prod --lock-type CanNotDelete', 'az lock show -n prod-lock -g prod'],
  }),
];

/* ---------------------------------------------------------------- doctl */

const DOCTL_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '--access-token', '-t', '--output', '-o', '--config', '-c', '--context', '--api-url', '-u', '--format',
]);
const doctlPath = (a: Args): string[] => pathOf(a, DOCTL_VALUE_FLAGS);
const DOCTL_DELETE = ['delete', 'd', 'del', 'rm'];

interface DoctlSpec {
  readonly id: string;
  /** Alternatives per path step. */
  readonly path: readonly (readonly string[])[];
  readonly severity: Severity;
  readonly summary: string;
  readonly hint: string;
  readonly match: readonly string[];
  readonly noMatch: readonly string[];
}

function doctlRule(s: DoctlSpec): Rule {
  const matches = (p: readonly string[]): boolean => s.path.every((step, i) => step.includes((p[i] ?? '').toLowerCase()));
  return {
    id: s.id,
    programs: ['doctl'],
    category: 'cloud',
    severity: s.severity,
    summary: s.summary,
    hint: s.hint,
    match: (a) => matches(doctlPath(a)),
    targets: (a) => doctlPath(a).slice(s.path.length),
    examples: { match: s.match, noMatch: s.noMatch },
  };
}

const doctlRules: readonly Rule[] = [
  doctlRule({
    id: 'doctl.droplet-delete',
    path: [['compute', 'c'], ['droplet', 'd'], DOCTL_DELETE],
    severity: 'critical',
    summary: 'Permanently deletes DigitalOcean Droplets and their disks',
    hint: 'Power the Droplet off or take a snapshot first (`doctl compute droplet-action snapshot`)',
    match: ['doctl compute droplet delete web-prod-01 --force', 'doctl compute droplet rm 386734086 -f', 'doctl --context acme compute droplet delete api-staging'],
    noMatch: ['doctl compute droplet list', 'doctl compute droplet get web-prod-01', 'doctl compute droplet-action power-off 386734086'],
  }),
  doctlRule({
    id: 'doctl.databases-delete',
    path: [['databases', 'database', 'db', 'dbs', 'd'], DOCTL_DELETE],
    severity: 'critical',
    summary: 'Deletes a DigitalOcean managed database cluster and all its data',
    hint: 'Fork the cluster or dump the data first; deletion also removes its backups',
    match: ['doctl databases delete f81d4fae-7dec-11d0-a765-00a0c91e6bf6 --force', 'doctl db rm 9cc10173-e9ea-4176-9dbc-a4cee4c4ff30'],
    noMatch: ['doctl databases list', 'doctl databases backups f81d4fae-7dec-11d0-a765-00a0c91e6bf6', 'doctl databases db delete f81d4fae prod_db'],
  }),
  doctlRule({
    id: 'doctl.databases-db-delete',
    path: [['databases', 'database', 'db', 'dbs', 'd'], ['db'], DOCTL_DELETE],
    severity: 'critical',
    summary: 'Deletes a database from a DigitalOcean managed database cluster',
    hint: 'Dump the database first (`pg_dump`/`mysqldump`) or fork the cluster',
    match: ['doctl databases db delete ca9f591d-f38h-5555-a0ef-1c02d1d1e35 rentals_prod', 'doctl databases db rm ca9f591d app -f'],
    noMatch: ['doctl databases db list ca9f591d', 'doctl databases db create ca9f591d app'],
  }),
  doctlRule({
    id: 'doctl.kubernetes-cluster-delete',
    path: [['kubernetes', 'k8s', 'kube', 'k'], ['cluster', 'clusters', 'c'], DOCTL_DELETE],
    severity: 'critical',
    summary: 'Deletes a DigitalOcean Kubernetes cluster and everything running on it',
    hint: 'Back up the workloads first; pass --dangerous only when the attached volumes and load balancers should go too',
    match: ['doctl kubernetes cluster delete prod-cluster --force', 'doctl k8s cluster rm k8s-staging --dangerous'],
    noMatch: ['doctl kubernetes cluster kubeconfig save prod-cluster', 'doctl kubernetes cluster list', 'doctl kubernetes cluster node-pool delete prod-cluster pool-1'],
  }),
  doctlRule({
    id: 'doctl.volume-delete',
    path: [['compute', 'c'], ['volume', 'v', 'snapshot', 's'], DOCTL_DELETE],
    severity: 'critical',
    summary: 'Deletes a DigitalOcean block storage volume or snapshot and the data on it',
    hint: 'Take a volume snapshot first (`doctl compute volume snapshot`)',
    match: ['doctl compute volume delete 7724db7c-e098-11e5-b522-000f53304e51 --force', 'doctl compute snapshot rm 6372321 -f'],
    noMatch: ['doctl compute volume list', 'doctl compute volume snapshot 7724db7c --snapshot-name pre-change'],
  }),
  doctlRule({
    id: 'doctl.apps-delete',
    path: [['apps', 'app', 'a'], DOCTL_DELETE],
    severity: 'high',
    summary: 'Deletes a DigitalOcean App Platform app; it stops serving',
    hint: 'Export the app spec first (`doctl apps spec get`) so it can be recreated',
    match: ['doctl apps delete f8b6200c-3bba-48a7-8bf1-7a3e3a885eb5 --force', 'doctl apps rm 5a4981aa'],
    noMatch: ['doctl apps list', 'doctl apps spec get f8b6200c', 'doctl apps create-deployment f8b6200c'],
  }),
];

export const cloudRules: readonly Rule[] = [
  ...awsRules,
  ...awsProtectionRules,
  ...eksctlRules,
  ...gcloudRules,
  ...gcloudProtectionRules,
  ...gsutilRules,
  ...azRules,
  ...doctlRules,
  ...objectStorageRules(),
];

/** Object-storage tools that work across providers (rclone, s5cmd, MinIO's mc) and BigQuery. */
function objectStorageRules(): Rule[] {
  const firstOperand = (a: Args): string => (a.positionals[0] ?? '').toLowerCase();
  return [
    {
      id: 'rclone.purge',
      programs: ['rclone'],
      category: 'cloud',
      severity: 'critical',
      summary: 'Deletes a remote path and everything in it, or makes a remote match a source by deleting what the source lacks',
      hint: 'Run it with --dry-run first, and keep a versioned or backed-up copy of the remote',
      match: (a) => ['purge', 'delete', 'rmdirs', 'cleanup'].includes(firstOperand(a)) ||
        (firstOperand(a) === 'sync' && !a.has('--dry-run', '-n')),
      targets: (a) => a.positionals.slice(1),
      examples: {
        match: ['rclone purge remote:prod-backups', 'rclone delete s3:acme-prod/logs --min-age 30d', 'rclone sync ./empty remote:prod'],
        noMatch: ['rclone ls remote:prod', 'rclone copy ./dist remote:site', 'rclone sync ./a remote:b --dry-run'],
      },
    },
    {
      id: 's5cmd.rm',
      programs: ['s5cmd', 'mc'],
      category: 'cloud',
      severity: 'critical',
      summary: 'Deletes objects (often every object under a prefix) from a bucket',
      hint: 'List what matches first (s5cmd ls / mc ls), and keep bucket versioning on',
      match: (a) => ['rm', 'rb'].includes(firstOperand(a)) && (a.program === 's5cmd' || a.has('--recursive', '-r', '--force', '--dangerous') || firstOperand(a) === 'rb'),
      targets: (a) => a.positionals.slice(1),
      examples: {
        match: ["s5cmd rm 's3://acme-prod/*'", 'mc rm --recursive --force myminio/prod', 'mc rb --force myminio/prod'],
        noMatch: ['s5cmd ls s3://acme-prod/', 'mc ls myminio/prod', 'mc rm myminio/prod/one-file.txt'],
      },
    },
    {
      id: 'bigquery.rm',
      programs: ['bq'],
      category: 'cloud',
      severity: 'critical',
      summary: 'Deletes a BigQuery dataset or table (with -r, every table in the dataset)',
      hint: 'Export the table or take a snapshot (bq cp --snapshot) first',
      match: (a) => firstOperand(a) === 'rm',
      targets: (a) => a.positionals.slice(1),
      examples: {
        match: ['bq rm -r -f -d acme-prod:analytics', 'bq rm -f -t acme:staging.events'],
        noMatch: ['bq ls acme-prod:analytics', 'bq show acme:staging.events'],
      },
    },
  ];
}
