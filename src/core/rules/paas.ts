// Platform-as-a-service and hosted-database CLIs: Railway, Heroku, Fly.io, Vercel, Netlify,
// Firebase, Supabase, PlanetScale, Neon, Turso, InfluxDB. Deleting a project, app, volume or
// database there takes the data with it; Railway's `variables` prints every credential.
import type { Args } from './args';
import type { Rule } from './types';

const DELETE = ['delete', 'rm', 'remove'];
const DESTROY = ['destroy', 'delete', 'rm', 'remove'];

function first(a: Args): string {
  return (a.positionals[0] ?? '').toLowerCase();
}

function second(a: Args): string {
  return (a.positionals[1] ?? '').toLowerCase();
}

/** Distinct non-empty names, in order. */
function nonEmpty(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v.length > 0))];
}

/** Heroku commands are `topic:command`, or `topic command` in newer CLIs. */
function heroku(a: Args, commands: readonly string[]): boolean {
  const p0 = first(a);
  return commands.includes(p0) || commands.includes(`${p0}:${second(a)}`);
}

function herokuOperands(a: Args): string[] {
  const p0 = first(a);
  const skip = p0.includes(':') || a.positionals.length < 2 ? 1 : 2;
  return nonEmpty([...a.positionals.slice(skip), ...a.values('--confirm', '-c')]);
}

const RAILWAY_VARIABLES = ['variables', 'variable', 'vars', 'var'];
const RAILWAY_VARIABLE_DELETES = ['delete', 'rm', 'remove', 'unset'];
const RAILWAY_VARIABLE_WRITES = ['set', ...RAILWAY_VARIABLE_DELETES];
const RAILWAY_VARIABLE_DELETE_FLAGS = ['--remove', '--unset', '--delete'];

/** `railway variables --set NAME=` or `railway variables set NAME=`: a variable set to nothing. */
function railwayBlanks(a: Args): boolean {
  const blank = (w: string): boolean => /^[A-Za-z_][\w.-]*=\s*$/.test(w);
  return a.values('--set').some(blank) || (second(a) === 'set' && a.positionals.slice(2).some(blank));
}

const ENV_REMOVE_HINT = 'Copy the value somewhere safe first and check the app and environment; the app may fail on its next restart or deploy';

export const paasRules: readonly Rule[] = [
  // --- Dokku and Cloud Foundry ----------------------------------------------------------------
  {
    id: 'dokku.destroy',
    programs: ['dokku'],
    category: 'paas',
    severity: 'critical',
    summary: 'Destroys a Dokku app or a database/service it links (postgres:destroy, redis:destroy…), data included',
    hint: 'Export the service first (dokku postgres:export) and check which server the command goes to',
    match: (a) => /^(?:[\w-]+:destroy|apps:destroy|[\w-]+:unlink|storage:unmount)$/.test(first(a)) || first(a) === 'ps:stop',
    targets: (a) => nonEmpty(a.positionals.slice(1)),
    examples: {
      match: ['ssh dokku@prod.acme.io postgres:destroy acme-db --force', 'dokku apps:destroy web-prod --force', 'dokku redis:unlink cache web'],
      noMatch: ['dokku apps:list', 'ssh dokku@prod.acme.io postgres:info acme-db', 'dokku ps:restart web'],
    },
  },
  {
    id: 'cf.delete',
    programs: ['cf'],
    category: 'paas',
    severity: 'high',
    summary: 'Deletes a Cloud Foundry app, service instance, route, space or org (with -r, its routes too)',
    hint: 'Stop the app instead (cf stop) until you are sure, and back up any bound service first',
    match: (a) => /^(?:delete(?:-service|-service-key|-space|-org|-route|-orphaned-routes|-buildpack|-domain|-shared-domain|-private-domain)?|purge-service-instance|purge-service-offering)$/.test(first(a)),
    targets: (a) => nonEmpty(a.positionals.slice(1)),
    examples: {
      match: ['cf delete acme-api-prod -f -r', 'cf delete-service orders-db -f', 'cf delete-space staging -o acme -f', 'cf purge-service-instance legacy-db'],
      noMatch: ['cf apps', 'cf push acme-api', 'cf services', 'cf stop acme-api'],
    },
  },
  // --- Railway --------------------------------------------------------------------------------
  {
    id: 'railway.volume-delete',
    programs: ['railway'],
    category: 'paas',
    severity: 'critical',
    summary: 'Deletes a Railway volume and the backups stored with it',
    hint: 'Take a volume backup in the Railway dashboard first, and delete from the dashboard where the environment is shown',
    match: (a) => a.sub(['volume', 'volumes'], DELETE),
    targets: (a) => nonEmpty([...a.after(['volume', 'volumes'], DELETE), ...a.values('--volume', '-v')]),
    examples: {
      match: ['railway volume delete pg-data', 'railway volume delete --volume pg-data -e production', 'sudo railway volume rm x'],
      noMatch: ['railway volume list', 'railway volume add --mount-path /data', 'railway volumes'],
    },
  },
  {
    id: 'railway.project-delete',
    programs: ['railway'],
    category: 'paas',
    severity: 'critical',
    summary: 'Deletes a Railway project with every service, volume and database in it',
    hint: 'Back up the project\'s databases and volumes first and delete it from the dashboard where its environments are shown',
    match: (a) => DELETE.includes(first(a)) || (first(a) === 'project' && DELETE.includes(second(a))),
    targets: (a) => a.values('--project', '-p'),
    examples: {
      match: ['railway delete --project rentals-prod --yes', 'railway rm -y', 'railway project delete -p acme-api'],
      noMatch: ['railway variables delete API_KEY', 'railway project list', 'railway environment delete preview-12'],
    },
  },
  {
    id: 'railway.environment-delete',
    programs: ['railway'],
    category: 'paas',
    severity: 'critical',
    summary: 'Deletes a Railway environment with its services, volumes and databases',
    hint: 'Back up the environment\'s databases and volumes first and check the name in the dashboard',
    match: (a) => ['environment', 'env'].includes(first(a)) && DELETE.includes(second(a)),
    targets: (a) => a.positionals.slice(2),
    examples: {
      match: ['railway environment delete production', 'railway env rm staging --yes', 'railway environment remove pr-42'],
      noMatch: ['railway environment new preview', 'railway environment production', 'railway env'],
    },
  },
  {
    id: 'railway.service-delete',
    programs: ['railway'],
    category: 'paas',
    severity: 'critical',
    summary: 'Deletes a Railway service with its deployments and attached data',
    hint: 'Back up any volume or database the service holds and delete it from the dashboard where the environment is shown',
    match: (a) => first(a) === 'service' && DELETE.includes(second(a)),
    targets: (a) => nonEmpty([...a.positionals.slice(2), ...a.values('--service', '-s')]),
    examples: {
      match: ['railway service delete api', 'railway service rm --service worker -y'],
      noMatch: ['railway service status', 'railway service link api'],
    },
  },
  {
    id: 'railway.down',
    programs: ['railway'],
    category: 'paas',
    severity: 'high',
    summary: 'Removes the latest Railway deployment of a service, taking it offline',
    hint: 'Check the service and environment with railway status first; redeploy with railway redeploy if needed',
    match: (a) => first(a) === 'down',
    targets: (a) => a.values('--service', '-s'),
    examples: {
      match: ['railway down', 'railway down --service backend -e production -y'],
      noMatch: ['railway up', 'railway status'],
    },
  },
  {
    id: 'railway.variables-read',
    programs: ['railway'],
    category: 'secrets',
    severity: 'high',
    summary: 'Prints a Railway service\'s variables, database passwords and API keys included',
    hint: 'Read a single non-secret variable in the dashboard, or run the program with railway run so the values never reach the transcript',
    match: (a) => RAILWAY_VARIABLES.includes(first(a)) &&
      !RAILWAY_VARIABLE_WRITES.includes(second(a)) && !a.has('--set', '--set-from-stdin', ...RAILWAY_VARIABLE_DELETE_FLAGS),
    targets: (a) => a.values('--service', '-s'),
    examples: {
      match: ['railway variables', 'railway variables --kv -s api', 'railway variables --json --environment production'],
      noMatch: ['railway variables --set "FEATURE_X=1"', 'railway variables set LOG_LEVEL=debug', 'railway status', 'railway variables delete API_KEY'],
    },
  },
  {
    id: 'railway.variables-delete',
    programs: ['railway'],
    category: 'paas',
    severity: 'high',
    summary: 'Deletes a Railway service variable or sets it to an empty value; the service loses the value on its next deploy',
    hint: ENV_REMOVE_HINT,
    match: (a) => RAILWAY_VARIABLES.includes(first(a)) &&
      (RAILWAY_VARIABLE_DELETES.includes(second(a)) || a.has(...RAILWAY_VARIABLE_DELETE_FLAGS) || railwayBlanks(a)),
    targets: (a) => nonEmpty([...a.values('--service', '-s', '--environment', '-e')]),
    examples: {
      match: ['railway variables delete DATABASE_URL', 'railway variable delete STRIPE_KEY -s api -e production', 'railway variables --remove FEATURE_FLAG', 'railway variables --set DATABASE_URL= -e production', 'railway variables set STRIPE_KEY= -s api'],
      noMatch: ['railway variables', 'railway variables --set "LOG_LEVEL=debug"', 'railway variables set LOG_LEVEL=debug', 'railway variables --set A=1'],
    },
  },

  // --- Heroku ---------------------------------------------------------------------------------
  {
    id: 'heroku.apps-destroy',
    programs: ['heroku'],
    category: 'paas',
    severity: 'critical',
    summary: 'Permanently destroys a Heroku app with its add-ons and config',
    hint: 'Capture a database backup (heroku pg:backups:capture) first; use heroku maintenance:on or ps:scale to take it offline instead',
    match: (a) => heroku(a, ['apps:destroy', 'destroy']),
    targets: herokuOperands,
    examples: {
      match: ['heroku apps:destroy rentals-prod --confirm rentals-prod', 'heroku destroy -a acme-staging', 'heroku apps destroy --app acme-api'],
      noMatch: ['heroku apps:info -a rentals-prod', 'heroku apps', 'heroku apps:create acme-api'],
    },
  },
  {
    id: 'heroku.addons-destroy',
    programs: ['heroku'],
    category: 'paas',
    severity: 'critical',
    summary: 'Permanently destroys a Heroku add-on such as a Postgres or Redis database and its data',
    hint: 'Capture a backup (heroku pg:backups:capture) first and check the add-on name with heroku addons',
    match: (a) => heroku(a, ['addons:destroy', 'addons:remove', 'addons:rm']),
    targets: herokuOperands,
    examples: {
      match: ['heroku addons:destroy heroku-postgresql -a rentals-prod', 'heroku addons:remove redis-cubed-123 --confirm acme'],
      noMatch: ['heroku addons -a rentals-prod', 'heroku addons:create heroku-redis:mini'],
    },
  },
  {
    id: 'heroku.pg-reset',
    programs: ['heroku'],
    category: 'paas',
    severity: 'critical',
    summary: 'Deletes all data in a Heroku Postgres database',
    hint: 'Capture a backup (heroku pg:backups:capture) first and check which app the database belongs to',
    match: (a) => heroku(a, ['pg:reset']),
    targets: herokuOperands,
    examples: {
      match: ['heroku pg:reset DATABASE_URL --confirm rentals-prod', 'heroku pg:reset -a acme-staging'],
      noMatch: ['heroku pg:info -a rentals-prod', 'heroku pg:backups:capture -a rentals-prod'],
    },
  },
  {
    id: 'heroku.pg-overwrite',
    programs: ['heroku'],
    category: 'paas',
    severity: 'critical',
    summary: 'Overwrites a Heroku Postgres database with another one, destroying the data it held',
    hint: 'Capture a backup of the target database (heroku pg:backups:capture) first and check which app it belongs to',
    match: (a) => heroku(a, ['pg:copy', 'pg:push', 'pg:backups:restore', 'pg:promote']),
    targets: herokuOperands,
    examples: {
      match: ['heroku pg:copy acme-prod::DATABASE_URL DATABASE_URL -a acme-staging --confirm acme-staging', 'heroku pg:backups:restore b101 DATABASE_URL -a rentals-prod', 'heroku pg:push mylocaldb DATABASE_URL -a acme-staging'],
      noMatch: ['heroku pg:pull DATABASE_URL localdb -a acme-prod', 'heroku pg:backups:capture -a rentals-prod'],
    },
  },

  {
    id: 'heroku.config-unset',
    programs: ['heroku'],
    category: 'paas',
    severity: 'high',
    summary: 'Removes Heroku config vars and restarts the app without them',
    hint: ENV_REMOVE_HINT,
    match: (a) => heroku(a, ['config:unset', 'config:remove']),
    targets: (a) => nonEmpty(a.values('-a', '--app', '-r', '--remote')),
    examples: {
      match: ['heroku config:unset DATABASE_URL -a acme-prod', 'heroku config:remove REDIS_URL SENTRY_DSN --app acme-staging', 'heroku config unset API_KEY -a acme-api'],
      noMatch: ['heroku config:set FOO=bar -a acme-prod', 'heroku config:get FOO -a acme-prod', 'heroku apps'],
    },
  },

  {
    id: 'heroku.ps-scale-zero',
    programs: ['heroku'],
    category: 'paas',
    severity: 'high',
    summary: 'Scales Heroku dynos to zero, taking the app (or its workers) offline',
    hint: 'Note the current formation (heroku ps) to restore it; use heroku maintenance:on to pause traffic instead',
    match: (a) => heroku(a, ['ps:scale', 'scale']) && a.positionals.some((w) => /^[\w-]+=0+(?::|$)/.test(w)),
    targets: (a) => nonEmpty(a.values('-a', '--app', '-r', '--remote')),
    examples: {
      match: ['heroku ps:scale web=0 worker=0 -a acme-prod', 'heroku ps:scale worker=0:standard-1x --app acme-staging', 'heroku ps scale web=0 -a acme-api'],
      noMatch: ['heroku ps:scale web=2 -a acme-prod', 'heroku ps -a acme-prod', 'heroku ps:restart web -a acme-prod'],
    },
  },
  {
    id: 'heroku.pg-backups-delete',
    programs: ['heroku'],
    category: 'paas',
    severity: 'high',
    summary: 'Deletes a Heroku Postgres backup, which cannot be restored afterwards',
    hint: 'List the backups (heroku pg:backups) and keep at least one recent one; download it first (pg:backups:download)',
    match: (a) => heroku(a, ['pg:backups:delete']) || a.sub('pg:backups', 'delete'),
    targets: (a) => nonEmpty(a.values('-a', '--app', '-r', '--remote', '--confirm', '-c')),
    examples: {
      match: ['heroku pg:backups:delete b042 --app acme-prod --confirm acme-prod', 'heroku pg:backups delete b101 -a acme-staging'],
      noMatch: ['heroku pg:backups -a acme-prod', 'heroku pg:backups:capture -a acme-prod', 'heroku pg:backups:download b042 -a acme-prod'],
    },
  },
  {
    id: 'heroku.pg-credentials-print',
    programs: ['heroku'],
    category: 'secrets',
    severity: 'high',
    summary: 'Prints a Heroku Postgres connection URL with its password',
    hint: 'Let the app read DATABASE_URL at run time; use heroku pg:info to check the database',
    match: (a) => heroku(a, ['pg:credentials:url']) || a.sub('pg:credentials', 'url'),
    targets: (a) => nonEmpty(a.values('-a', '--app')),
    examples: {
      match: ['heroku pg:credentials:url DATABASE -a acme-prod', 'heroku pg:credentials:url --name analyst -a acme-api'],
      noMatch: ['heroku pg:credentials -a acme-prod', 'heroku pg:info -a acme-prod'],
    },
  },

  // --- Fly.io ---------------------------------------------------------------------------------
  {
    id: 'fly.volume-destroy',
    programs: ['fly', 'flyctl'],
    category: 'paas',
    severity: 'critical',
    summary: 'Destroys a Fly.io volume and the data on it',
    hint: 'Take a snapshot first (fly volumes snapshots create) and check the volume id with fly volumes list',
    match: (a) => a.sub(['volumes', 'volume', 'vol'], DESTROY),
    targets: (a) => a.after(['volumes', 'volume', 'vol'], DESTROY),
    examples: {
      match: ['fly volumes destroy vol_1234abcd --yes', 'flyctl volume delete vol_9 -a rentals-prod', 'fly vol rm vol_5'],
      noMatch: ['fly volumes list -a rentals-prod', 'fly volumes extend vol_1 --size 20', 'fly volumes snapshots list vol_1'],
    },
  },
  {
    id: 'fly.apps-destroy',
    programs: ['fly', 'flyctl'],
    category: 'paas',
    severity: 'critical',
    summary: 'Destroys a Fly.io app with its machines, volumes and volume snapshots',
    hint: 'Snapshot the volumes and back up any database first; fly scale count 0 takes an app offline without deleting it',
    match: (a) => first(a) === 'destroy' || a.sub(['apps', 'app'], DESTROY),
    targets: (a) => first(a) === 'destroy' ? a.positionals.slice(1) : a.after(['apps', 'app'], DESTROY),
    examples: {
      match: ['fly apps destroy rentals-prod', 'flyctl apps delete acme-db -y', 'fly destroy old-app --yes'],
      noMatch: ['fly apps list', 'fly apps create acme-api', 'fly status -a rentals-prod'],
    },
  },
  {
    id: 'fly.database-destroy',
    programs: ['fly', 'flyctl'],
    category: 'paas',
    severity: 'critical',
    summary: 'Destroys a Fly.io database or storage cluster and all its data',
    hint: 'Take a backup first and check the cluster name with fly mpg list / fly postgres list',
    match: (a) => {
      const kinds = ['postgres', 'pg', 'mpg', 'managed-postgres', 'mysql', 'redis', 'storage', 'tigris'];
      const p0 = first(a);
      if (kinds.includes(p0)) return DESTROY.includes(second(a));
      return (p0 === 'ext' || p0 === 'extensions') && a.sub(['ext', 'extensions'], kinds, DESTROY);
    },
    targets: (a) => a.positionals.slice(first(a) === 'ext' || first(a) === 'extensions' ? 3 : 2),
    examples: {
      match: ['fly mpg destroy cluster-abc123 --yes', 'fly postgres destroy rentals-db', 'flyctl redis destroy acme-cache', 'fly ext mysql destroy shop-db'],
      noMatch: ['fly mpg list', 'fly postgres connect -a rentals-db', 'fly redis status acme-cache'],
    },
  },

  {
    id: 'fly.postgres-detach',
    programs: ['fly', 'flyctl'],
    category: 'paas',
    severity: 'high',
    summary: 'Detaches a Fly.io Postgres cluster from an app: its DATABASE_URL secret is removed and the app loses its database on the next deploy',
    hint: 'Check which app and cluster are meant (fly postgres users list) and copy the connection string first',
    match: (a) => a.sub(['postgres', 'pg'], 'detach'),
    targets: (a) => nonEmpty([...a.after(['postgres', 'pg'], 'detach'), ...a.values('-a', '--app')]),
    examples: {
      match: ['fly postgres detach shop-db', 'flyctl postgres detach shop-db -a shop-prod', 'fly pg detach rentals-db'],
      noMatch: ['fly postgres attach shop-db -a shop-prod', 'fly postgres list', 'fly postgres connect -a shop-db'],
    },
  },
  {
    id: 'fly.secrets-unset',
    programs: ['fly', 'flyctl'],
    category: 'paas',
    severity: 'high',
    summary: 'Removes Fly.io secrets and redeploys the app without them',
    hint: ENV_REMOVE_HINT,
    match: (a) => a.sub(['secrets', 'secret'], ['unset', 'rm', 'remove', 'delete']),
    targets: (a) => nonEmpty(a.values('-a', '--app')),
    examples: {
      match: ['fly secrets unset DATABASE_URL -a rentals-prod', 'flyctl secrets unset API_KEY STRIPE_KEY', 'fly secrets unset SENTRY_DSN --app acme-api --stage'],
      noMatch: ['fly secrets list -a rentals-prod', 'fly secrets set API_KEY=x -a acme', 'fly secrets deploy'],
    },
  },

  {
    id: 'fly.scale-zero',
    programs: ['fly', 'flyctl'],
    category: 'paas',
    severity: 'high',
    summary: 'Scales a Fly.io app to zero machines, taking it offline',
    hint: 'Note the current count (fly scale show) to restore it; stop single machines instead',
    match: (a) => a.sub('scale', 'count') && a.after('scale', 'count').some((w) => /^(?:[\w-]+=)?0+$/.test(w)),
    targets: (a) => nonEmpty(a.values('-a', '--app')),
    examples: {
      match: ['fly scale count 0 -a acme-web -y', 'flyctl scale count web=0 worker=0 --app acme-prod'],
      noMatch: ['fly scale count 2 -a acme-web', 'fly scale show -a acme-web', 'fly scale vm shared-cpu-2x'],
    },
  },
  {
    id: 'fly.machines-destroy',
    programs: ['fly', 'flyctl'],
    category: 'paas',
    severity: 'high',
    summary: 'Destroys Fly.io machines (with --force, running ones); their local disk goes with them',
    hint: 'Stop the machine instead (fly machine stop), or scale the app down with fly scale count',
    match: (a) => a.sub(['machines', 'machine', 'm'], DESTROY),
    targets: (a) => nonEmpty([...a.values('-a', '--app'), ...a.after(['machines', 'machine', 'm'], DESTROY)]),
    examples: {
      match: ['fly machines destroy 3d8d9e1f5a6b --force -a acme-worker', 'fly machine rm 148ed21a031089 -a acme-prod', 'flyctl m destroy 9080e6 --force'],
      noMatch: ['fly machines list -a acme-worker', 'fly machine stop 148ed21a031089', 'fly machine restart 148ed21a031089'],
    },
  },

  // --- Vercel, Netlify ------------------------------------------------------------------------
  {
    id: 'vercel.remove',
    programs: ['vercel', 'vc'],
    category: 'paas',
    severity: 'critical',
    summary: 'Removes a Vercel project or its deployments, taking the site offline',
    hint: 'Check the name with vercel ls / vercel project ls first; use --safe to keep deployments that have an alias',
    match: (a) => ['remove', 'rm'].includes(first(a)) || (['project', 'projects'].includes(first(a)) && ['remove', 'rm'].includes(second(a))),
    targets: (a) => a.positionals.slice(first(a) === 'project' || first(a) === 'projects' ? 2 : 1),
    examples: {
      match: ['vercel remove rentals-web --yes', 'vercel rm my-app-8f3k2.vercel.app', 'vercel project rm acme-site'],
      noMatch: ['vercel env rm API_KEY production', 'vercel ls', 'vercel project ls'],
    },
  },
  {
    id: 'netlify.sites-delete',
    programs: ['netlify', 'ntl'],
    category: 'paas',
    severity: 'critical',
    summary: 'Deletes a Netlify site with its deploys and settings',
    hint: 'Check the site id with netlify sites:list first and delete from the dashboard where the site is shown',
    match: (a) => first(a) === 'sites:delete' || (first(a) === 'sites' && second(a) === 'delete'),
    targets: (a) => a.positionals.slice(first(a) === 'sites' ? 2 : 1),
    examples: {
      match: ['netlify sites:delete 1a2b3c4d --force', 'ntl sites:delete acme-prod'],
      noMatch: ['netlify sites:list', 'netlify deploy --prod'],
    },
  },

  {
    id: 'netlify.api-delete',
    programs: ['netlify', 'ntl'],
    category: 'paas',
    severity: 'high',
    summary: 'Calls a Netlify API delete method (deleteSite, deleteDeploy, deleteEnvVar…) directly, without the CLI\'s own checks',
    hint: 'Use the matching CLI command (netlify sites:delete, env:unset), which names what goes, after checking the id with netlify api getSite',
    match: (a) => first(a) === 'api' && /^delete/i.test(second(a)),
    targets: (a) => nonEmpty([...a.values('--data', '-d'), ...a.positionals.slice(2)]),
    examples: {
      match: [`netlify api deleteSite --data '{"site_id":"abc"}'`, `ntl api deleteDeploy --data '{"deploy_id":"d1"}'`],
      noMatch: [`netlify api getSite --data '{"site_id":"abc"}'`, 'netlify api listSites', 'netlify sites:list'],
    },
  },
  {
    id: 'vercel.env-rm',
    programs: ['vercel', 'vc'],
    category: 'paas',
    severity: 'high',
    summary: 'Removes a Vercel environment variable; the next deployment runs without it',
    hint: ENV_REMOVE_HINT,
    match: (a) => first(a) === 'env' && ['rm', 'remove'].includes(second(a)),
    targets: (a) => a.positionals.slice(3),
    examples: {
      match: ['vercel env rm DATABASE_URL production', 'vercel env rm STRIPE_SECRET_KEY production --yes', 'vc env remove API_URL preview'],
      noMatch: ['vercel env ls', 'vercel env add API_URL production', 'vercel rm old-deploy-url.vercel.app'],
    },
  },
  {
    id: 'netlify.env-unset',
    programs: ['netlify', 'ntl'],
    category: 'paas',
    severity: 'high',
    summary: 'Removes a Netlify environment variable from the site; the next deploy runs without it',
    hint: ENV_REMOVE_HINT,
    match: (a) => first(a) === 'env:unset' || (first(a) === 'env' && second(a) === 'unset'),
    targets: (a) => nonEmpty(a.values('--context')),
    examples: {
      match: ['netlify env:unset API_KEY', 'netlify env:unset DATABASE_URL --context production', 'ntl env:unset STRIPE_KEY'],
      noMatch: ['netlify env:list', 'netlify env:set API_KEY x', 'netlify env:get API_URL'],
    },
  },

  // --- Firebase -------------------------------------------------------------------------------
  {
    id: 'firebase.functions-delete',
    programs: ['firebase'],
    category: 'paas',
    severity: 'high',
    summary: 'Deletes deployed Cloud Functions, taking their endpoints and triggers offline',
    hint: 'Keep the function deployed until nothing calls it, and redeploy from source if you need it back',
    match: (a) => ['functions:delete', 'hosting:channel:delete', 'apps:delete', 'extensions:uninstall'].includes(first(a)),
    targets: (a) => nonEmpty([...a.positionals.slice(1), ...a.values('--project', '-P')]),
    examples: {
      match: ['firebase functions:delete api --region us-central1 --force', 'firebase hosting:channel:delete preview-42 --force', 'firebase apps:delete WEB 1:123:web:abc'],
      noMatch: ['firebase functions:list', 'firebase deploy --only functions', 'firebase functions:log'],
    },
  },
  {
    id: 'firebase.database-wipe',
    programs: ['firebase'],
    category: 'paas',
    severity: 'critical',
    summary: 'Deletes every document or node of a Firebase database',
    hint: 'Export the data first (gcloud firestore export / database:get) and delete only the path meant',
    match: (a) => {
      const cmd = first(a);
      if (cmd === 'firestore:delete') return a.has('--all-collections');
      if (cmd === 'firestore:databases:delete') return true;
      return cmd === 'database:remove' && (second(a) === '/' || second(a) === '');
    },
    targets: (a) => nonEmpty([...a.positionals.slice(1), ...a.values('--database', '--instance')]),
    examples: {
      match: ['firebase firestore:delete --all-collections --force', 'firebase database:remove / --project acme-prod -f', 'firebase firestore:databases:delete orders-db'],
      noMatch: ['firebase firestore:delete users/42 --recursive', 'firebase database:get /', 'firebase firestore:indexes'],
    },
  },
  {
    id: 'firebase.data-delete',
    programs: ['firebase'],
    category: 'paas',
    severity: 'high',
    summary: 'Deletes a Firestore collection or document tree, or a Realtime Database path',
    hint: 'Export the path first and check the project with firebase use',
    match: (a) => {
      const cmd = first(a);
      if (cmd === 'firestore:delete') return !a.has('--all-collections');
      return cmd === 'database:remove' && second(a) !== '/' && second(a) !== '';
    },
    targets: (a) => nonEmpty([...a.positionals.slice(1), ...a.values('--database', '--instance')]),
    examples: {
      match: ['firebase firestore:delete users --recursive --force', 'firebase database:remove /sessions -f'],
      noMatch: ['firebase firestore:delete --all-collections', 'firebase database:get /sessions'],
    },
  },
  {
    id: 'firebase.hosting-disable',
    programs: ['firebase'],
    category: 'paas',
    severity: 'high',
    summary: 'Takes a Firebase Hosting site offline',
    hint: 'Check the project with firebase use first; redeploy with firebase deploy --only hosting to bring it back',
    match: (a) => first(a) === 'hosting:disable',
    targets: (a) => a.values('--site', '-s'),
    examples: {
      match: ['firebase hosting:disable --project acme-prod', 'firebase hosting:disable -f --site acme-web'],
      noMatch: ['firebase hosting:channel:list', 'firebase deploy --only hosting'],
    },
  },

  {
    id: 'firebase.secrets-destroy',
    programs: ['firebase'],
    category: 'paas',
    severity: 'high',
    summary: 'Destroys a Cloud Functions secret or unsets functions config; the functions lose the value',
    hint: ENV_REMOVE_HINT,
    match: (a) => ['functions:secrets:destroy', 'functions:config:unset'].includes(first(a)),
    targets: (a) => nonEmpty([...a.positionals.slice(1), ...a.values('--project', '-P')]),
    examples: {
      match: ['firebase functions:secrets:destroy STRIPE_KEY', 'firebase functions:config:unset stripe --project acme-prod'],
      noMatch: ['firebase functions:secrets:access STRIPE_KEY', 'firebase functions:secrets:set STRIPE_KEY', 'firebase functions:config:get'],
    },
  },

  // --- Supabase -------------------------------------------------------------------------------
  {
    id: 'supabase.db-reset-local',
    programs: ['supabase'],
    category: 'paas',
    severity: 'high',
    summary: 'Recreates the local Supabase database from migrations, deleting the data in it',
    hint: 'Dump the local data first (supabase db dump --local --data-only) if you need it',
    match: (a) => a.sub('db', 'reset') && !a.has('--linked', '--db-url'),
    examples: {
      match: ['supabase db reset', 'supabase db reset --local', 'npx supabase db reset --debug'],
      noMatch: ['supabase db reset --linked', 'supabase db push', 'supabase db diff'],
    },
  },
  {
    id: 'supabase.db-reset-remote',
    programs: ['supabase'],
    category: 'paas',
    severity: 'critical',
    summary: 'Resets a hosted Supabase database, deleting all its data',
    hint: 'Reset only the local database (supabase db reset without --linked); dump the remote one first with supabase db dump',
    match: (a) => a.sub('db', 'reset') && a.has('--linked', '--db-url'),
    targets: (a) => a.values('--db-url'),
    examples: {
      match: ['supabase db reset --linked', 'supabase db reset --db-url postgresql://postgres:pw@db.abc.supabase.co:5432/postgres'],
      noMatch: ['supabase db reset', 'supabase db reset --local', 'supabase db push --linked'],
    },
  },
  {
    id: 'supabase.projects-delete',
    programs: ['supabase'],
    category: 'paas',
    severity: 'critical',
    summary: 'Deletes a Supabase project with its database and storage',
    hint: 'Dump the database (supabase db dump) first and delete from the dashboard where the project is shown',
    match: (a) => a.sub(['projects', 'project'], DELETE),
    targets: (a) => nonEmpty([...a.after(['projects', 'project'], DELETE), ...a.values('--project-ref')]),
    examples: {
      match: ['supabase projects delete abcdefghijklmnop', 'supabase projects delete --project-ref xyz123'],
      noMatch: ['supabase projects list', 'supabase projects create acme'],
    },
  },

  {
    id: 'supabase.secrets-unset',
    programs: ['supabase'],
    category: 'paas',
    severity: 'high',
    summary: 'Removes Supabase Edge Function secrets; the functions lose the values at once',
    hint: ENV_REMOVE_HINT,
    match: (a) => a.sub('secrets', 'unset'),
    targets: (a) => nonEmpty(a.values('--project-ref')),
    examples: {
      match: ['supabase secrets unset STRIPE_KEY', 'supabase secrets unset OPENAI_API_KEY --project-ref abcdefghijklmnop'],
      noMatch: ['supabase secrets list', 'supabase secrets set STRIPE_KEY=sk_test_x'],
    },
  },

  // --- PlanetScale, Neon, Turso ---------------------------------------------------------------
  {
    id: 'pscale.database-delete',
    programs: ['pscale'],
    category: 'paas',
    severity: 'critical',
    summary: 'Deletes a PlanetScale database with all its branches and data',
    hint: 'Take a backup (pscale backup create) first and check the organization with pscale org show',
    match: (a) => a.sub(['database', 'db'], DESTROY),
    targets: (a) => a.after(['database', 'db'], DESTROY),
    examples: {
      match: ['pscale database delete rentals --force', 'pscale db delete acme-prod --org acme'],
      noMatch: ['pscale database list', 'pscale database create acme-dev'],
    },
  },
  {
    id: 'pscale.branch-delete',
    programs: ['pscale'],
    category: 'paas',
    severity: 'critical',
    summary: 'Deletes a PlanetScale database branch and its data',
    hint: 'Take a backup of the branch first (pscale backup create DB BRANCH) and check it is not the production branch',
    match: (a) => a.sub('branch', DESTROY),
    targets: (a) => a.after('branch', DESTROY),
    examples: {
      match: ['pscale branch delete rentals main --force', 'pscale branch delete acme feature-x'],
      noMatch: ['pscale branch list rentals', 'pscale branch create rentals feature-y'],
    },
  },
  {
    id: 'neon.project-delete',
    programs: ['neonctl', 'neon'],
    category: 'paas',
    severity: 'critical',
    summary: 'Deletes a Neon project with all its branches and databases',
    hint: 'Dump the databases first (pg_dump) and check the project id with neonctl projects list',
    match: (a) => a.sub(['projects', 'project'], DELETE),
    targets: (a) => a.after(['projects', 'project'], DELETE),
    examples: {
      match: ['neonctl projects delete late-sun-123456', 'neon project delete rentals-prod'],
      noMatch: ['neonctl projects list', 'neonctl projects get late-sun-123456'],
    },
  },
  {
    id: 'neon.branch-delete',
    programs: ['neonctl', 'neon'],
    category: 'paas',
    severity: 'critical',
    summary: 'Deletes a Neon branch or database and its data',
    hint: 'Dump the branch first (pg_dump) or reset from its parent instead; check the project with --project-id',
    match: (a) => a.sub(['branches', 'branch', 'databases', 'database', 'db'], DELETE),
    targets: (a) => nonEmpty([...a.after(['branches', 'branch', 'databases', 'database', 'db'], DELETE), ...a.values('--project-id', '--branch')]),
    examples: {
      match: ['neonctl branches delete main --project-id late-sun-123', 'neonctl databases delete app --branch production'],
      noMatch: ['neonctl branches list', 'neonctl branches create --name preview'],
    },
  },
  {
    id: 'turso.db-destroy',
    programs: ['turso'],
    category: 'paas',
    severity: 'critical',
    summary: 'Destroys a Turso database and its data',
    hint: 'Dump it first (turso db shell NAME .dump > backup.sql) and check the name with turso db list',
    match: (a) => a.sub(['db', 'database'], DESTROY),
    targets: (a) => a.after(['db', 'database'], DESTROY),
    examples: {
      match: ['turso db destroy rentals-prod', 'turso db destroy acme --yes'],
      noMatch: ['turso db list', 'turso db shell rentals-prod .tables'],
    },
  },
  {
    id: 'turso.group-destroy',
    programs: ['turso'],
    category: 'paas',
    severity: 'critical',
    summary: 'Destroys a Turso group with every database in it',
    hint: 'Dump the group\'s databases first and check the name with turso group list',
    match: (a) => a.sub(['group', 'groups'], DESTROY),
    targets: (a) => a.after(['group', 'groups'], DESTROY),
    examples: {
      match: ['turso group destroy production', 'turso group destroy default --yes'],
      noMatch: ['turso group list', 'turso group create staging'],
    },
  },

  {
    id: 'neon.connection-string',
    programs: ['neonctl', 'neon'],
    category: 'secrets',
    severity: 'high',
    summary: 'Prints a Neon connection string with the role\'s password',
    hint: 'Put the connection string in the app\'s secret store from the Neon console instead of printing it',
    match: (a) => a.sub(['connection-string', 'cs']),
    targets: (a) => nonEmpty([...a.positionals.slice(1), ...a.values('--project-id', '--branch')]),
    examples: {
      match: ['neonctl connection-string main --project-id late-frost-482913', 'neon cs production --pooled'],
      noMatch: ['neonctl branches list --project-id late-frost-482913', 'neonctl projects list'],
    },
  },
  {
    id: 'turso.token-print',
    programs: ['turso'],
    category: 'secrets',
    severity: 'high',
    summary: 'Creates and prints a Turso database or API token',
    hint: 'Create the token where it is stored (the platform\'s secret settings) rather than in the transcript',
    match: (a) => a.sub(['db', 'database', 'group'], 'tokens', 'create') || a.sub('auth', ['token', 'api-tokens']) && !a.sub('auth', 'api-tokens', ['list', 'revoke']),
    targets: (a) => a.after(['db', 'database', 'group'], 'tokens', 'create'),
    examples: {
      match: ['turso db tokens create rentals-prod', 'turso auth token', 'turso group tokens create default --expiration 7d'],
      noMatch: ['turso db list', 'turso db tokens invalidate rentals-prod', 'turso auth api-tokens list'],
    },
  },
  {
    id: 'pscale.password-create',
    programs: ['pscale'],
    category: 'secrets',
    severity: 'high',
    summary: 'Creates a PlanetScale database password and prints it',
    hint: 'Create the password in the PlanetScale console and store it in the app\'s secret store directly',
    match: (a) => a.sub(['password', 'passwords'], 'create'),
    targets: (a) => a.after(['password', 'passwords'], 'create'),
    examples: {
      match: ['pscale password create rentals main app-prod', 'pscale password create acme-db dev local-dev --role admin'],
      noMatch: ['pscale password list rentals main', 'pscale password delete rentals main old-pw'],
    },
  },

  // --- InfluxDB -------------------------------------------------------------------------------
  {
    id: 'influx.bucket-delete',
    programs: ['influx'],
    category: 'paas',
    severity: 'critical',
    summary: 'Deletes an InfluxDB bucket and all the time series in it',
    hint: 'Back it up first (influx backup --bucket NAME) and check the host and org',
    match: (a) => a.sub('bucket', 'delete'),
    targets: (a) => nonEmpty([...a.values('--name', '-n', '--id', '-i', '--host')]),
    examples: {
      match: ['influx bucket delete --name metrics-prod', 'influx bucket delete -i 0a1b2c3d --org acme'],
      noMatch: ['influx bucket list', 'influx bucket create --name metrics-dev'],
    },
  },
  {
    id: 'influx.org-delete',
    programs: ['influx'],
    category: 'paas',
    severity: 'critical',
    summary: 'Deletes an InfluxDB organization with its buckets, dashboards and tokens',
    hint: 'Back up the organization first (influx backup --org NAME) and check the host',
    match: (a) => a.sub(['org', 'organization'], 'delete'),
    targets: (a) => nonEmpty([...a.values('--name', '-n', '--id', '-i', '--host')]),
    examples: {
      match: ['influx org delete --id 0a1b2c3d', 'influx org delete -i 0a1b2c3d --host https://influx.prod.example.com'],
      noMatch: ['influx org list', 'influx org create --name acme-dev'],
    },
  },

  {
    id: 'influx.delete-data',
    programs: ['influx'],
    category: 'paas',
    severity: 'high',
    summary: 'Deletes the InfluxDB points of a bucket in a time range (every measurement unless a predicate narrows it)',
    hint: 'Back the bucket up first (influx backup --bucket NAME) and narrow the delete with --predicate',
    match: (a) => first(a) === 'delete',
    targets: (a) => nonEmpty(a.values('--bucket', '-b', '--host')),
    examples: {
      match: ["influx delete --bucket metrics-prod --start 1970-01-01T00:00:00Z --stop 2030-01-01T00:00:00Z", "influx delete -b sensors --start 2024-01-01T00:00:00Z --stop 2024-02-01T00:00:00Z --predicate '_measurement=\"temp\"'"],
      noMatch: ['influx query \'from(bucket:"metrics") |> range(start: -1h)\'', 'influx bucket list'],
    },
  },

  {
    id: 'influx.auth-list',
    programs: ['influx'],
    category: 'secrets',
    severity: 'high',
    summary: 'Prints InfluxDB API tokens (influx auth list / auth create)',
    hint: 'List token descriptions in the InfluxDB UI, or pipe through jq to drop the token field',
    match: (a) => a.sub(['auth', 'authorization'], ['list', 'ls', 'find', 'create']),
    targets: (a) => nonEmpty(a.values('--host', '--org', '-o')),
    examples: {
      match: ['influx auth list --json', 'influx auth create --org acme --all-access', 'influx auth ls --host https://influx.prod.acme.io'],
      noMatch: ['influx bucket list', 'influx auth delete --id 06c86c40a9f36000'],
    },
  },

  // --- Cloudflare ---------------------------------------------------------------------------
  {
    id: 'cloudflare.delete',
    programs: ['wrangler'],
    category: 'paas',
    severity: 'critical',
    summary: 'Deletes a Cloudflare D1 database, R2 bucket, KV namespace or Worker',
    hint: 'Export the data first (wrangler d1 export, an R2 copy) and delete from the dashboard where the account is shown',
    match: (a) => {
      const [first, ...rest] = a.positionals;
      return first === 'delete' || (['d1', 'r2', 'kv', 'kv:namespace', 'queues', 'vectorize'].includes(first ?? '') && rest.includes('delete'));
    },
    targets: (a) => a.positionals.slice(1),
    examples: {
      match: ['wrangler d1 delete prod-db', 'wrangler r2 bucket delete prod-assets', 'wrangler delete --name api-prod', 'npx wrangler kv namespace delete --namespace-id abc'],
      noMatch: ['wrangler d1 list', 'wrangler r2 bucket list', 'wrangler deploy', 'wrangler d1 execute prod-db --command "SELECT 1"'],
    },
  },
  {
    id: 'cloudflare.secret-delete',
    programs: ['wrangler'],
    category: 'paas',
    severity: 'high',
    summary: 'Deletes a Worker secret; the Worker loses the value at once',
    hint: ENV_REMOVE_HINT,
    match: (a) => {
      const p = a.positionals.map((w) => w.toLowerCase());
      const at = p.indexOf('secret');
      return p.includes('secret:delete') || (at >= 0 && p[at + 1] === 'delete');
    },
    targets: (a) => nonEmpty([...a.values('--env', '-e', '--name')]),
    examples: {
      match: ['wrangler secret delete STRIPE_KEY', 'npx wrangler secret delete API_TOKEN --env production', 'wrangler versions secret delete DB_URL'],
      noMatch: ['wrangler secret list', 'wrangler secret put STRIPE_KEY', 'wrangler deploy'],
    },
  },
];
