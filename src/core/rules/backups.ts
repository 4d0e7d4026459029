// Backups and snapshots: deleting backups, repositories and retention, turning backups off, and
// restores that write over live data. Backup tools (Velero, restic, Borg, Kopia, Duplicacy,
// pgBackRest, pg_probackup, WAL-G, Barman, Tarsnap, Duplicity, rdiff-backup, Proxmox Backup),
// managed cloud backups and snapshots, and the OS's own (Time Machine, Timeshift, Snapper, Windows
// shadow copies). A deleted backup is the copy that
// was meant to survive the disaster, so naming one backup to delete is critical; pruning by a
// retention policy, which keeps the recent ones, is high.
import type { Args } from './args';
import { AWS, AZ, GCLOUD, assigned, pathRule, type CliShape, type PathSpec, type Step } from './pathRules';
import type { Rule } from './types';

type BackupSpec = Omit<PathSpec, 'category'>;
const backup = (s: BackupSpec): Rule => pathRule({ ...s, category: 'backup' });

/** `-n` is these tools' short --dry-run (the long one is exempted by the engine). */
const notDryRun = (a: Args): boolean => !a.has('-n');

/* ---------------------------------------------------------------- Velero */

const VELERO: CliShape = {
  valueFlags: new Set([
    '-n', '--namespace', '--kubeconfig', '--kubecontext', '-l', '--selector', '--features', '--colorized', '-o', '--output',
    '--from-backup', '--from-schedule', '--existing-resource-policy', '--include-namespaces', '--exclude-namespaces',
    '--namespace-mappings', '--storage-location',
  ]),
};
const velero = (s: Omit<BackupSpec, 'programs' | 'shape'>): Rule => backup({ ...s, programs: ['velero'], shape: VELERO });
/** Velero takes both `velero backup delete` and the kubectl-like `velero delete backup`. */
const either = (noun: Step, verb: string): (readonly Step[])[] => [[noun, verb], [verb, noun]];

const veleroRules: readonly Rule[] = [
  velero({
    id: 'velero.backup-delete',
    paths: either(['backup', 'backups'], 'delete'),
    severity: 'critical',
    summary: 'Deletes Velero backups with their data in object storage and their volume snapshots',
    hint: 'Let the backup TTL expire it, or download it first (`velero backup download`)',
    targetFlags: ['--selector', '-l'],
    match: ['velero backup delete nightly-20240501 --confirm', 'velero delete backup prod-full', 'velero backup delete --all --confirm -n velero', 'velero backup delete --selector app=orders --confirm'],
    noMatch: ['velero backup get', 'velero backup create pre-upgrade --include-namespaces app', 'velero backup describe nightly --details', 'velero backup logs nightly-20240501'],
  }),
  velero({
    id: 'velero.schedule-delete',
    paths: either(['schedule', 'schedules'], 'delete'),
    severity: 'high',
    summary: 'Deletes a Velero backup schedule; no more backups are taken on it',
    hint: 'Pause it instead (`velero schedule pause`), or save it first (`velero schedule get NAME -o yaml`)',
    match: ['velero schedule delete daily-prod --confirm', 'velero delete schedule hourly'],
    noMatch: ['velero schedule get', 'velero schedule create daily --schedule="0 1 * * *"', 'velero schedule describe daily-prod'],
  }),
  velero({
    id: 'velero.restore-create',
    paths: either(['restore', 'restores'], 'create'),
    severity: 'high',
    summary: 'Restores Kubernetes resources from a Velero backup into the current cluster (with --existing-resource-policy=update, over what runs there)',
    hint: 'Check the kube context and restore into a new namespace first (--namespace-mappings)',
    match: ['velero restore create --from-backup nightly-20240501', 'velero create restore r1 --from-backup prod-full --existing-resource-policy update', 'velero restore create --from-schedule daily-prod --include-namespaces orders'],
    noMatch: ['velero restore get', 'velero restore describe r1 --details', 'velero restore logs r1'],
  }),
  velero({
    id: 'velero.location-delete',
    paths: either(['backup-location', 'snapshot-location'], 'delete'),
    severity: 'high',
    summary: 'Deletes a Velero backup or snapshot location, and with it the cluster\'s record of the backups stored there',
    hint: 'Set another default location first and keep the bucket; the backups can be synced back',
    match: ['velero backup-location delete aws-prod --confirm', 'velero delete snapshot-location default'],
    noMatch: ['velero backup-location get', 'velero backup-location create secondary --provider aws --bucket b'],
  }),
  velero({
    id: 'velero.uninstall',
    paths: [['uninstall']],
    severity: 'high',
    summary: 'Removes Velero from the cluster (its namespace, CRDs and the backup and schedule records)',
    hint: 'Check the kube context first; the data in object storage stays and can be synced back',
    match: ['velero uninstall', 'velero uninstall --force --kubecontext prod-cluster'],
    noMatch: ['velero version', 'velero install --provider aws --bucket velero-backups'],
  }),
];

/* ---------------------------------------------------------------- restic, Borg, Kopia */

const RESTIC: CliShape = {
  valueFlags: new Set([
    '-r', '--repo', '--repository-file', '--password-file', '-p', '--password-command', '--cache-dir', '-o', '--option',
    '--limit-upload', '--limit-download', '--tag', '--host', '--path', '-l', '--keep-last', '-H', '--keep-hourly', '-d',
    '--keep-daily', '-w', '--keep-weekly', '-m', '--keep-monthly', '-y', '--keep-yearly', '--keep-within', '--keep-tag',
    '-g', '--group-by', '--max-unused', '--max-repack-size', '--pack-size', '--compression', '-t', '--target', '--key-hint',
    '--tls-client-cert', '--cacert', '-e', '--exclude', '-i', '--include', '--retry-lock',
  ]),
};
const resticRepo = (a: Args): string[] => assigned(a, 'RESTIC_REPOSITORY');
// The words after a restic command are snapshot and key ids; the repository names the environment.
const restic = (s: Omit<BackupSpec, 'shape' | 'moreTargets' | 'targetFlags' | 'operandsAreTargets'>): Rule =>
  backup({ ...s, shape: RESTIC, targetFlags: ['-r', '--repo', '--repository-file'], moreTargets: resticRepo, operandsAreTargets: false });

const BORG: CliShape = {
  valueFlags: new Set([
    '-r', '--repo', '-a', '--glob-archives', '--match-archives', '-P', '--prefix', '--first', '--last', '--sort-by',
    '--keep-within', '--keep-last', '--keep-secondly', '--keep-minutely', '-H', '--keep-hourly', '-d', '--keep-daily',
    '-w', '--keep-weekly', '-m', '--keep-monthly', '-y', '--keep-yearly', '--remote-path', '--rsh', '--lock-wait',
    '--checkpoint-interval', '--umask', '--upload-ratelimit', '--format',
  ]),
};
const BORG_SELECTORS = ['-a', '--glob-archives', '--match-archives', '-P', '--prefix', '--first', '--last'];
/**
 * `borg delete` names a whole repository unless it selects archives: `REPO::ARCHIVE` (Borg 1), a
 * selector flag, or an archive name with the repository given by --repo (Borg 2).
 */
function deletesRepository(a: Args, p: readonly string[]): boolean {
  if (p[0] !== 'delete') return true;
  const names = p.slice(1);
  return !a.has(...BORG_SELECTORS) && !names.some((w) => w.includes('::')) && !(a.has('-r', '--repo') && names.length > 0);
}
const borg = (s: Omit<BackupSpec, 'programs' | 'shape' | 'moreTargets' | 'targetFlags'>): Rule =>
  backup({ ...s, programs: ['borg'], shape: BORG, targetFlags: ['-r', '--repo', ...BORG_SELECTORS], moreTargets: (a) => assigned(a, 'BORG_REPO') });

const KOPIA: CliShape = { valueFlags: new Set(['--config-file', '--password', '--log-level', '--file-log-level']) };
const DUPLICACY: CliShape = { valueFlags: new Set(['-r', '-id', '-t', '-keep', '-storage', '-threads', '-key']) };

const repositoryToolRules: readonly Rule[] = [
  restic({
    id: 'restic.forget-prune',
    programs: ['restic', 'rustic', 'autorestic'],
    paths: [['forget']],
    when: (a) => a.has('--prune') && notDryRun(a),
    severity: 'critical',
    summary: 'Forgets restic snapshots and prunes their data from the repository for good',
    hint: 'Run it with --dry-run first and read which snapshots go, or forget without --prune',
    match: ['restic -r b2:acme-restic:prod forget --keep-within 1d --prune', 'restic forget --keep-daily 7 --keep-weekly 4 --prune', 'RESTIC_REPOSITORY=s3:s3.amazonaws.com/acme-prod-backups restic forget 79766175 --prune', 'autorestic forget -a --prune'],
    noMatch: ['restic -r b2:acme-restic:prod snapshots', 'restic forget --keep-daily 7 --prune -n', 'restic backup /srv/data', 'restic forget --keep-daily 7 --prune --dry-run'],
  }),
  restic({
    id: 'restic.forget',
    programs: ['restic', 'rustic', 'autorestic'],
    paths: [['forget'], ['rewrite'], ['repair', 'snapshots']],
    when: (a, p) => (p[0] === 'forget' ? !a.has('--prune') : a.has('--forget')) && notDryRun(a),
    severity: 'high',
    summary: 'Removes snapshots from a restic repository; their data is deleted at the next prune',
    hint: 'Run it with --dry-run first; until a prune runs, `restic recover` can bring the data back',
    match: ['restic forget --keep-last 3', 'restic -r /srv/restic-repo forget 79766175 a7f3e6d1', 'restic rewrite --forget --exclude /home/alice/.ssh latest', 'restic repair snapshots --forget', 'rustic forget --keep-daily 7'],
    noMatch: ['restic snapshots --host db-prod', 'restic rewrite --exclude /tmp latest', 'restic forget --keep-last 3 -n', 'restic forget --keep-last 3 --prune'],
  }),
  restic({
    id: 'restic.prune',
    programs: ['restic', 'rustic', 'autorestic'],
    paths: [['prune']],
    when: notDryRun,
    severity: 'high',
    summary: 'Deletes every piece of data no restic snapshot references any more, making earlier forgets final',
    hint: 'Run it with --dry-run first and check `restic snapshots` lists what must be kept',
    match: ['restic prune', 'restic -r s3:s3.amazonaws.com/acme-prod-backups prune --max-unused 0'],
    noMatch: ['restic check', 'restic prune -n', 'restic stats --mode raw-data'],
  }),
  restic({
    id: 'restic.key-remove',
    programs: ['restic'],
    paths: [['key', ['remove', 'rm']]],
    severity: 'high',
    summary: 'Removes a password from a restic repository; without a remaining one the backups can never be read',
    hint: 'List the keys first (`restic key list`) and check another password still opens the repository',
    match: ['restic key remove 4a3b2c1d', 'restic -r /srv/restic-repo key rm 5e6f7a8b'],
    noMatch: ['restic key list', 'restic key add', 'restic key passwd'],
  }),
  restic({
    id: 'restic.restore-overwrite',
    programs: ['restic'],
    paths: [['restore']],
    when: (a) => a.has('--delete') || a.value('--target', '-t') === '/',
    severity: 'high',
    summary: 'Restores a restic snapshot over live files (with --delete, removing files the snapshot lacks)',
    hint: 'Restore into an empty directory first and copy back what is needed',
    match: ['restic restore latest --target /srv/app --delete', 'restic restore 79766175 --target /'],
    noMatch: ['restic restore latest --target /tmp/restore', 'restic ls latest'],
  }),
  borg({
    id: 'borg.delete-repository',
    paths: [['delete'], [['rdelete', 'repo-delete']]],
    when: (a, p) => !a.has('--cache-only') && notDryRun(a) && deletesRepository(a, p),
    severity: 'critical',
    summary: 'Deletes a whole Borg repository with every archive in it',
    hint: 'Delete single archives or prune by retention instead, and check the repository path',
    match: ['borg delete /backups/borg', 'borg delete ssh://backup@nas.internal/./prod-db', 'BORG_REPO=/mnt/backup/web-prod borg delete', 'borg -r /backups/borg2 repo-delete'],
    noMatch: ['borg list /backups/borg', 'borg delete /backups/borg::web-2024-05-01', 'borg delete --cache-only /backups/borg', 'borg delete -n /backups/borg'],
  }),
  borg({
    id: 'borg.delete-archive',
    paths: [['delete']],
    when: (a, p) => !a.has('--cache-only') && notDryRun(a) && !deletesRepository(a, p),
    severity: 'critical',
    summary: 'Deletes Borg archives; their data is gone once the repository is compacted',
    hint: 'Run it with --dry-run --list first and check the archive names',
    match: ['borg delete /backups/borg::web-2024-05-01', "borg delete --glob-archives 'web-staging-*' /backups/borg", 'borg -r /backups/borg2 delete web-prod-2024-05-01'],
    noMatch: ['borg info /backups/borg::web-2024-05-01', 'borg delete /backups/borg', "borg delete -n --glob-archives 'web-*' /backups/borg"],
  }),
  borg({
    id: 'borg.prune',
    paths: [['prune']],
    when: notDryRun,
    severity: 'high',
    summary: 'Deletes every Borg archive the retention flags do not keep',
    hint: 'Run it with --dry-run --list first and read which archives go',
    match: ['borg prune --keep-daily 7 --keep-weekly 4 /backups/borg', "borg prune -v --list --glob-archives 'db-prod-*' --keep-last 3 ssh://backup@nas/./repo"],
    noMatch: ['borg prune -n --list --keep-daily 7 /backups/borg', 'borg compact /backups/borg', 'borg create /backups/borg::today /srv'],
  }),
  backup({
    id: 'borgmatic.delete',
    programs: ['borgmatic'],
    shape: { valueFlags: new Set(['-c', '--config', '--repository', '--archive', '-v', '--verbosity']) },
    paths: [[['delete', 'repo-delete', 'rdelete']]],
    severity: 'critical',
    summary: 'Deletes Borg archives or a whole Borg repository through borgmatic',
    hint: 'List the archives first (`borgmatic list`) and prefer pruning by retention',
    targetFlags: ['--repository', '--archive'],
    match: ['borgmatic delete --archive host-2024-05-01T01:00:00', 'borgmatic repo-delete --repository /backups/borg'],
    noMatch: ['borgmatic list', 'borgmatic create --stats', 'borgmatic info --archive latest'],
  }),
  backup({
    id: 'kopia.snapshot-delete',
    programs: ['kopia'],
    shape: KOPIA,
    paths: [['snapshot', 'delete']],
    when: (a) => a.has('--delete'),
    severity: 'critical',
    summary: 'Deletes Kopia snapshots (with --all-snapshots-for-source, every snapshot of a source)',
    hint: 'Run it without --delete first to see what it would delete',
    targetFlags: ['--all-snapshots-for-source'],
    match: ['kopia snapshot delete --all-snapshots-for-source root@db-prod:/var/lib/postgresql --delete', 'kopia snapshot delete kffbb7c28ea6c34d6cbe555d1cf80faa9 --delete'],
    noMatch: ['kopia snapshot delete kffbb7c28ea6c34d6cbe555d1cf80faa9', 'kopia snapshot list', 'kopia snapshot create /var/lib/postgresql'],
  }),
  backup({
    id: 'kopia.snapshot-expire',
    programs: ['kopia'],
    shape: KOPIA,
    paths: [['snapshot', 'expire']],
    when: (a) => a.has('--delete'),
    severity: 'high',
    summary: 'Deletes every Kopia snapshot the retention policy does not keep',
    hint: 'Run it without --delete first to see which snapshots would go',
    match: ['kopia snapshot expire --all --delete', 'kopia snapshot expire /srv/data --delete'],
    noMatch: ['kopia snapshot expire --all', 'kopia policy show --global'],
  }),
  backup({
    id: 'kopia.blob-delete',
    programs: ['kopia'],
    shape: KOPIA,
    paths: [['blob', 'delete']],
    severity: 'high',
    summary: 'Deletes raw blobs from a Kopia repository; snapshots that use them can no longer be restored',
    hint: 'Let maintenance remove unused blobs (`kopia maintenance run`) instead of deleting them by hand',
    match: ['kopia blob delete p0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6'],
    noMatch: ['kopia blob list', 'kopia blob stats'],
  }),
  backup({
    id: 'duplicacy.prune-revisions',
    programs: ['duplicacy'],
    shape: DUPLICACY,
    paths: [['prune']],
    when: (a) => a.has('-r') && !a.has('-dry-run'),
    severity: 'critical',
    summary: 'Deletes the given Duplicacy backup revisions',
    hint: 'Run it with -dry-run first and check the revisions with `duplicacy list`',
    match: ['duplicacy prune -r 344-350', 'duplicacy prune -id web-prod -r 12 -r 13 -exclusive'],
    noMatch: ['duplicacy list -id web-prod', 'duplicacy prune -r 344-350 -dry-run', 'duplicacy prune -keep 0:360'],
  }),
  backup({
    id: 'duplicacy.prune',
    programs: ['duplicacy'],
    shape: DUPLICACY,
    paths: [['prune']],
    when: (a) => !a.has('-r') && !a.has('-dry-run'),
    severity: 'high',
    summary: 'Deletes every Duplicacy revision the -keep policy does not keep (with -exclusive, chunks at once)',
    hint: 'Run it with -dry-run first and read which revisions go',
    match: ['duplicacy prune -keep 0:360 -keep 30:180 -keep 7:30', 'duplicacy prune -all -exhaustive -exclusive'],
    noMatch: ['duplicacy prune -keep 0:360 -dry-run', 'duplicacy backup -stats', 'duplicacy check -all'],
  }),
  backup({
    id: 'rdiff-backup.remove',
    programs: ['rdiff-backup'],
    shape: { valueFlags: new Set(['--remove-older-than', '--older-than', '--api-version']) },
    paths: [[]],
    when: (a, p) => a.has('--remove-older-than') || (p[0] === 'remove' && p[1] === 'increments'),
    severity: 'high',
    summary: 'Deletes rdiff-backup increments older than the given age',
    hint: 'List the increments first (`rdiff-backup list increments DIR`) and keep the ones you may restore from',
    match: ['rdiff-backup --remove-older-than 2W --force /backups/web-prod', 'rdiff-backup remove increments --older-than 1M /backups/db'],
    noMatch: ['rdiff-backup list increments /backups/db', 'rdiff-backup /srv/www /backups/web-prod'],
  }),
];

/* ---------------------------------------------------------------- database backup tools */

const WALG_PROGRAMS = ['wal-g', 'wal-g-pg', 'wal-g-mysql', 'wal-g-mongo', 'wal-g-redis', 'wal-g-fdb', 'wal-g-gp', 'wal-g-sqlserver', 'wal-e'];
const WALG: CliShape = {
  valueFlags: new Set(['--config', '--after', '--s3-prefix', '--wabs-prefix', '--gs-prefix', '--swift-prefix', '--file-prefix', '-k', '--aws-access-key-id']),
};
const walgStore = (a: Args): string[] => [
  ...a.values('--s3-prefix', '--wabs-prefix', '--gs-prefix', '--swift-prefix', '--file-prefix'),
  ...assigned(a, 'WALG_S3_PREFIX', 'WALG_GS_PREFIX', 'WALG_AZ_PREFIX', 'WALG_FILE_PREFIX', 'WALE_S3_PREFIX'),
];
const PG_PROBACKUP = ['pg_probackup', 'pg_probackup-13', 'pg_probackup-14', 'pg_probackup-15', 'pg_probackup-16', 'pg_probackup-17'];
const PG_PROBACKUP_SHAPE: CliShape = { valueFlags: new Set(['-B', '--backup-path', '--instance', '-i', '--backup-id', '--status', '-j', '--threads']) };
const BARMAN: CliShape = {
  valueFlags: new Set(['-c', '--config', '-r', '--retention-policy', '-b', '--backup-id', '--cloud-provider', '--endpoint-url', '-P', '--aws-profile', '--profile', '--batch-size']),
};

const databaseToolRules: readonly Rule[] = [
  {
    id: 'pgbackrest.stanza-delete',
    programs: ['pgbackrest'],
    category: 'backup',
    severity: 'critical',
    summary: 'Deletes a pgBackRest stanza with every backup and archived WAL of the database',
    hint: 'Check the stanza name and copy the repository first; this removes all of its backups',
    match: (a) => a.positionals.includes('stanza-delete'),
    targets: (a) => a.values('--stanza'),
    examples: {
      match: ['pgbackrest --stanza=staging stanza-delete', 'sudo -u postgres pgbackrest --stanza=prod-db --force stanza-delete', 'pgbackrest stanza-delete --stanza main --repo=1'],
      noMatch: ['pgbackrest --stanza=staging stanza-create', 'pgbackrest --stanza=staging check', 'pgbackrest info'],
    },
  },
  {
    id: 'pgbackrest.expire',
    programs: ['pgbackrest'],
    category: 'backup',
    severity: 'high',
    summary: 'Expires pgBackRest backups by a set or retention given on the command line, beyond what the configuration keeps',
    hint: 'Run it with --dry-run first; plain `expire` applies the configured retention',
    // Plain `expire` applies the configured retention, as every backup run does.
    match: (a) => a.positionals.includes('expire') && (a.has('--set') || a.list.some((w) => /^--repo\d*-retention-/.test(w))),
    targets: (a) => a.values('--stanza'),
    examples: {
      match: ['pgbackrest --stanza=main expire --set=20240501-010101F', 'pgbackrest --stanza=prod --repo1-retention-full=1 expire'],
      noMatch: ['pgbackrest --stanza=main expire', 'pgbackrest --stanza=main backup --type=full', 'pgbackrest --stanza=main expire --set=20240501-010101F --dry-run'],
    },
  },
  {
    id: 'pgbackrest.restore-overwrite',
    programs: ['pgbackrest'],
    category: 'backup',
    severity: 'high',
    summary: 'Restores a pgBackRest backup over an existing PostgreSQL data directory (--delta or --force)',
    hint: 'Restore into an empty directory first (--pg1-path), or snapshot the data directory',
    match: (a) => a.positionals.includes('restore') && a.has('--delta', '--force'),
    targets: (a) => a.values('--stanza', '--pg1-path'),
    examples: {
      match: ['pgbackrest --stanza=main --delta restore', 'pgbackrest --stanza=prod --force restore --type=time "--target=2024-05-01 10:00:00"'],
      noMatch: ['pgbackrest --stanza=main restore', 'pgbackrest --stanza=main info'],
    },
  },
  backup({
    id: 'pg-probackup.delete',
    programs: PG_PROBACKUP,
    shape: PG_PROBACKUP_SHAPE,
    paths: [['delete'], ['del-instance']],
    when: (a, p) => p[0] === 'del-instance' || a.has('-i', '--backup-id', '--status'),
    severity: 'critical',
    summary: 'Deletes pg_probackup backups by id or status (del-instance: every backup of the instance)',
    hint: 'Run it with --dry-run first and check the backups with `pg_probackup show`',
    targetFlags: ['--instance'],
    match: ['pg_probackup delete -B /backup --instance prod -i QBRNBP', 'pg_probackup del-instance -B /backup --instance staging'],
    noMatch: ['pg_probackup show -B /backup --instance prod', 'pg_probackup backup -B /backup --instance prod -b FULL'],
  }),
  backup({
    id: 'pg-probackup.delete-expired',
    programs: PG_PROBACKUP,
    shape: PG_PROBACKUP_SHAPE,
    paths: [['delete']],
    when: (a) => !a.has('-i', '--backup-id', '--status'),
    severity: 'high',
    summary: 'Deletes or merges pg_probackup backups and WAL the retention policy does not keep',
    hint: 'Run it with --dry-run first and read which backups go',
    targetFlags: ['--instance'],
    match: ['pg_probackup delete -B /backup --instance prod --delete-expired --retention-redundancy=2', 'pg_probackup delete -B /backup --instance prod --delete-wal'],
    noMatch: ['pg_probackup show -B /backup --instance prod', 'pg_probackup validate -B /backup --instance prod'],
  }),
  backup({
    id: 'wal-g.delete-everything',
    programs: WALG_PROGRAMS,
    shape: WALG,
    paths: [['delete', 'everything']],
    when: (a) => a.has('--confirm'),
    severity: 'critical',
    summary: 'Deletes every WAL-G (or WAL-E) backup and archived WAL in the storage',
    hint: 'Run it without --confirm first (a dry run) and keep a copy of the latest full backup',
    moreTargets: walgStore,
    match: ['wal-g delete everything FORCE --confirm', 'wal-e --s3-prefix=s3://acme-prod-wal/pg delete --confirm everything'],
    noMatch: ['wal-g delete everything FORCE', 'wal-g backup-list', 'wal-e backup-list'],
  }),
  backup({
    id: 'wal-g.delete',
    programs: WALG_PROGRAMS,
    shape: WALG,
    paths: [['delete', ['retain', 'before', 'target', 'garbage', 'old-versions']], ['st', ['rm', 'remove']]],
    when: (a, p) => p[0] === 'st' || a.has('--confirm'),
    severity: 'high',
    summary: 'Deletes WAL-G (or WAL-E) backups and archived WAL older than the given point',
    hint: 'Run it without --confirm first (a dry run) and check `wal-g backup-list`',
    moreTargets: walgStore,
    match: ['wal-g delete before FIND_FULL base_000000010000000000000010 --confirm', 'wal-g delete retain FULL 5 --confirm', 'wal-e delete --confirm retain 5', 'wal-g st rm basebackups_005/base_000000010000000000000010'],
    noMatch: ['wal-g delete retain FULL 5', 'wal-g backup-push /var/lib/postgresql/16/main', 'wal-g st ls basebackups_005'],
  }),
  backup({
    id: 'barman.delete',
    programs: ['barman', 'barman-cloud-backup-delete'],
    shape: BARMAN,
    paths: [[]],
    when: (a, p) => a.program !== 'barman' || p[0] === 'delete',
    severity: 'critical',
    summary: 'Deletes PostgreSQL backups from a Barman catalogue or cloud bucket',
    hint: 'List the backups first (`barman list-backups`) and keep the last full one; let the retention policy expire the rest',
    targetFlags: ['-b', '--backup-id'],
    match: ['barman delete pg-prod 20240501T010101', 'barman delete pg-staging oldest', 'barman-cloud-backup-delete -b 20240501T010101 s3://acme-prod-barman pg-main', 'barman-cloud-backup-delete -r "RECOVERY WINDOW OF 7 DAYS" s3://acme-barman pg'],
    noMatch: ['barman list-backups pg-prod', 'barman backup pg-prod', 'barman check all'],
  }),
];

/* ---------------------------------------------------------------- archives: Tarsnap, Duplicity, Proxmox Backup */

const TARSNAP: CliShape = { valueFlags: new Set(['-f', '--keyfile', '--cachedir', '--configfile', '-C']) };
const DUPLICITY: CliShape = {
  valueFlags: new Set([
    '--name', '--archive-dir', '--encrypt-key', '--sign-key', '--gpg-options', '--file-to-restore', '-t', '--time',
    '--exclude', '--include', '--log-file', '--tempdir', '--ssh-options', '--volsize', '--full-if-older-than', '-v', '--verbosity',
  ]),
};
const PBS: CliShape = { valueFlags: new Set(['--repository', '--keyfile', '--ns', '--output-format', '--group']) };

const archiveRules: readonly Rule[] = [
  backup({
    id: 'tarsnap.delete',
    programs: ['tarsnap'],
    shape: TARSNAP,
    paths: [[]],
    when: (a) => a.has('-d', '--nuke'),
    severity: 'critical',
    summary: 'Deletes Tarsnap archives (with --nuke, every archive of the key)',
    hint: 'List the archives first (`tarsnap --list-archives`) and check each name',
    targetFlags: ['-f'],
    match: ['tarsnap -d -f nightly-2024-05-01', 'tarsnap --nuke', 'tarsnap --keyfile /root/tarsnap.key -d -f db-prod-20240501 -f db-prod-20240502'],
    noMatch: ['tarsnap -c -f nightly /home', 'tarsnap --list-archives', 'tarsnap -t -f nightly', 'tarsnap -x -f nightly'],
  }),
  backup({
    id: 'duplicity.remove',
    programs: ['duplicity'],
    shape: DUPLICITY,
    paths: [[['remove-older-than', 'remove-all-but-n-full', 'remove-all-inc-of-but-n-full']]],
    // Without --force these only list what they would delete.
    when: (a) => a.has('--force'),
    severity: 'high',
    summary: 'Deletes Duplicity backup sets older than the given age or count',
    hint: 'Run it without --force first: it then only lists what it would delete',
    match: ['duplicity remove-older-than 6M --force s3://s3.amazonaws.com/acme-prod-backups/db', 'duplicity remove-all-but-n-full 2 --force b2://keyid:appkey@acme-backups/host', 'duplicity remove-all-inc-of-but-n-full 1 --force file:///mnt/backup'],
    noMatch: ['duplicity remove-older-than 6M s3://s3.amazonaws.com/acme-prod-backups/db', 'duplicity collection-status file:///mnt/backup', 'duplicity full /home file:///mnt/backup'],
  }),
  backup({
    id: 'duply.purge',
    programs: ['duply'],
    shape: { valueFlags: new Set() },
    paths: [[]],
    when: (a, p) => (p[1] ?? '').includes('purge') && a.has('--force'),
    severity: 'high',
    summary: 'Deletes old Duplicity backup sets of a duply profile',
    hint: 'Run the purge without --force first: it then only lists what it would delete',
    match: ['duply prod purge --force', 'duply web purgeFull --force', 'duply db backup_purge --force'],
    noMatch: ['duply prod purge', 'duply prod backup', 'duply prod status'],
  }),
  backup({
    id: 'proxmox-backup.forget',
    programs: ['proxmox-backup-client', 'proxmox-backup-manager'],
    shape: PBS,
    paths: [['snapshot', 'forget'], ['forget'], ['datastore', 'remove']],
    when: (a, p) => p[0] !== 'datastore' || a.has('--destroy-data'),
    severity: 'critical',
    summary: 'Deletes a Proxmox Backup Server snapshot, or a whole datastore with its data',
    hint: 'Let prune jobs expire snapshots, and check the snapshot path with `proxmox-backup-client snapshot list`',
    targetFlags: ['--repository'],
    match: ['proxmox-backup-client snapshot forget host/db-prod/2024-05-01T01:00:00Z --repository backup@pbs@pbs.internal:store1', 'proxmox-backup-manager datastore remove store1 --destroy-data'],
    noMatch: ['proxmox-backup-client snapshot list --repository backup@pbs@pbs.internal:store1', 'proxmox-backup-manager datastore remove store1', 'proxmox-backup-client backup root.pxar:/'],
  }),
  backup({
    id: 'proxmox-backup.prune',
    programs: ['proxmox-backup-client'],
    shape: PBS,
    paths: [['prune']],
    severity: 'high',
    summary: 'Deletes every Proxmox Backup Server snapshot of a group that the retention flags do not keep',
    hint: 'Run it with --dry-run first and read which snapshots go',
    targetFlags: ['--repository'],
    match: ['proxmox-backup-client prune host/db-prod --keep-daily 7 --repository backup@pbs@pbs.internal:store1'],
    noMatch: ['proxmox-backup-client list --repository backup@pbs@pbs.internal:store1', 'proxmox-backup-client prune host/db-prod --keep-daily 7 --dry-run'],
  }),
];

/* ---------------------------------------------------------------- managed cloud backups and snapshots */

const DOCTL: CliShape = { valueFlags: new Set(['--access-token', '-t', '--output', '-o', '--config', '-c', '--context', '--api-url', '-u', '--format']) };
const truthy = (v: string | undefined): boolean => /^(true|yes|y|1)$/i.test(v ?? '');
const deletesBackupData = (a: Args): boolean => truthy(a.value('--delete-backup-data'));

const cloudRules: readonly Rule[] = [
  backup({
    id: 'aws.snapshot-delete',
    programs: ['aws'],
    shape: AWS,
    paths: [
      ['rds', 'delete-db-cluster-automated-backup'],
      ['redshift', ['delete-cluster-snapshot', 'batch-delete-cluster-snapshots']],
      ['elasticache', ['delete-snapshot', 'delete-serverless-cache-snapshot']],
      ['memorydb', 'delete-snapshot'],
      ['dynamodb', 'delete-backup'],
      ['fsx', ['delete-backup', 'delete-snapshot']],
      ['lightsail', ['delete-instance-snapshot', 'delete-disk-snapshot', 'delete-relational-database-snapshot', 'delete-auto-snapshot']],
      ['ec2', 'deregister-image'],
    ],
    when: (a, p) => p[1] !== 'deregister-image' || a.has('--delete-associated-snapshots'),
    severity: 'critical',
    summary: 'Deletes a managed database, cache or server snapshot or backup, which cannot be restored afterwards',
    hint: 'Copy the snapshot to another account or region first, or let the retention policy expire it',
    targetFlags: [
      '--snapshot-identifier', '--snapshot-name', '--backup-arn', '--backup-id', '--snapshot-id', '--instance-snapshot-name',
      '--disk-snapshot-name', '--relational-database-snapshot-name', '--resource-name', '--db-cluster-resource-id',
    ],
    match: [
      'aws dynamodb delete-backup --backup-arn arn:aws:dynamodb:us-east-1:123456789012:table/orders-prod/backup/01489173575360-b308cd7d',
      'aws redshift delete-cluster-snapshot --snapshot-identifier warehouse-prod-2024-05-01',
      'aws elasticache delete-snapshot --snapshot-name sessions-prod-nightly',
      'aws lightsail delete-instance-snapshot --instance-snapshot-name web-prod-1714521600',
      'aws fsx delete-backup --backup-id backup-0123456789abcdef0',
      'aws ec2 deregister-image --image-id ami-0abcdef1234567890 --delete-associated-snapshots',
    ],
    noMatch: ['aws dynamodb list-backups --table-name orders-prod', 'aws redshift create-cluster-snapshot --cluster-identifier warehouse-prod --snapshot-identifier s1', 'aws lightsail get-instance-snapshots', 'aws elasticache describe-snapshots'],
  }),
  backup({
    id: 'aws.backup-protection-remove',
    programs: ['aws'],
    shape: AWS,
    paths: [
      ['backup', ['delete-backup-selection', 'delete-backup-vault-lock-configuration', 'disassociate-recovery-point']],
      ['ec2', ['deregister-image', 'unlock-snapshot']], ['rbin', 'delete-rule'], ['dlm', 'delete-lifecycle-policy'],
    ],
    when: (a, p) => p[1] !== 'deregister-image' || !a.has('--delete-associated-snapshots'),
    severity: 'high',
    summary: 'Removes backup protection: an AWS Backup selection or vault lock, a snapshot schedule or lock, a Recycle Bin rule or an AMI',
    hint: 'Check what the plan, policy or rule protects first and put the replacement in place before removing it',
    targetFlags: ['--backup-plan-id', '--selection-id', '--backup-vault-name', '--recovery-point-arn', '--image-id', '--snapshot-id', '--identifier', '--policy-id'],
    match: [
      'aws backup delete-backup-selection --backup-plan-id 8a5c-4e2b --selection-id 52a3-9f1c',
      'aws backup delete-backup-vault-lock-configuration --backup-vault-name prod-vault',
      'aws ec2 deregister-image --image-id ami-0abcdef1234567890',
      'aws rbin delete-rule --identifier a12bc34de56',
      'aws dlm delete-lifecycle-policy --policy-id policy-0123456789abcdef0',
    ],
    noMatch: ['aws backup list-backup-selections --backup-plan-id 8a5c-4e2b', 'aws ec2 describe-images --owners self', 'aws dlm get-lifecycle-policies'],
  }),
  backup({
    id: 'aws.disable-backups',
    programs: ['aws'],
    shape: AWS,
    paths: [['rds', 'modify-db-instance'], ['dynamodb', 'update-continuous-backups']],
    when: (a, p) => (p[0] === 'rds'
      ? a.value('--backup-retention-period') === '0'
      : /PointInTimeRecoveryEnabled["']?\s*[=:]\s*false/i.test(a.value('--point-in-time-recovery-specification') ?? '')),
    severity: 'critical',
    summary: 'Turns off automated backups or point-in-time recovery, deleting the backups and recovery window already kept',
    hint: 'Take a manual snapshot first and keep backups on for production databases',
    targetFlags: ['--db-instance-identifier', '--table-name'],
    match: [
      'aws rds modify-db-instance --db-instance-identifier orders-prod --backup-retention-period 0 --apply-immediately',
      'aws dynamodb update-continuous-backups --table-name orders-prod --point-in-time-recovery-specification PointInTimeRecoveryEnabled=false',
    ],
    noMatch: [
      'aws rds modify-db-instance --db-instance-identifier orders-prod --backup-retention-period 14',
      'aws dynamodb update-continuous-backups --table-name orders-prod --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true',
      'aws rds describe-db-instances --db-instance-identifier orders-prod',
    ],
  }),
  backup({
    id: 'gcloud.backups-delete',
    programs: ['gcloud'],
    shape: GCLOUD,
    paths: [
      [['sql', 'filestore', 'spanner', 'bigtable', 'alloydb', 'firestore'], 'backups', 'delete'],
      ['compute', 'machine-images', 'delete'],
      ['container', 'backup-restore', 'backups', 'delete'],
      ['backup-dr', ['backup-vaults', 'backups'], 'delete'],
    ],
    severity: 'critical',
    summary: 'Deletes a Google Cloud backup (Cloud SQL, Filestore, Spanner, Bigtable, AlloyDB, Firestore, GKE, Backup and DR) or machine image',
    hint: 'Let the retention policy expire it, or restore it somewhere first to check it is no longer needed',
    targetFlags: ['--instance', '--cluster', '--backup-vault', '--backup-plan'],
    match: ['gcloud sql backups delete 1714521600000 --instance=orders-prod', 'gcloud spanner backups delete nightly --instance=ledger-prod', 'gcloud compute machine-images delete web-prod-image --quiet', 'gcloud container backup-restore backups delete b1 --backup-plan=prod-plan --location=us-central1'],
    noMatch: ['gcloud sql backups list --instance=orders-prod', 'gcloud sql backups create --instance=orders-prod', 'gcloud spanner backups describe nightly --instance=ledger-prod'],
  }),
  backup({
    id: 'gcloud.backup-schedules-delete',
    programs: ['gcloud'],
    shape: GCLOUD,
    paths: [
      ['container', 'backup-restore', 'backup-plans', 'delete'], ['firestore', 'backups', 'schedules', 'delete'],
      ['backup-dr', ['backup-plans', 'backup-plan-associations'], 'delete'], ['sql', 'instances', 'patch'],
    ],
    when: (a, p) => p[0] !== 'sql' || a.has('--no-backup'),
    severity: 'high',
    summary: 'Stops Google Cloud backups: deletes a backup plan or schedule, or turns off a Cloud SQL instance\'s automated backups',
    hint: 'Put the replacement plan in place first and keep automated backups on for production instances',
    targetFlags: ['--location', '--database'],
    match: ['gcloud sql instances patch orders-prod --no-backup', 'gcloud container backup-restore backup-plans delete prod-plan --location=us-central1', 'gcloud firestore backups schedules delete --database=prod-db --backup-schedule=daily'],
    noMatch: ['gcloud sql instances patch orders-prod --backup-start-time=02:00', 'gcloud container backup-restore backup-plans list --location=us-central1'],
  }),
  backup({
    id: 'gcloud.restore-overwrite',
    programs: ['gcloud'],
    shape: GCLOUD,
    paths: [['sql', 'backups', 'restore'], ['sql', 'instances', 'restore-backup'], ['filestore', 'instances', 'restore']],
    severity: 'critical',
    summary: 'Restores a backup over a Cloud SQL instance or Filestore share; its current data is overwritten',
    hint: 'Restore into a new instance first, or back the target up before overwriting it',
    targetFlags: ['--restore-instance', '--backup-instance', '--file-share', '--source-backup'],
    match: ['gcloud sql backups restore 1714521600000 --restore-instance=orders-prod', 'gcloud filestore instances restore nfs-prod --file-share=vol1 --source-backup=nightly --zone=us-central1-c'],
    noMatch: ['gcloud sql backups describe 1714521600000 --instance=orders-prod', 'gcloud filestore instances describe nfs-prod --zone=us-central1-c'],
  }),
  backup({
    id: 'az.backup-delete',
    programs: ['az'],
    shape: AZ,
    paths: [
      ['backup', 'vault', 'delete'], ['backup', 'protection', 'disable'],
      ['dataprotection', ['backup-instance', 'backup-vault'], 'delete'],
      ['restore-point', 'delete'], ['restore-point', 'collection', 'delete'],
      ['sql', ['db', 'midb'], 'ltr-backup', 'delete'], ['postgres', 'flexible-server', 'backup', 'delete'],
    ],
    when: (a, p) => p[1] !== 'protection' || deletesBackupData(a),
    severity: 'critical',
    summary: 'Deletes Azure backups: a Recovery Services or Backup vault, an item\'s backup data, restore points or long-term backups',
    hint: 'Keep soft delete on for the vault and stop protection while retaining the data instead',
    targetFlags: ['--vault-name', '-v', '--name', '-n', '--item-name', '-i', '--backup-instance-name', '--server', '-s', '--collection-name', '--backup-name'],
    match: [
      'az backup vault delete --name rsv-prod --resource-group rg-prod --force --yes',
      'az backup protection disable --vault-name rsv-prod -g rg-prod -c vm-web -i vm-web --backup-management-type AzureIaasVM --delete-backup-data true --yes',
      'az dataprotection backup-instance delete --vault-name bv-prod -g rg-prod -n pg-orders --yes',
      'az sql db ltr-backup delete -l westeurope -s sql-prod -d orders -n "1234;5678" --yes',
    ],
    noMatch: ['az backup vault list -g rg-prod', 'az backup protection disable --vault-name rsv-prod -g rg-prod -c vm-web -i vm-web --delete-backup-data false', 'az backup recoverypoint list --vault-name rsv-prod -g rg-prod -c vm-web -i vm-web'],
  }),
  backup({
    id: 'az.backup-protection-disable',
    programs: ['az'],
    shape: AZ,
    paths: [
      ['backup', 'protection', 'disable'], ['backup', 'policy', 'delete'], ['dataprotection', 'backup-policy', 'delete'],
      ['backup', 'vault', 'backup-properties', 'set'],
    ],
    when: (a, p) => (p[1] === 'protection' ? !deletesBackupData(a)
      : p[1] !== 'vault' || /^disable/i.test(a.value('--soft-delete-feature-state') ?? '')),
    severity: 'high',
    summary: 'Stops Azure Backup protecting an item, deletes a backup policy, or turns off a vault\'s soft delete',
    hint: 'Move the items to another policy first; stopped protection keeps the existing recovery points',
    targetFlags: ['--vault-name', '-v', '--name', '-n', '--item-name', '-i'],
    match: ['az backup protection disable --vault-name rsv-prod -g rg-prod -c vm-web -i vm-web --yes', 'az backup policy delete --vault-name rsv-prod -g rg-prod -n DailyPolicy', 'az backup vault backup-properties set -n rsv-prod -g rg-prod --soft-delete-feature-state Disable'],
    noMatch: ['az backup policy list --vault-name rsv-prod -g rg-prod', 'az backup protection enable-for-vm --vault-name rsv-prod -g rg-prod --vm web --policy-name DailyPolicy', 'az backup vault backup-properties set -n rsv-prod -g rg-prod --backup-storage-redundancy GeoRedundant'],
  }),
  backup({
    id: 'doctl.image-delete',
    programs: ['doctl'],
    shape: DOCTL,
    paths: [[['compute', 'c'], 'image', ['delete', 'd', 'del', 'rm']]],
    severity: 'critical',
    summary: 'Deletes a DigitalOcean image: a Droplet snapshot, backup or custom image',
    hint: 'Check the image with `doctl compute image get` first and keep another snapshot',
    match: ['doctl compute image delete 7555620 --force', 'doctl c image rm 12345678'],
    noMatch: ['doctl compute image list-user', 'doctl compute image get 7555620', 'doctl compute image create web --image-url https://x/y.img --region nyc3'],
  }),
  backup({
    id: 'doctl.disable-backups',
    programs: ['doctl'],
    shape: DOCTL,
    paths: [[['compute', 'c'], 'droplet-action', 'disable-backups']],
    severity: 'high',
    summary: 'Turns off a DigitalOcean Droplet\'s automatic backups',
    hint: 'Take a snapshot first (`doctl compute droplet-action snapshot`) and keep backups on for production Droplets',
    match: ['doctl compute droplet-action disable-backups 386734086'],
    noMatch: ['doctl compute droplet-action enable-backups 386734086', 'doctl compute droplet-action snapshot 386734086 --snapshot-name pre-upgrade'],
  }),
  backup({
    id: 'hcloud.backups-delete',
    programs: ['hcloud'],
    shape: { valueFlags: new Set(['--context', '--config', '-o', '--output']) },
    paths: [['image', 'delete'], ['server', 'disable-backup']],
    severity: 'critical',
    summary: 'Deletes a Hetzner Cloud snapshot or backup image, or turns a server\'s backups off, deleting them all',
    hint: 'Check the image with `hcloud image describe` first and keep another snapshot of the server',
    match: ['hcloud image delete 4711', 'hcloud server disable-backup web-prod-1', 'hcloud --context prod image delete db-snapshot-2024-05-01'],
    noMatch: ['hcloud image list --type snapshot', 'hcloud server create-image web-prod-1 --type snapshot', 'hcloud server enable-backup web-prod-1'],
  }),
  backup({
    id: 'linode.backups-delete',
    programs: ['linode-cli', 'linode', 'lin'],
    shape: { valueFlags: new Set(['--as-user', '--format', '--text', '--json']) },
    paths: [['images', ['delete', 'rm']], ['linodes', 'backups-cancel']],
    severity: 'critical',
    summary: 'Deletes a Linode image, or cancels a Linode\'s backup service, which deletes all its backups',
    hint: 'Take a manual snapshot first (`linode-cli linodes snapshot`) and check the id',
    match: ['linode-cli images delete private/15016742', 'linode-cli linodes backups-cancel 123456'],
    noMatch: ['linode-cli images list --is_public false', 'linode-cli linodes backups-list 123456', 'linode-cli linodes backups-enable 123456'],
  }),
];

/* ---------------------------------------------------------------- the OS's own: Time Machine, Timeshift, Snapper, Windows */

const NONE: CliShape = { valueFlags: new Set() };

const osRules: readonly Rule[] = [
  backup({
    id: 'tmutil.delete',
    programs: ['tmutil'],
    shape: { valueFlags: new Set(['-d', '-t', '-p']) },
    paths: [['delete']],
    severity: 'critical',
    summary: 'Deletes Time Machine backups from the backup disk',
    hint: 'Let Time Machine thin old backups itself, and check the path with `tmutil listbackups`',
    targetFlags: ['-d', '-t', '-p'],
    match: ['sudo tmutil delete -d /Volumes/TimeMachine -t 2024-05-01-120000', 'tmutil delete /Volumes/Backup/Backups.backupdb/mac/2024-05-01-120000'],
    noMatch: ['tmutil listbackups', 'tmutil startbackup', 'tmutil latestbackup'],
  }),
  backup({
    id: 'tmutil.backups-off',
    programs: ['tmutil'],
    shape: NONE,
    paths: [[['disable', 'removedestination', 'deletelocalsnapshots', 'thinlocalsnapshots']]],
    severity: 'high',
    summary: 'Turns Time Machine off, removes a backup destination, or deletes local snapshots',
    hint: 'Check `tmutil destinationinfo` and `tmutil listlocalsnapshots /` first',
    match: ['sudo tmutil disable', 'tmutil deletelocalsnapshots 2024-05-01-120000', 'sudo tmutil removedestination 6B3C1A2E-4F5D-4C6B-9A8E', 'tmutil thinlocalsnapshots / 10000000000 4'],
    noMatch: ['tmutil enable', 'tmutil listlocalsnapshots /', 'tmutil destinationinfo'],
  }),
  backup({
    id: 'timeshift.delete-all',
    programs: ['timeshift'],
    shape: NONE,
    paths: [[]],
    when: (a) => a.has('--delete-all'),
    severity: 'critical',
    summary: 'Deletes every Timeshift system snapshot',
    hint: 'Delete single snapshots (`timeshift --delete --snapshot NAME`) and keep the latest',
    match: ['sudo timeshift --delete-all', 'timeshift --delete-all --scripted'],
    noMatch: ['timeshift --list', 'timeshift --create --comments "before upgrade"'],
  }),
  backup({
    id: 'timeshift.delete',
    programs: ['timeshift'],
    shape: NONE,
    paths: [[]],
    when: (a) => a.has('--delete') && !a.has('--delete-all'),
    severity: 'high',
    summary: 'Deletes a Timeshift system snapshot',
    hint: 'Check the snapshot name with `timeshift --list` first',
    match: ["sudo timeshift --delete --snapshot '2024-05-01_10-00-01'", 'timeshift --delete --snapshot-device /dev/sdb1'],
    noMatch: ['timeshift --list', 'timeshift --check'],
  }),
  backup({
    id: 'timeshift.restore',
    programs: ['timeshift'],
    shape: NONE,
    paths: [[]],
    when: (a) => a.has('--restore'),
    severity: 'high',
    summary: 'Restores a Timeshift snapshot over the running system (files and settings since then are lost)',
    hint: 'Create a snapshot of the current state first (`timeshift --create`)',
    match: ["sudo timeshift --restore --snapshot '2024-05-01_10-00-01' --scripted", 'timeshift --restore'],
    noMatch: ['timeshift --list', 'timeshift --create'],
  }),
  backup({
    id: 'snapper.delete',
    programs: ['snapper'],
    shape: { valueFlags: new Set(['-c', '--config', '-r', '--root']) },
    paths: [[['delete', 'remove', 'rm']]],
    severity: 'high',
    summary: 'Deletes Snapper (btrfs) snapshots',
    hint: 'Check the numbers with `snapper list` first and keep the pre/post pair of the last change',
    match: ['sudo snapper delete 42', 'snapper -c home delete 10-20', 'snapper --config root rm --sync 3 4 5'],
    noMatch: ['snapper list', 'snapper -c home create --description "before upgrade"', 'snapper status 41..42'],
  }),
  backup({
    id: 'vssadmin.delete-shadows',
    programs: ['vssadmin', 'wmic'],
    shape: NONE,
    paths: [['delete', 'shadows'], ['shadowcopy', 'delete']],
    severity: 'critical',
    summary: 'Deletes Windows Volume Shadow Copies, the restore points of files and the system',
    hint: 'List them first (`vssadmin list shadows`) and delete only the oldest one (/oldest)',
    match: ['vssadmin delete shadows /all /quiet', 'vssadmin.exe Delete Shadows /For=C: /Oldest', 'wmic shadowcopy delete'],
    noMatch: ['vssadmin list shadows', 'vssadmin list shadowstorage', 'wmic shadowcopy list brief'],
  }),
  backup({
    id: 'wbadmin.delete',
    programs: ['wbadmin'],
    shape: NONE,
    paths: [['delete', ['catalog', 'backup', 'systemstatebackup']]],
    severity: 'critical',
    summary: 'Deletes Windows Server backups or the backup catalog',
    hint: 'List them first (`wbadmin get versions`) and keep the most recent (-keepVersions)',
    match: ['wbadmin delete catalog -quiet', 'wbadmin delete backup -deleteOldest', 'wbadmin delete systemstatebackup -keepVersions:3'],
    noMatch: ['wbadmin get versions', 'wbadmin start backup -backupTarget:E: -include:C:'],
  }),
];

export const backupsRules: readonly Rule[] = [
  ...veleroRules, ...repositoryToolRules, ...databaseToolRules, ...archiveRules, ...cloudRules, ...osRules,
];
