// Package and image registries. Publishing is routine; what others depend on is taken away by
// unpublishing or yanking a version (npm, pnpm, yarn, RubyGems, crates, NuGet, Hex, CocoaPods,
// Anaconda, Conan, the VS Code Marketplace, JFrog), deleting image tags or manifests from a
// registry (crane, skopeo, regctl, oras, Docker Hub's hub-tool, CodeArtifact, Artifact Registry,
// ACR), or removing owners and team members. Exposing a private package is flagged too. ECR and
// the other clouds' own registries are in cloud.ts and otherClouds.ts.
import type { Args } from './args';
import { AWS, AZ, GCLOUD, pathRule, type CliShape, type PathSpec } from './pathRules';
import type { Rule } from './types';

type Spec = Omit<PathSpec, 'category'>;
const registry = (s: Spec): Rule => pathRule({ ...s, category: 'codehost' });

/* ---------------------------------------------------------------- npm, pnpm, yarn */

const NPM: CliShape = {
  valueFlags: new Set(['--registry', '--otp', '--userconfig', '--globalconfig', '--cache', '-w', '--workspace', '--prefix', '-C', '--loglevel', '--scope', '--auth-type', '--tag']),
};
/** pnpm hands these commands to npm unchanged. */
const NPM_PROGRAMS = ['npm', 'pnpm'];

/** The version part of a package spec: `@acme/ui@1.2.3` → `1.2.3`; undefined for a bare name. */
function specVersion(spec: string): string | undefined {
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  return at < 0 ? undefined : spec.slice(at + 1);
}

/**
 * Whether `npm unpublish` removes the whole package: a name without a version (or `@*`), or
 * --force. With no spec at all npm takes the version in package.json.
 */
function unpublishesAll(a: Args, p: readonly string[]): boolean {
  if (a.has('--force', '-f')) return true;
  const spec = p[1];
  if (spec === undefined) return false;
  const version = specVersion(spec);
  return version === undefined || version === '' || version === '*';
}

const npmRules: readonly Rule[] = [
  registry({
    id: 'npm.unpublish-package',
    programs: NPM_PROGRAMS,
    shape: NPM,
    paths: [['unpublish']],
    when: unpublishesAll,
    targetFlags: ['--registry'],
    severity: 'critical',
    summary: 'Unpublishes a whole npm package, every version; everything that depends on it fails to install, and the name cannot be reused for a day',
    hint: 'Deprecate the package instead (`npm deprecate PKG "message"`), or unpublish the one broken version',
    match: ['npm unpublish @acme/ui --force', 'npm unpublish acme-sdk', 'npm unpublish acme-cli@* --registry https://packages.acme.internal/npm/', 'pnpm unpublish @acme/icons --force', 'npm unpublish --force'],
    noMatch: ['npm unpublish acme-sdk@1.2.3', 'npm publish --access public', 'npm view @acme/ui versions', 'npm unpublish @acme/ui --dry-run'],
  }),
  registry({
    id: 'npm.unpublish-version',
    programs: NPM_PROGRAMS,
    shape: NPM,
    paths: [['unpublish']],
    when: (a, p) => !unpublishesAll(a, p),
    targetFlags: ['--registry'],
    severity: 'high',
    summary: 'Unpublishes an npm package version; lockfiles and installs that pin it fail, and the version number can never be published again',
    hint: 'Deprecate the version instead (`npm deprecate PKG@VERSION "message"`) and publish a fixed one',
    match: ['npm unpublish acme-sdk@1.2.3', 'npm unpublish @acme/widgets@2.0.0-beta.3 --otp 123456', 'npm unpublish acme-cli@0.9.0 --registry https://packages.acme.internal/npm/', 'npm unpublish'],
    noMatch: ['npm unpublish @acme/ui --force', 'npm publish', 'npm view acme-sdk@1.2.3', 'npm dist-tag ls acme-sdk'],
  }),
  registry({
    id: 'npm.deprecate',
    programs: NPM_PROGRAMS,
    shape: NPM,
    // Low: deprecating removes nothing and is undone with an empty message, but every install warns.
    paths: [['deprecate']],
    when: (_a, p) => (p[2] ?? '') !== '',
    targetFlags: ['--registry'],
    severity: 'low',
    summary: 'Deprecates npm package versions; every install of them prints the warning',
    hint: 'Check the version range; undo with an empty message (`npm deprecate PKG@RANGE ""`)',
    match: ['npm deprecate acme-sdk@"<2.0.0" "critical bug, upgrade to 2.x"', 'npm deprecate @acme/ui "moved to @acme/design-system"'],
    noMatch: ['npm deprecate acme-sdk@1.x ""', 'npm view acme-sdk deprecated', 'npm undeprecate acme-sdk@1.x'],
  }),
  registry({
    id: 'npm.owner-rm',
    programs: NPM_PROGRAMS,
    shape: NPM,
    paths: [[['owner', 'author'], ['rm', 'remove']]],
    targetFlags: ['--registry'],
    severity: 'high',
    summary: 'Removes a maintainer from an npm package; they can no longer publish or fix it',
    hint: 'List the owners first (`npm owner ls PKG`) and make sure another maintainer keeps access',
    match: ['npm owner rm bob acme-sdk', 'npm owner remove alice @acme/ui --otp 123456', 'pnpm owner rm bob acme-cli'],
    noMatch: ['npm owner ls acme-sdk', 'npm owner add carol acme-sdk'],
  }),
  registry({
    id: 'npm.dist-tag-rm',
    programs: NPM_PROGRAMS,
    shape: NPM,
    paths: [[['dist-tag', 'dist-tags'], ['rm', 'remove', 'del']]],
    targetFlags: ['--registry'],
    severity: 'low',
    summary: 'Removes a dist-tag from an npm package; installs of PKG@TAG stop resolving',
    hint: 'Point the tag at another version instead (`npm dist-tag add PKG@VERSION TAG`)',
    match: ['npm dist-tag rm @acme/ui beta', 'npm dist-tag remove acme-sdk next'],
    noMatch: ['npm dist-tag add acme-sdk@2.1.0 latest', 'npm dist-tag ls acme-sdk'],
  }),
  registry({
    id: 'npm.access-public',
    programs: NPM_PROGRAMS,
    shape: NPM,
    paths: [['access', 'set'], ['access', 'public']],
    when: (_a, p) => p[1] === 'public' || p.includes('status=public'),
    targetFlags: ['--registry'],
    severity: 'high',
    summary: 'Makes a private npm package public; its code is readable by anyone from then on',
    hint: 'Check the package holds nothing private first (`npm pack --dry-run`), and keep it restricted until then',
    match: ['npm access set status=public @acme/internal-sdk', 'npm access public @acme/billing'],
    noMatch: ['npm access set status=private @acme/internal-sdk', 'npm access get status @acme/internal-sdk', 'npm access list packages @acme'],
  }),
  registry({
    id: 'npm.access-revoke',
    programs: NPM_PROGRAMS,
    shape: NPM,
    paths: [['access', 'revoke'], ['access', 'set'], ['access', '2fa-not-required']],
    // Revoking a team's access, or no longer requiring two-factor auth to publish.
    when: (_a, p) => p[1] !== 'set' || p.includes('mfa=none'),
    targetFlags: ['--registry'],
    severity: 'high',
    summary: 'Revokes a team\'s access to an npm package, or stops requiring two-factor auth to publish it',
    hint: 'List who has access first (`npm access list collaborators PKG`), and keep publishing behind 2FA',
    match: ['npm access revoke @acme:developers @acme/ui', 'npm access set mfa=none @acme/ui', 'npm access 2fa-not-required @acme/ui'],
    noMatch: ['npm access grant read-write @acme:developers @acme/ui', 'npm access set mfa=publish @acme/ui', 'npm access list collaborators @acme/ui'],
  }),
  registry({
    id: 'npm.team-rm',
    programs: NPM_PROGRAMS,
    shape: NPM,
    paths: [['team', ['rm', 'destroy']], [['org', 'ogr'], 'rm']],
    targetFlags: ['--registry'],
    severity: 'high',
    summary: 'Removes a user from an npm team or organization, or destroys a team; its members lose access to its packages',
    hint: 'List the team or org first (`npm team ls`, `npm org ls`) and check who else can publish',
    match: ['npm team rm @acme:developers bob', 'npm team destroy @acme:contractors', 'npm org rm acme alice'],
    noMatch: ['npm team ls @acme:developers', 'npm team add @acme:developers carol', 'npm org ls acme'],
  }),
];

const YARN: CliShape = { valueFlags: new Set(['--cwd', '--registry']) };

const yarnRules: readonly Rule[] = [
  registry({
    id: 'yarn.owner-remove',
    programs: ['yarn'],
    shape: YARN,
    paths: [['owner', ['remove', 'rm']], ['team', ['remove', 'destroy']]],
    severity: 'high',
    summary: 'Removes a maintainer from an npm package, a user from a team, or destroys a team (Yarn 1)',
    hint: 'List the owners or team first (`yarn owner list PKG`) and make sure another maintainer keeps access',
    match: ['yarn owner remove bob acme-sdk', 'yarn team remove @acme:developers bob', 'yarn team destroy @acme:contractors'],
    noMatch: ['yarn owner list acme-sdk', 'yarn team list @acme', 'yarn remove lodash'],
  }),
  registry({
    id: 'yarn.tag-remove',
    programs: ['yarn'],
    shape: YARN,
    paths: [['tag', ['remove', 'rm']], ['npm', 'tag', 'remove']],
    severity: 'low',
    summary: 'Removes a dist-tag from an npm package; installs of PKG@TAG stop resolving',
    hint: 'Point the tag at another version instead (`yarn npm tag add PKG@VERSION TAG`)',
    match: ['yarn npm tag remove @acme/ui beta', 'yarn tag remove acme-sdk next'],
    noMatch: ['yarn npm tag add @acme/ui@2.1.0 latest', 'yarn npm tag list @acme/ui', 'yarn remove @acme/ui'],
  }),
];

/* ---------------------------------------------------------------- RubyGems, crates, NuGet, Hex, CocoaPods, Anaconda, Conan, VS Code */

const GEM: CliShape = { valueFlags: new Set(['--host', '-k', '--key', '--otp', '-p', '--http-proxy', '-v', '--version', '--platform', '-a', '--add', '-r', '--remove']) };
const CARGO: CliShape = {
  valueFlags: new Set(['--version', '--vers', '--index', '--registry', '--token', '-Z', '--config', '--manifest-path', '--color', '-a', '--add', '-r', '--remove']),
};
const NUGET: CliShape = {
  valueFlags: new Set(['-s', '--source', '-Source', '-k', '--api-key', '-ApiKey', '--configfile', '-ConfigFile', '-Verbosity', '-v', '--verbosity']),
};
const NONE: CliShape = { valueFlags: new Set() };

const packageRules: readonly Rule[] = [
  registry({
    id: 'gem.yank',
    programs: ['gem'],
    shape: GEM,
    paths: [['yank']],
    targetFlags: ['--host'],
    severity: 'high',
    summary: 'Yanks a gem version from the registry; bundles that lock it fail to install, and the version number cannot be pushed again',
    hint: 'Release a fixed version instead, and yank only a version that must not be installed',
    match: ['gem yank acme -v 1.0.0', 'gem yank acme-client -v 2.3.0 --platform ruby', 'gem yank acme --version 0.4.1 --otp 123456'],
    noMatch: ['gem push acme-1.0.1.gem', 'gem list acme --remote', 'gem build acme.gemspec'],
  }),
  registry({
    id: 'gem.owner-remove',
    programs: ['gem'],
    shape: GEM,
    paths: [['owner']],
    when: (a) => a.has('-r', '--remove'),
    targetFlags: ['--host', '-r', '--remove'],
    severity: 'high',
    summary: 'Removes an owner from a gem; they can no longer push or yank it',
    hint: 'List the owners first (`gem owner GEM`) and make sure another maintainer keeps access',
    match: ['gem owner acme -r bob@acme.com', 'gem owner acme-client --remove alice@acme.com --otp 123456'],
    noMatch: ['gem owner acme', 'gem owner acme -a carol@acme.com'],
  }),
  registry({
    id: 'cargo.yank',
    programs: ['cargo'],
    shape: CARGO,
    // Low: a yank is undone with `cargo yank --undo`, and existing lockfiles keep working.
    paths: [['yank']],
    when: (a) => !a.has('--undo'),
    targetFlags: ['--registry', '--index'],
    severity: 'low',
    summary: 'Yanks a crate version; new projects can no longer depend on it',
    hint: 'Check the version; undo with `cargo yank --undo --version VERSION`',
    match: ['cargo yank --version 1.0.1 acme-core', 'cargo yank acme-core@0.3.2', 'cargo yank --vers 0.2.0 --registry acme-internal'],
    noMatch: ['cargo yank --undo --version 1.0.1 acme-core', 'cargo publish --dry-run', 'cargo search acme-core'],
  }),
  registry({
    id: 'cargo.owner-remove',
    programs: ['cargo'],
    shape: CARGO,
    paths: [['owner']],
    when: (a) => a.has('-r', '--remove'),
    targetFlags: ['--registry', '--index'],
    severity: 'high',
    summary: 'Removes an owner from a crate; they can no longer publish or yank it',
    hint: 'List the owners first (`cargo owner --list CRATE`) and make sure another maintainer keeps access',
    match: ['cargo owner --remove alice acme-core', 'cargo owner -r github:acme:maintainers acme-macros'],
    noMatch: ['cargo owner --list acme-core', 'cargo owner --add carol acme-core'],
  }),
  registry({
    id: 'nuget.delete',
    programs: ['dotnet', 'nuget'],
    shape: NUGET,
    paths: [['nuget', 'delete'], ['delete']],
    // `dotnet nuget delete`, or nuget.exe's own `nuget delete`.
    when: (a, p) => (a.program === 'nuget') === (p[0] === 'delete'),
    targetFlags: ['-s', '--source', '-Source'],
    severity: 'high',
    summary: 'Deletes (or unlists) a NuGet package version from a feed; restores that pin it fail',
    hint: 'Deprecate the version on the feed instead, and publish a fixed one',
    match: [
      'dotnet nuget delete Acme.Core 1.0.0 --source https://packages.acme.internal/nuget/v3/index.json --api-key $NUGET_KEY --non-interactive',
      'nuget delete Acme.Client 2.3.0 -Source https://packages.acme.internal/nuget -ApiKey $NUGET_KEY -NonInteractive',
    ],
    noMatch: ['dotnet nuget push Acme.Core.1.0.1.nupkg --source acme', 'dotnet nuget list source', 'dotnet nuget locals all --list', 'nuget list Acme.Core'],
  }),
  registry({
    id: 'hex.revert',
    programs: ['mix'],
    shape: NONE,
    paths: [['hex.publish'], ['hex.owner', 'remove']],
    when: (a, p) => p[0] !== 'hex.publish' || a.has('--revert'),
    severity: 'high',
    summary: 'Reverts (deletes) a published Hex package version, or removes an owner from a package',
    hint: 'Retire the version instead (`mix hex.retire PKG VERSION security`) and publish a fixed one',
    match: ['mix hex.publish --revert 1.2.0', 'mix hex.owner remove acme_core bob@acme.com'],
    noMatch: ['mix hex.publish', 'mix hex.owner list acme_core', 'mix hex.info acme_core'],
  }),
  registry({
    id: 'hex.retire',
    programs: ['mix'],
    shape: NONE,
    paths: [['hex.retire']],
    when: (a) => !a.has('--unretire'),
    severity: 'low',
    summary: 'Retires a Hex package version; every fetch of it warns',
    hint: 'Undo with `mix hex.retire PKG VERSION --unretire`',
    match: ['mix hex.retire acme_core 1.2.0 security --message "CVE fix in 1.2.1"'],
    noMatch: ['mix hex.retire acme_core 1.2.0 --unretire', 'mix hex.info acme_core'],
  }),
  registry({
    id: 'cocoapods.trunk-delete',
    programs: ['pod'],
    shape: NONE,
    paths: [['trunk', ['delete', 'remove-owner']]],
    severity: 'high',
    summary: 'Deletes a CocoaPods pod version from trunk, or removes an owner from a pod',
    hint: 'Deprecate the pod instead (`pod trunk deprecate`) and push a fixed version',
    match: ['pod trunk delete AcmeKit 1.2.0', 'pod trunk remove-owner AcmeKit bob@acme.com'],
    noMatch: ['pod trunk push AcmeKit.podspec', 'pod trunk info AcmeKit', 'pod trunk add-owner AcmeKit carol@acme.com'],
  }),
  registry({
    id: 'anaconda.remove',
    programs: ['anaconda'],
    shape: { valueFlags: new Set(['-t', '--token', '-s', '--site']) },
    paths: [['remove']],
    severity: 'high',
    summary: 'Removes a package, version or file from an Anaconda channel; environments that install it fail',
    hint: 'Check the spec (`anaconda show OWNER/PKG`) and keep a copy of the files',
    match: ['anaconda remove acme/acme-core/1.2.0', 'anaconda -t $ANACONDA_TOKEN remove acme/acme-core --force'],
    noMatch: ['anaconda show acme/acme-core', 'anaconda upload dist/acme-core-1.2.1.tar.bz2'],
  }),
  registry({
    id: 'conan.remove-remote',
    programs: ['conan'],
    shape: NONE,
    paths: [['remove']],
    when: (a) => a.has('-r', '--remote'),
    targetFlags: ['-r', '--remote'],
    severity: 'high',
    summary: 'Deletes Conan packages or recipes from a remote server; builds that fetch them fail',
    hint: 'List what matches first (`conan list "PATTERN" -r REMOTE`); without -r only the local cache is cleaned',
    match: ['conan remove "acme-core/1.2.0" -r artifactory -c', 'conan remove "zlib/*" --remote=acme-conan --confirm'],
    noMatch: ['conan remove "zlib/*" -c', 'conan list "acme-core/*" -r artifactory', 'conan upload "acme-core/1.2.1" -r artifactory'],
  }),
  registry({
    id: 'vsce.unpublish',
    programs: ['vsce'],
    shape: NONE,
    paths: [[['unpublish', 'delete-publisher']]],
    severity: 'critical',
    summary: 'Unpublishes a VS Code extension from the Marketplace (every version, with its installs and ratings) or deletes a publisher',
    hint: 'Publish a fixed version or deprecate the extension instead',
    match: ['vsce unpublish acme.acme-lint', 'npx @vscode/vsce unpublish acme.acme-lint --force', 'vsce delete-publisher acme'],
    noMatch: ['vsce publish patch', 'vsce package', 'vsce ls-publishers'],
  }),
];

/* ---------------------------------------------------------------- container registries: crane, skopeo, regctl, oras, hub-tool */

const imageRules: readonly Rule[] = [
  registry({
    id: 'crane.delete',
    programs: ['crane', 'gcrane'],
    shape: { valueFlags: new Set(['--platform']) },
    paths: [['delete']],
    severity: 'high',
    summary: 'Deletes an image manifest from a registry; deployments that pull it fail',
    hint: 'Check nothing still deploys this reference (`crane digest REF`), or re-tag instead of deleting',
    match: ['crane delete registry.acme.internal:5000/api@sha256:4f3c2b1a0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b', 'gcrane delete harbor.acme.io/web/frontend:1.4.2'],
    noMatch: ['crane ls registry.acme.internal:5000/api', 'crane digest harbor.acme.io/web/frontend:1.4.2', 'crane copy harbor.acme.io/web/frontend:1.4.2 harbor.acme.io/web/frontend:stable'],
  }),
  registry({
    id: 'skopeo.delete',
    programs: ['skopeo'],
    shape: { valueFlags: new Set(['--policy', '--registries.d', '--override-arch', '--override-os', '--command-timeout', '--tmpdir']) },
    paths: [['delete']],
    severity: 'high',
    summary: 'Deletes an image from a registry (by digest, every tag pointing at it); deployments that pull it fail',
    hint: 'Inspect the reference first (`skopeo inspect`) and check no other tag shares its digest',
    match: ['skopeo delete docker://registry.acme.internal:5000/api:1.4.2', 'skopeo delete --creds ci:$REG_PASSWORD docker://harbor.acme.io/web/frontend@sha256:4f3c2b1a'],
    noMatch: ['skopeo inspect docker://registry.acme.internal:5000/api:1.4.2', 'skopeo copy docker://harbor.acme.io/web/frontend:1.4 docker://registry.acme.internal:5000/frontend:1.4', 'skopeo list-tags docker://harbor.acme.io/web/frontend'],
  }),
  registry({
    id: 'regctl.delete',
    programs: ['regctl'],
    shape: { valueFlags: new Set(['--host', '--logopt', '-v', '--verbosity', '--user-agent']) },
    paths: [[['tag', 'manifest', 'blob', 'image'], ['delete', 'rm']]],
    severity: 'high',
    summary: 'Deletes a tag, manifest or blob from a registry; deployments that pull it fail',
    hint: 'List the tags first (`regctl tag ls`) and check no other tag shares the manifest',
    match: ['regctl tag delete registry.acme.internal:5000/api:pr-142', 'regctl tag rm harbor.acme.io/web/frontend:old', 'regctl manifest delete registry.acme.internal:5000/api@sha256:4f3c2b1a --force-tag-dereference'],
    noMatch: ['regctl tag ls registry.acme.internal:5000/api', 'regctl manifest get harbor.acme.io/web/frontend:1.4.2', 'regctl image copy harbor.acme.io/web/frontend:1.4 registry.acme.internal:5000/frontend:1.4'],
  }),
  registry({
    id: 'oras.delete',
    programs: ['oras'],
    shape: NONE,
    paths: [[['manifest', 'blob'], ['delete', 'remove', 'rm']]],
    severity: 'high',
    summary: 'Deletes a manifest or blob from an OCI registry; whatever pulls it fails',
    hint: 'Fetch the manifest first (`oras manifest fetch`) and check nothing still pulls it',
    match: ['oras manifest delete registry.acme.internal:5000/charts/api:0.3.1', 'oras blob delete -f harbor.acme.io/artifacts/sbom@sha256:4f3c2b1a'],
    noMatch: ['oras manifest fetch registry.acme.internal:5000/charts/api:0.3.1', 'oras push harbor.acme.io/artifacts/sbom:1.0 sbom.json', 'oras repo tags harbor.acme.io/artifacts/sbom'],
  }),
  registry({
    id: 'hub-tool.repo-rm',
    programs: ['hub-tool'],
    shape: NONE,
    paths: [['repo', 'rm']],
    severity: 'critical',
    summary: 'Deletes a Docker Hub repository with every tag in it',
    hint: 'Check nothing still pulls from the repository, and copy the images to keep first',
    match: ['hub-tool repo rm acme/api --force'],
    noMatch: ['hub-tool repo ls acme', 'hub-tool tag ls acme/api'],
  }),
  registry({
    id: 'hub-tool.tag-rm',
    programs: ['hub-tool'],
    shape: NONE,
    paths: [['tag', 'rm']],
    severity: 'high',
    summary: 'Deletes a Docker Hub tag; deployments that pull it fail',
    hint: 'Check nothing still deploys this tag',
    match: ['hub-tool tag rm acme/api:1.4.2'],
    noMatch: ['hub-tool tag ls acme/api', 'hub-tool tag inspect acme/api:1.4.2'],
  }),
];

/* ---------------------------------------------------------------- JFrog, CodeArtifact, Artifact Registry, ACR */

const JF: CliShape = { valueFlags: new Set(['--server-id', '--url', '--user', '--password', '--access-token']) };

const artifactRules: readonly Rule[] = [
  registry({
    id: 'jfrog.rt-delete',
    programs: ['jf', 'jfrog'],
    shape: JF,
    paths: [['rt', ['delete', 'del', 'build-discard', 'bdi']]],
    targetFlags: ['--server-id', '--url'],
    severity: 'high',
    summary: 'Deletes artifacts (every one matching the pattern) or discards builds from Artifactory',
    hint: 'Run the same command with --dry-run first and read what it would delete',
    match: ['jf rt del "libs-release-local/com/acme/core/1.2.0/"', 'jfrog rt delete "docker-local/api/*" --quiet', 'jf rt build-discard acme-api --max-builds 0 --delete-artifacts'],
    noMatch: ['jf rt search "libs-release-local/com/acme/*"', 'jf rt upload "build/libs/*.jar" libs-release-local/com/acme/', 'jf rt del "libs-release-local/old/*" --dry-run'],
  }),
  registry({
    id: 'jfrog.repo-delete',
    programs: ['jf', 'jfrog'],
    shape: JF,
    paths: [['rt', ['repo-delete', 'rdel', 'users-delete', 'udel', 'user-delete', 'group-delete', 'gdel', 'permission-target-delete', 'ptdel']]],
    targetFlags: ['--server-id', '--url'],
    severity: 'critical',
    summary: 'Deletes an Artifactory repository with every artifact in it, or Artifactory users, groups or permission targets',
    hint: 'Export or replicate the repository first, and check what builds resolve from it',
    match: ['jf rt repo-delete libs-release-local --quiet', 'jf rt rdel docker-staging', 'jf rt users-delete "bob,alice"'],
    noMatch: ['jf rt repo-create repo-template.json', 'jf rt ping', 'jf rt users-create --csv users.csv'],
  }),
  registry({
    id: 'aws.codeartifact-delete',
    programs: ['aws'],
    shape: AWS,
    paths: [['codeartifact', ['delete-repository', 'delete-domain']]],
    targetFlags: ['--domain', '--repository'],
    severity: 'critical',
    summary: 'Deletes a CodeArtifact repository or domain with every package in it',
    hint: 'Check which builds resolve from it first, and copy the packages to keep (`aws codeartifact copy-package-versions`)',
    match: ['aws codeartifact delete-repository --domain acme --repository npm-prod', 'aws codeartifact delete-domain --domain acme-staging --region us-east-1'],
    noMatch: ['aws codeartifact list-repositories', 'aws codeartifact describe-repository --domain acme --repository npm-prod', 'aws codeartifact login --tool npm --domain acme --repository npm-prod'],
  }),
  registry({
    id: 'aws.codeartifact-delete-versions',
    programs: ['aws'],
    shape: AWS,
    paths: [['codeartifact', ['delete-package-versions', 'dispose-package-versions', 'delete-package']]],
    targetFlags: ['--domain', '--repository', '--package'],
    severity: 'high',
    summary: 'Deletes or disposes CodeArtifact package versions (or a whole package); builds that pin them fail',
    hint: 'Unlist the versions instead (`aws codeartifact update-package-versions-status --target-status Unlisted`)',
    match: ['aws codeartifact delete-package-versions --domain acme --repository npm-prod --format npm --namespace acme --package ui --versions 1.2.0', 'aws codeartifact delete-package --domain acme --repository pypi-prod --format pypi --package acme-core'],
    noMatch: ['aws codeartifact list-package-versions --domain acme --repository npm-prod --format npm --package ui', 'aws codeartifact copy-package-versions --domain acme --source-repository a --destination-repository b --format npm --package ui --versions 1.2.0'],
  }),
  registry({
    id: 'gcloud.artifacts-versions-delete',
    programs: ['gcloud'],
    shape: GCLOUD,
    paths: [
      ['artifacts', ['versions', 'tags', 'files'], 'delete'], ['artifacts', 'docker', 'tags', 'delete'], ['container', 'images', 'untag'],
      ['artifacts', 'repositories', 'set-cleanup-policies'],
    ],
    // Cleanup policies delete images only once --no-dry-run turns them on.
    when: (a, p) => p[2] !== 'set-cleanup-policies' || a.has('--no-dry-run'),
    targetFlags: ['--location', '--repository', '--package'],
    severity: 'high',
    summary: 'Deletes Artifact Registry package versions, tags or files, or turns on cleanup policies that delete images; deployments that pull them fail',
    hint: 'Run cleanup policies in dry-run mode first, and check nothing still deploys these versions',
    match: ['gcloud artifacts versions delete 1.2.0 --package=acme-core --repository=python-prod --location=us', 'gcloud artifacts docker tags delete us-east1-docker.acme.example/acme/app/api:stale', 'gcloud artifacts repositories set-cleanup-policies docker-prod --location=us --policy=policy.json --no-dry-run'],
    noMatch: ['gcloud artifacts versions list --package=acme-core --repository=python-prod --location=us', 'gcloud artifacts repositories set-cleanup-policies docker-prod --location=us --policy=policy.json --dry-run', 'gcloud artifacts docker tags list us-east1-docker.acme.example/acme/app/api'],
  }),
  registry({
    id: 'az.acr-manifest-delete',
    programs: ['az'],
    shape: AZ,
    paths: [['acr', 'manifest', 'delete'], ['acr', 'helm', 'delete'], ['acr', 'run'], ['acr', 'task', 'create']],
    // `acr purge` run as a quick task or scheduled one, unless it only reports (--dry-run).
    when: (a, p) => {
      const cmd = a.value('--cmd') ?? '';
      return p[1] === 'manifest' || p[1] === 'helm' || (/\bacr\s+purge\b/.test(cmd) && !cmd.includes('--dry-run'));
    },
    targetFlags: ['--registry', '-r', '--name', '-n'],
    severity: 'high',
    summary: 'Deletes Azure Container Registry manifests or charts, or purges images by filter; deployments that pull them fail',
    hint: 'Run `acr purge` with --dry-run first and read what it would delete',
    match: ['az acr manifest delete --registry acmeregistry --name api@sha256:4f3c2b1a --yes', 'az acr run --registry acmeregistry --cmd "acr purge --filter \'api:.*\' --ago 30d --untagged" /dev/null', 'az acr task create --name nightly-purge --registry acmeregistry --cmd "acr purge --filter \'web:.*\' --ago 7d" --schedule "0 1 * * *" --context /dev/null'],
    noMatch: ['az acr manifest list-metadata --registry acmeregistry --name api', 'az acr run --registry acmeregistry --cmd "acr purge --filter \'api:.*\' --ago 30d --dry-run" /dev/null', 'az acr run --registry acmeregistry -f acr-task.yaml .'],
  }),
];

export const registriesRules: readonly Rule[] = [...npmRules, ...yarnRules, ...packageRules, ...imageRules, ...artifactRules];
