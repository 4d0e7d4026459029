// Object storage: deleting objects, buckets and containers, and syncs that delete at the
// destination, across S3 (aws, s3cmd, s5cmd, MinIO's mc), Google Cloud Storage, Azure Storage
// (az, azcopy), Backblaze B2, Oracle, IBM and Alibaba object storage, OpenStack Swift and HDFS; and
// the key-value stores under clusters (etcd, Consul). Whole-bucket and recursive deletes of S3 and
// GCS, `rclone` purges and `s5cmd rm` are the cloud family's; this file covers the rest.
import { flagMatches, type Args } from './args';
import { AWS, AZ, GCLOUD, dashed, flagOn, pathRule, type CliShape, type PathSpec } from './pathRules';
import type { Rule } from './types';

type StorageSpec = Omit<PathSpec, 'category'>;
const storage = (s: StorageSpec): Rule => pathRule({ ...s, category: 'cloud' });

/* ---------------------------------------------------------------- aws, gcloud, gsutil, az */

const GSUTIL: CliShape = { valueFlags: new Set(['-o', '-h', '-u']) };
/** gsutil's global flags come before the command (`-m`), the command's own after it (`rm -r`). */
function gsutilRecursive(a: Args, p: readonly string[]): boolean {
  const own = a.list.slice(a.list.findIndex((w) => w.toLowerCase() === p[0]) + 1);
  return own.some((w) => ['-r', '-R', '-a'].some((f) => flagMatches(w, f))) || p.slice(1).some((w) => w.includes('**'));
}

const cloudCliRules: readonly Rule[] = [
  storage({
    id: 'aws.s3api-delete-object',
    programs: ['aws'],
    shape: AWS,
    paths: [['s3api', 'delete-object']],
    severity: 'high',
    summary: 'Deletes an S3 object (with --version-id, that version for good)',
    hint: 'Keep bucket versioning on so the object can be restored, and check the bucket and key first',
    targetFlags: ['--bucket', '--key'],
    match: [
      'aws s3api delete-object --bucket acme-prod-uploads --key invoices/2024/05.pdf',
      'aws s3api delete-object --bucket data-lake --key raw/a.json --version-id 3HL4kqtJlcpXroDTDmJ',
      'aws --profile prod s3api delete-object --bucket=rentals-assets --key=logo.png',
    ],
    noMatch: [
      'aws s3api get-object --bucket acme-prod-uploads --key invoices/2024/05.pdf out.pdf',
      'aws s3api head-object --bucket acme-prod-uploads --key a.png',
      'aws s3api delete-object-tagging --bucket acme-prod-uploads --key a.png',
    ],
  }),
  storage({
    id: 'aws.s3-rm',
    programs: ['aws'],
    shape: AWS,
    paths: [['s3', 'rm']],
    when: (a) => !a.has('--recursive'),
    severity: 'high',
    summary: 'Deletes an S3 object',
    hint: 'Check the key with `aws s3 ls` first and keep bucket versioning on so it can be restored',
    match: ['aws s3 rm s3://acme-prod-uploads/avatars/42.png', 'aws --profile production s3 rm s3://backups/db/2024-05-01.dump', 'aws s3 rm s3://rentals-logs/app.log --region eu-west-1'],
    noMatch: ['aws s3 ls s3://acme-prod-uploads/avatars/', 'aws s3 cp ./a.png s3://acme-prod-uploads/avatars/42.png', 'aws s3 rm s3://acme-prod-uploads/tmp/ --recursive', 'aws s3 rm s3://acme/a.png --dryrun', 'aws s3 rm help'],
  }),
  storage({
    id: 'aws.glacier-delete',
    programs: ['aws'],
    shape: AWS,
    paths: [['glacier', ['delete-archive', 'delete-vault']]],
    severity: 'critical',
    summary: 'Deletes an S3 Glacier archive or vault, long-term copies kept for recovery',
    hint: 'Check the archive id against the vault inventory first; Glacier deletes cannot be undone',
    targetFlags: ['--vault-name', '--archive-id'],
    match: ['aws glacier delete-archive --account-id - --vault-name prod-archive --archive-id NkbByEejwEgg', 'aws glacier delete-vault --account-id - --vault-name=db-backups-2019'],
    noMatch: ['aws glacier list-vaults --account-id -', 'aws glacier initiate-job --account-id - --vault-name prod-archive --job-parameters file://job.json'],
  }),
  storage({
    id: 'gcloud.storage-rm',
    programs: ['gcloud'],
    shape: GCLOUD,
    paths: [['storage', 'rm']],
    when: (a, p) => !a.has('-r', '-R', '--recursive') && !p.some((w) => w.includes('**')),
    severity: 'high',
    summary: 'Deletes Cloud Storage objects',
    hint: 'List what matches with `gcloud storage ls` first and keep object versioning or soft delete on the bucket',
    match: ['gcloud storage rm gs://acme-prod-uploads/avatars/42.png', 'gcloud storage rm "gs://acme-logs/2024/*.gz"', 'gcloud storage rm --all-versions gs://acme-backups/db.dump'],
    noMatch: ['gcloud storage ls gs://acme-prod-uploads', 'gcloud storage cp ./a.png gs://acme-prod-uploads/a.png', 'gcloud storage rm -r gs://acme-tmp'],
  }),
  storage({
    id: 'gcloud.storage-rsync-delete',
    programs: ['gcloud'],
    shape: GCLOUD,
    paths: [['storage', 'rsync']],
    when: (a) => a.has('--delete-unmatched-destination-objects'),
    severity: 'high',
    summary: 'Syncs to a destination and deletes every object there that is missing from the source',
    hint: 'Run the same rsync with --dry-run first and read what it would delete, or sync without deleting',
    match: ['gcloud storage rsync ./dist gs://www-prod-site --recursive --delete-unmatched-destination-objects', 'gcloud storage rsync -r gs://acme-data gs://acme-data-copy --delete-unmatched-destination-objects'],
    noMatch: ['gcloud storage rsync ./dist gs://www-prod-site --recursive', 'gcloud storage cp -r ./dist gs://www-prod-site'],
  }),
  storage({
    id: 'gsutil.rm',
    programs: ['gsutil'],
    shape: GSUTIL,
    paths: [[['rm', 'del', 'delete', 'remove']]],
    when: (a, p) => !gsutilRecursive(a, p),
    severity: 'high',
    summary: 'Deletes Cloud Storage objects',
    hint: 'List what matches with `gsutil ls` first and keep object versioning on the bucket',
    match: ['gsutil rm gs://acme-prod-uploads/avatars/42.png', 'gsutil -m rm "gs://acme-logs/2024-*.gz"', 'cat stale.txt | gsutil -m rm -I'],
    noMatch: ['gsutil ls gs://acme-prod-uploads', 'gsutil cp a.png gs://acme-prod-uploads/a.png', 'gsutil rm -r gs://acme-tmp'],
  }),
  storage({
    id: 'az.storage-object-delete',
    programs: ['az'],
    shape: AZ,
    paths: [
      ['storage', 'blob', 'delete'], ['storage', 'blob', 'directory', 'delete'],
      ['storage', 'fs', 'directory', 'delete'], ['storage', 'fs', 'file', 'delete'],
      ['storage', 'file', ['delete', 'delete-batch']], ['storage', 'directory', 'delete'],
      ['storage', ['share-rm', 'container-rm'], 'delete'], ['storage', ['queue', 'table'], 'delete'],
    ],
    severity: 'high',
    summary: 'Deletes Azure Storage blobs, files or directories, or a share, container, queue or table',
    hint: 'Enable soft delete on the account first, or copy the data out with azcopy',
    targetFlags: ['--account-name', '--storage-account', '--container-name', '-c', '--share-name', '-s', '--file-system', '-f', '--name', '-n', '--path', '-p', '--source'],
    match: [
      'az storage blob delete --account-name acmeprodstore --container-name backups --name db.bak',
      'az storage blob delete -c uploads -n avatars/42.png --account-name rentalsstg',
      'az storage fs directory delete -f datalake -n raw/2024 --account-name acmeprod --yes',
      'az storage share-rm delete --storage-account acmeprodstore --name finance',
      'az storage file delete-batch --source reports --account-name acmeprodstore',
      'az storage table delete --name sessions --account-name acmeprodstore',
    ],
    noMatch: [
      'az storage blob list -c uploads --account-name acmeprodstore',
      'az storage blob upload -c uploads -f a.png -n a.png --account-name acmeprodstore',
      'az storage blob undelete -c uploads -n a.png --account-name acmeprodstore',
      'az storage fs directory create -f datalake -n raw/2025 --account-name acmeprod',
    ],
  }),
];

/* ---------------------------------------------------------------- azcopy, mc, s5cmd, s3cmd, b2, rclone */

const AZCOPY: CliShape = { valueFlags: new Set(['--log-level', '--output-type', '--trusted-microsoft-suffixes']) };
const MC: CliShape = { valueFlags: new Set(['--config-dir', '-C']) };
const S5CMD: CliShape = { valueFlags: new Set(['--endpoint-url', '--profile', '--credentials-file', '--numworkers', '--retry-count', '-r', '--log']) };
const S3CMD: CliShape = {
  valueFlags: new Set([
    '-c', '--config', '--host', '--host-bucket', '--access_key', '--secret_key', '--region', '--bucket-location',
    '--exclude', '--include', '--rexclude', '--rinclude', '--exclude-from', '--include-from', '--add-header',
  ]),
};
const B2: CliShape = { valueFlags: new Set(['--profile', '--threads', '--queue-size']) };
const RCLONE: CliShape = { valueFlags: new Set(['--config', '--min-age', '--max-age', '--include', '--exclude', '--filter']) };

const isRecursive = (a: Args): boolean => a.has('-r', '--recursive');

const toolRules: readonly Rule[] = [
  storage({
    id: 'azcopy.remove-recursive',
    programs: ['azcopy'],
    shape: AZCOPY,
    paths: [[['remove', 'rm']]],
    when: (a) => flagOn(a, '--recursive'),
    severity: 'critical',
    summary: 'Deletes every blob or file under an Azure Storage container or directory',
    hint: 'Run it with --dry-run first, and enable soft delete or versioning on the account',
    match: [
      'azcopy rm "https://acmeprodstore.blob.core.windows.net/backups?sv=2022&sig=x" --recursive=true',
      'azcopy remove https://rentals.blob.core.windows.net/prod-uploads/avatars --recursive',
      'azcopy rm "https://acme.file.core.windows.net/share/dir?sig=x" --recursive=true --include-pattern="*.bak"',
    ],
    noMatch: [
      'azcopy rm "https://acmeprodstore.blob.core.windows.net/backups/db.bak?sig=x"',
      'azcopy rm https://acme.blob.core.windows.net/c/dir --recursive=false',
      'azcopy copy ./dist "https://acme.blob.core.windows.net/$web?sig=x" --recursive',
      'azcopy list https://acme.blob.core.windows.net/c',
    ],
  }),
  storage({
    id: 'azcopy.remove',
    programs: ['azcopy'],
    shape: AZCOPY,
    paths: [[['remove', 'rm']]],
    when: (a) => !flagOn(a, '--recursive'),
    severity: 'high',
    summary: 'Deletes blobs or files from Azure Storage',
    hint: 'Run it with --dry-run first, and enable soft delete or versioning on the account',
    match: ['azcopy rm "https://acmeprodstore.blob.core.windows.net/backups/db.bak?sig=x"', 'azcopy remove https://acme.blob.core.windows.net/uploads/dir --recursive=false --list-of-files=stale.txt'],
    noMatch: ['azcopy rm https://acme.blob.core.windows.net/uploads --recursive', 'azcopy copy ./a.png https://acme.blob.core.windows.net/uploads/a.png', 'azcopy jobs list'],
  }),
  storage({
    id: 'azcopy.sync-delete',
    programs: ['azcopy'],
    shape: AZCOPY,
    paths: [['sync']],
    when: (a) => (a.value('--delete-destination') ?? '').toLowerCase() === 'true',
    severity: 'high',
    summary: 'Syncs to a destination and deletes every blob or file there that is missing from the source',
    hint: 'Run the same sync with --dry-run first, or use --delete-destination=prompt',
    match: ['azcopy sync ./dist "https://acmeprod.blob.core.windows.net/$web?sig=x" --delete-destination=true', 'azcopy sync "https://a.blob.core.windows.net/src?sig=x" "https://b.blob.core.windows.net/prod-copy?sig=y" --recursive --delete-destination true'],
    noMatch: ['azcopy sync ./dist "https://acmeprod.blob.core.windows.net/$web?sig=x"', 'azcopy sync ./dist https://acme.blob.core.windows.net/site --delete-destination=false'],
  }),
  storage({
    id: 'mc.rm',
    programs: ['mc'],
    shape: MC,
    paths: [['rm']],
    // Recursive and forced removals are s5cmd.rm's; incomplete uploads are leftovers.
    when: (a) => !a.has('--recursive', '-r', '--force', '--dangerous', '--incomplete', '-I'),
    severity: 'high',
    summary: 'Deletes objects (with --versions, every version of them) from a MinIO or S3 bucket',
    hint: 'Check the path with `mc ls` first and keep bucket versioning on',
    match: ['mc rm myminio/prod-backups/db-2024-05-01.sql.gz', 'mc rm --versions play/acme-prod/config.json', 'mc rm --version-id 0b3f5e2a local/uploads/a.png'],
    noMatch: ['mc ls myminio/prod-backups', 'mc cp db.sql.gz myminio/prod-backups/', 'mc alias rm myminio', 'mc rm --incomplete myminio/uploads/big.iso'],
  }),
  storage({
    id: 'mc.mirror-remove',
    programs: ['mc'],
    shape: MC,
    paths: [['mirror']],
    when: (a) => a.has('--remove'),
    severity: 'high',
    summary: 'Mirrors to a destination and deletes every object there that is missing from the source',
    hint: 'Run the same mirror with --dry-run first, or mirror without --remove',
    match: ['mc mirror --remove ./dist myminio/www-prod', 'mc mirror --overwrite --remove s3/acme-data myminio/acme-data-copy', 'mc mirror --watch --remove ./uploads prod/uploads'],
    noMatch: ['mc mirror ./dist myminio/www-prod', 'mc mirror --overwrite s3/acme-data myminio/acme-data-copy'],
  }),
  storage({
    id: 's5cmd.sync-delete',
    programs: ['s5cmd'],
    shape: S5CMD,
    paths: [['sync']],
    when: (a) => a.has('--delete'),
    severity: 'high',
    summary: 'Syncs to a destination and deletes every object there that is missing from the source',
    hint: 'Run the same sync with --dry-run first, or sync without --delete',
    match: ["s5cmd sync --delete './dist/*' s3://www-prod-site/", "s5cmd --endpoint-url https://minio.internal sync --delete 's3://acme-data/*' s3://acme-data-copy/"],
    noMatch: ["s5cmd sync './dist/*' s3://www-prod-site/", 's5cmd ls s3://www-prod-site/'],
  }),
  storage({
    id: 's3cmd.rm-recursive',
    programs: ['s3cmd'],
    shape: S3CMD,
    paths: [[['del', 'rm']]],
    when: (a) => isRecursive(a) && !a.has('-n'),
    severity: 'critical',
    summary: 'Deletes every object under an S3 (or DigitalOcean Spaces) bucket or prefix',
    hint: 'Run it with --dry-run first and keep bucket versioning on',
    match: ['s3cmd del --recursive --force s3://acme-prod-backups/', 's3cmd rm -r s3://rentals-uploads/tmp/ --host=nyc3.digitaloceanspaces.com', 's3cmd -c ~/.s3cfg-prod del -r s3://assets/'],
    noMatch: ['s3cmd del s3://acme-prod-backups/db.dump', 's3cmd ls -r s3://acme-prod-backups/', 's3cmd del -r -n s3://acme-prod-backups/'],
  }),
  storage({
    id: 's3cmd.rb',
    programs: ['s3cmd'],
    shape: S3CMD,
    paths: [['rb']],
    severity: 'critical',
    summary: 'Deletes an S3 (or DigitalOcean Spaces) bucket; with --recursive --force, every object in it first',
    hint: 'Copy what must be kept first (s3cmd sync) and check versioning and backups',
    match: ['s3cmd rb s3://acme-prod-uploads', 's3cmd rb --recursive --force s3://rentals-staging-assets', 's3cmd --host=fra1.digitaloceanspaces.com rb s3://acme-space'],
    noMatch: ['s3cmd mb s3://acme-new', 's3cmd ls s3://acme-prod-uploads', 's3cmd info s3://acme-prod-uploads'],
  }),
  storage({
    id: 's3cmd.rm',
    programs: ['s3cmd'],
    shape: S3CMD,
    paths: [[['del', 'rm']]],
    when: (a) => !isRecursive(a) && !a.has('-n'),
    severity: 'high',
    summary: 'Deletes objects from an S3 (or DigitalOcean Spaces) bucket',
    hint: 'Check the key with `s3cmd ls` first and keep bucket versioning on',
    match: ['s3cmd del s3://acme-prod-backups/db-2024-05-01.dump', 's3cmd rm s3://rentals-uploads/a.png s3://rentals-uploads/b.png'],
    noMatch: ['s3cmd get s3://acme-prod-backups/db.dump', 's3cmd put db.dump s3://acme-prod-backups/', 's3cmd del -n s3://acme/a.png'],
  }),
  storage({
    id: 's3cmd.sync-delete',
    programs: ['s3cmd'],
    shape: S3CMD,
    paths: [['sync']],
    when: (a) => a.has('--delete-removed') && !a.has('-n'),
    severity: 'high',
    summary: 'Syncs to a destination and deletes every object there that is missing from the source',
    hint: 'Run the same sync with --dry-run first, or sync without --delete-removed',
    match: ['s3cmd sync --delete-removed ./dist/ s3://www-prod-site/', 's3cmd sync ./backups/ s3://acme-prod-backups/ --delete-removed --delete-after'],
    noMatch: ['s3cmd sync ./dist/ s3://www-prod-site/', 's3cmd sync --delete-removed -n ./dist/ s3://www-prod-site/'],
  }),
  storage({
    id: 'b2.bucket-delete',
    programs: ['b2'],
    shape: B2,
    paths: [['delete-bucket'], ['bucket', 'delete']],
    severity: 'critical',
    summary: 'Deletes a Backblaze B2 bucket',
    hint: 'Copy what must be kept first and check the bucket name with `b2 bucket list`',
    match: ['b2 delete-bucket acme-prod-backups', 'b2 bucket delete rentals-staging-assets'],
    noMatch: ['b2 bucket list', 'b2 bucket create acme-new allPrivate', 'b2 bucket get acme-prod-backups'],
  }),
  storage({
    id: 'b2.rm-recursive',
    programs: ['b2'],
    shape: B2,
    paths: [['rm']],
    when: (a) => isRecursive(a),
    severity: 'critical',
    summary: 'Deletes every file under a Backblaze B2 bucket or folder (with --versions, every version)',
    hint: 'Run it with --dry-run first and keep lifecycle rules that retain old versions',
    match: ['b2 rm --recursive --versions b2://acme-prod-backups/db/', 'b2 rm -r b2://rentals-uploads/tmp', 'b2 rm --recursive --versions acme-prod-backups db'],
    noMatch: ['b2 rm b2://acme-prod-backups/db/2024-05-01.dump', 'b2 ls --recursive b2://acme-prod-backups', 'b2 sync ./backups b2://acme-prod-backups'],
  }),
  storage({
    id: 'b2.rm',
    programs: ['b2'],
    shape: B2,
    paths: [['rm'], ['delete-file-version']],
    when: (a) => !isRecursive(a),
    severity: 'high',
    summary: 'Deletes a file (or one version of it) from a Backblaze B2 bucket',
    hint: 'Hide the file instead (`b2 file hide`), which keeps its versions',
    match: ['b2 rm b2://acme-prod-backups/db/2024-05-01.dump', 'b2 delete-file-version db/2024-05-01.dump 4_z27c88f1d182b150646ff0b16_f1004ba650fe24e6b'],
    noMatch: ['b2 ls b2://acme-prod-backups/db', 'b2 file hide b2://acme-prod-backups/db/old.dump', 'b2 file info b2id://4_z27c88f1d'],
  }),
  storage({
    id: 'b2.sync-delete',
    programs: ['b2'],
    shape: B2,
    paths: [['sync']],
    when: (a) => a.has('--delete'),
    severity: 'high',
    summary: 'Syncs to a destination and deletes every file there that is missing from the source',
    hint: 'Run the same sync with --dry-run first, or use --keep-days to keep old versions',
    match: ['b2 sync --delete ./backups b2://acme-prod-backups/db', 'b2 sync b2://acme-data ./restore --delete --replace-newer'],
    noMatch: ['b2 sync ./backups b2://acme-prod-backups/db', 'b2 sync --keep-days 30 ./backups b2://acme-prod-backups/db'],
  }),
  storage({
    id: 'rclone.deletefile',
    programs: ['rclone'],
    shape: RCLONE,
    paths: [['deletefile']],
    when: (a) => !a.has('-n'),
    severity: 'high',
    summary: 'Deletes a file from a remote (cloud storage, SFTP, a drive)',
    hint: 'Check the path with `rclone ls` first, or pass --backup-dir on the remote to keep a copy',
    match: ['rclone deletefile s3:acme-prod-backups/db/2024-05-01.dump', 'rclone deletefile gdrive:Finance/2023.xlsx --drive-use-trash=false'],
    noMatch: ['rclone ls s3:acme-prod-backups/db', 'rclone copyto ./a.dump s3:acme-prod-backups/db/a.dump', 'rclone deletefile -n s3:acme/a.dump'],
  }),
];

/* ---------------------------------------------------------------- other providers: oci, ibmcloud, ossutil, swift, hdfs */

const OCI: CliShape = { valueFlags: new Set(['--profile', '--config-file', '--region', '--auth', '--output', '--query']) };
const IBMCLOUD: CliShape = { valueFlags: new Set(['--region', '--output']) };
const OSSUTIL: CliShape = { valueFlags: new Set(['-c', '--config-file', '-e', '--endpoint', '-i', '-k', '--encoding-type']) };
const SWIFT: CliShape = {
  valueFlags: new Set([
    '-A', '--auth', '-U', '--user', '-K', '--key', '-V', '--auth-version', '--os-auth-url', '--os-username',
    '--os-password', '--os-project-name', '--os-region-name', '--os-storage-url', '--os-auth-token', '--os-cloud',
    '-p', '--prefix', '-H', '--header', '--object-threads', '--container-threads',
  ]),
};
const HADOOP: CliShape = { valueFlags: new Set(['--config', '--loglevel', '-D', '-fs']) };

/** `swift delete CONTAINER` alone (or `--all`) takes whole containers; with object names, only those. */
const swiftWhole = (a: Args, p: readonly string[]): boolean => a.has('--all', '-a') || p.length <= 2;
/** The HDFS shell's `-rm` family, written after `dfs` or `fs`. */
const hdfsRm = (a: Args): boolean => a.list.some((w) => w === '-rm' || w === '-rmr');
const skipsTrash = (a: Args): boolean => a.list.includes('-skipTrash') || a.list.includes('-expunge');

const providerRules: readonly Rule[] = [
  storage({
    id: 'oci.os-bucket-delete',
    programs: ['oci'],
    shape: OCI,
    paths: [['os', 'bucket', 'delete'], ['os', 'object', ['bulk-delete', 'bulk-delete-versions']]],
    severity: 'critical',
    summary: 'Deletes an Oracle Cloud Object Storage bucket (with --empty, its objects first) or every object under a prefix',
    hint: 'Run bulk deletes with --dry-run first and keep object versioning on the bucket',
    targetFlags: ['--bucket-name', '-bn', '--name', '--prefix'],
    match: ['oci os bucket delete --bucket-name acme-prod-backups --empty --force', 'oci os object bulk-delete -bn rentals-uploads --prefix tmp/ --force', 'oci --profile PROD os object bulk-delete-versions --bucket-name archive'],
    noMatch: ['oci os bucket list --compartment-id ocid1.compartment.oc1..x', 'oci os object list -bn acme-prod-backups', 'oci os bucket create --name acme-new --compartment-id x'],
  }),
  storage({
    id: 'oci.os-object-delete',
    programs: ['oci'],
    shape: OCI,
    paths: [['os', 'object', ['delete', 'sync']]],
    when: (a, p) => p[2] === 'delete' || a.has('--delete'),
    severity: 'high',
    summary: 'Deletes an Oracle Cloud Object Storage object, or syncs and deletes what the source lacks',
    hint: 'Check the object name with `oci os object list` first and keep object versioning on',
    targetFlags: ['--bucket-name', '-bn', '--object-name', '--name'],
    match: ['oci os object delete --bucket-name acme-prod-backups --object-name db.dump --force', 'oci os object sync -bn www-prod --src-dir ./dist --delete'],
    noMatch: ['oci os object get -bn acme-prod-backups --name db.dump --file db.dump', 'oci os object sync -bn www-prod --src-dir ./dist'],
  }),
  storage({
    id: 'ibmcloud.cos-bucket-delete',
    programs: ['ibmcloud', 'ic'],
    shape: IBMCLOUD,
    paths: [['cos', ['bucket-delete', 'delete-bucket']]],
    severity: 'critical',
    summary: 'Deletes an IBM Cloud Object Storage bucket',
    hint: 'Copy what must be kept first and check the bucket name with `ibmcloud cos buckets`',
    targetFlags: ['--bucket'],
    match: ['ibmcloud cos bucket-delete --bucket acme-prod-backups --force', 'ibmcloud cos delete-bucket --bucket rentals-logs --region us-south'],
    noMatch: ['ibmcloud cos buckets', 'ibmcloud cos bucket-create --bucket acme-new', 'ibmcloud cos bucket-head --bucket acme-prod-backups'],
  }),
  storage({
    id: 'ibmcloud.cos-object-delete',
    programs: ['ibmcloud', 'ic'],
    shape: IBMCLOUD,
    paths: [['cos', ['object-delete', 'objects-delete', 'delete-object', 'delete-objects']]],
    severity: 'high',
    summary: 'Deletes objects from an IBM Cloud Object Storage bucket',
    hint: 'List the keys first (`ibmcloud cos objects`) and keep bucket versioning on',
    targetFlags: ['--bucket', '--key'],
    match: ['ibmcloud cos object-delete --bucket acme-prod-backups --key db.dump --force', 'ibmcloud cos objects-delete --bucket rentals-uploads --delete file://keys.json'],
    noMatch: ['ibmcloud cos objects --bucket acme-prod-backups', 'ibmcloud cos object-get --bucket acme-prod-backups --key db.dump'],
  }),
  storage({
    id: 'ossutil.rm-recursive',
    programs: ['ossutil', 'ossutil64'],
    shape: OSSUTIL,
    paths: [['rm'], ['rb']],
    when: (a, p) => p[0] === 'rb' || a.has('-r', '--recursive', '-b', '--bucket', '-a', '--all-versions'),
    severity: 'critical',
    summary: 'Deletes every object under an Alibaba Cloud OSS bucket or prefix, or the bucket itself',
    hint: 'List what matches with `ossutil ls` first and keep bucket versioning on',
    match: ['ossutil rm oss://acme-prod-backups/db/ -r -f', 'ossutil rm oss://rentals-logs -b -f', 'ossutil64 rm -r -f -a oss://acme-archive/'],
    noMatch: ['ossutil rm oss://acme-prod-backups/db/2024-05-01.dump', 'ossutil ls oss://acme-prod-backups', 'ossutil cp -r ./dist oss://www-prod/'],
  }),
  storage({
    id: 'ossutil.rm',
    programs: ['ossutil', 'ossutil64'],
    shape: OSSUTIL,
    paths: [['rm']],
    when: (a) => !a.has('-r', '--recursive', '-b', '--bucket', '-a', '--all-versions'),
    severity: 'high',
    summary: 'Deletes an object from an Alibaba Cloud OSS bucket',
    hint: 'Check the key with `ossutil ls` first and keep bucket versioning on',
    match: ['ossutil rm oss://acme-prod-backups/db/2024-05-01.dump', 'ossutil rm oss://rentals-uploads/a.png -f'],
    noMatch: ['ossutil ls oss://acme-prod-backups', 'ossutil rm -r -f oss://acme-tmp/'],
  }),
  storage({
    id: 'swift.delete-container',
    programs: ['swift', 'openstack'],
    shape: SWIFT,
    paths: [['delete'], ['container', 'delete']],
    when: (a, p) => (a.program === 'swift' ? p[0] === 'delete' && swiftWhole(a, p) : p[0] === 'container' && a.has('--recursive', '-r')),
    severity: 'critical',
    summary: 'Deletes OpenStack Swift containers with every object in them (with --all, every container)',
    hint: 'List the container first (`swift list`) and copy out what must be kept',
    targetFlags: ['--os-cloud'],
    match: ['swift delete prod-backups', 'swift delete --all', 'openstack --os-cloud prod container delete --recursive uploads'],
    noMatch: ['swift list prod-backups', 'swift delete prod-backups db-2024-05-01.dump', 'openstack container delete empty-container', 'openstack container list'],
  }),
  storage({
    id: 'swift.delete-object',
    programs: ['swift', 'openstack'],
    shape: SWIFT,
    paths: [['delete'], ['object', 'delete']],
    when: (a, p) => (a.program === 'swift' ? p[0] === 'delete' && !swiftWhole(a, p) : p[0] === 'object'),
    severity: 'high',
    summary: 'Deletes objects from an OpenStack Swift container',
    hint: 'List the objects first (`swift list CONTAINER`) and keep object versioning on the container',
    targetFlags: ['--os-cloud'],
    match: ['swift delete prod-backups db-2024-05-01.dump', 'openstack object delete uploads avatars/42.png'],
    noMatch: ['swift download prod-backups db.dump', 'openstack object list uploads', 'openstack object save uploads a.png'],
  }),
  storage({
    id: 'hdfs.rm-skiptrash',
    programs: ['hdfs', 'hadoop'],
    shape: HADOOP,
    paths: [[['dfs', 'fs']]],
    when: (a) => (hdfsRm(a) && a.list.includes('-skipTrash')) || a.list.includes('-expunge'),
    severity: 'critical',
    summary: 'Deletes HDFS files bypassing the trash, or empties the trash, so they cannot be restored',
    hint: 'Drop -skipTrash so the files go to the trash first, and check the path with `hdfs dfs -ls`',
    match: ['hdfs dfs -rm -r -skipTrash /data/prod/events', 'hadoop fs -rm -skipTrash /user/etl/output/part-0001', 'hdfs dfs -expunge'],
    noMatch: ['hdfs dfs -ls /data/prod/events', 'hdfs dfs -rm -r /tmp/staging', 'hdfs dfs -du -s -h /data'],
  }),
  storage({
    id: 'hdfs.rm',
    programs: ['hdfs', 'hadoop'],
    shape: HADOOP,
    paths: [[['dfs', 'fs']]],
    when: (a) => hdfsRm(a) && !skipsTrash(a),
    severity: 'high',
    summary: 'Deletes HDFS files or directories (to the trash, when the cluster has one)',
    hint: 'Check the path with `hdfs dfs -ls` first and make sure trash is enabled (fs.trash.interval)',
    match: ['hdfs dfs -rm -r /data/prod/events/2024', 'hadoop fs -rm /user/etl/output/part-0001', 'hdfs dfs -rmr /tmp/old-job'],
    noMatch: ['hdfs dfs -ls /data/prod/events', 'hdfs dfs -put ./a.csv /data/in/', 'hadoop fs -cat /data/x.csv'],
  }),
];

/* ---------------------------------------------------------------- key-value stores: etcd, Consul */

const ETCDCTL: CliShape = {
  valueFlags: new Set([
    '--endpoints', '--cacert', '--cert', '--key', '--user', '--password', '--dial-timeout', '--command-timeout',
    '-w', '--write-out', '--discovery-srv', '--peers', '-C', '--ca-file', '--cert-file', '--key-file',
  ]),
};
const CONSUL: CliShape = {
  valueFlags: new Set(dashed('http-addr', 'token', 'token-file', 'datacenter', 'ca-file', 'ca-path', 'client-cert', 'client-key', 'tls-server-name', 'namespace', 'partition', 'modify-index')),
};

/** A key or prefix that spans the whole keyspace (`""`, `/`, `\0`). */
const isRoot = (key: string | undefined): boolean => key === undefined || key === '' || key === '/' || key === '\\0';

/** `etcdctl del --prefix ""`, `del "" --from-key`, v2 `rm --recursive /`. */
function etcdAll(a: Args, p: readonly string[]): boolean {
  const spans = p[0] === 'rm' ? a.has('--recursive', '-r') : a.has('--prefix', '--from-key');
  return spans && isRoot(p[1]);
}

const consulAll = (a: Args, p: readonly string[]): boolean => a.has('-recurse', '--recurse') && isRoot(p[2]);

const kvRules: readonly Rule[] = [
  storage({
    id: 'etcdctl.del-all',
    programs: ['etcdctl'],
    shape: ETCDCTL,
    paths: [[['del', 'rm']]],
    when: etcdAll,
    severity: 'critical',
    summary: 'Deletes every key in etcd; for a Kubernetes cluster, all of its state',
    hint: 'Take a snapshot first (`etcdctl snapshot save`) and delete a narrower prefix',
    targetFlags: ['--endpoints'],
    match: ['etcdctl del "" --prefix', 'ETCDCTL_API=3 etcdctl --endpoints=https://etcd-prod-0:2379 del --prefix /', 'etcdctl del "" --from-key=true'],
    noMatch: ['etcdctl get "" --prefix --keys-only', 'etcdctl del /registry/pods/default/web-0', 'etcdctl snapshot save backup.db'],
  }),
  storage({
    id: 'etcdctl.del',
    programs: ['etcdctl'],
    shape: ETCDCTL,
    paths: [[['del', 'rm', 'rmdir']]],
    when: (a, p) => !etcdAll(a, p),
    severity: 'high',
    summary: 'Deletes keys from etcd (with --prefix, a whole subtree)',
    hint: 'Read the keys first (`etcdctl get --prefix --keys-only`) and take a snapshot (`etcdctl snapshot save`)',
    targetFlags: ['--endpoints'],
    match: ['etcdctl del /registry/pods/default/web-0', 'etcdctl --endpoints=https://etcd-prod-0:2379 del --prefix /registry/deployments/payments', 'etcdctl rm /config/feature-flags'],
    noMatch: ['etcdctl get /registry/pods/default/web-0', 'etcdctl put /config/a 1', 'etcdctl member list'],
  }),
  storage({
    id: 'etcdctl.member-remove',
    programs: ['etcdctl'],
    shape: ETCDCTL,
    paths: [['member', 'remove']],
    severity: 'high',
    summary: 'Removes a member from the etcd cluster; losing quorum stops every write (and a Kubernetes control plane)',
    hint: 'Check `etcdctl member list` and endpoint health first, and add the replacement before removing a member',
    targetFlags: ['--endpoints'],
    match: ['etcdctl member remove 8e9e05c52164694d', 'etcdctl --endpoints=https://etcd-prod-0:2379 member remove 91bc3c398fb3c146'],
    noMatch: ['etcdctl member list', 'etcdctl member add etcd-3 --peer-urls=https://10.0.0.13:2380'],
  }),
  storage({
    id: 'consul.kv-delete-all',
    programs: ['consul'],
    shape: CONSUL,
    paths: [['kv', 'delete']],
    when: consulAll,
    severity: 'critical',
    summary: 'Deletes every key in Consul\'s key-value store',
    hint: 'Take a snapshot first (`consul snapshot save`) and delete a narrower prefix',
    targetFlags: dashed('http-addr', 'datacenter'),
    match: ['consul kv delete -recurse', 'consul kv delete -recurse /', 'consul kv delete -http-addr=https://consul.prod.acme.io:8501 -recurse ""'],
    noMatch: ['consul kv delete -recurse app/staging/', 'consul kv get -recurse', 'consul kv export'],
  }),
  storage({
    id: 'consul.kv-delete',
    programs: ['consul'],
    shape: CONSUL,
    paths: [['kv', 'delete']],
    when: (a, p) => !consulAll(a, p),
    severity: 'high',
    summary: 'Deletes keys from Consul\'s key-value store (with -recurse, a whole prefix)',
    hint: 'Export the keys first (`consul kv export PREFIX`) or take a snapshot (`consul snapshot save`)',
    targetFlags: dashed('http-addr', 'datacenter'),
    match: ['consul kv delete config/payments/stripe_key', 'consul kv delete -recurse app/prod/', 'consul kv delete -datacenter=dc-prod feature-flags/new-ui'],
    noMatch: ['consul kv get config/payments/stripe_key', 'consul kv put config/a 1', 'consul kv export app/prod/'],
  }),
  storage({
    id: 'consul.snapshot-restore',
    programs: ['consul'],
    shape: CONSUL,
    paths: [['snapshot', 'restore']],
    severity: 'critical',
    summary: 'Replaces Consul\'s whole state (key-value data, catalog, ACLs) with a snapshot; everything written since is lost',
    hint: 'Save a snapshot of the current state first (`consul snapshot save`) and check the cluster address',
    targetFlags: dashed('http-addr', 'datacenter'),
    match: ['consul snapshot restore backup.snap', 'consul snapshot restore -http-addr=https://consul.prod.acme.io:8501 2024-05-01.snap'],
    noMatch: ['consul snapshot save backup.snap', 'consul snapshot inspect backup.snap'],
  }),
];

export const storageRules: readonly Rule[] = [...cloudCliRules, ...toolRules, ...providerRules, ...kvRules];
