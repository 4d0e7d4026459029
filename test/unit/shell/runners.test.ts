// Runners a fourth review round found unread (issue 14): each runs the command after it, here or
// on a remote machine, and the command is judged as if typed.
import { expect, test } from 'vitest';
import { ruleIds } from '../helpers';

test.each([
  ['heroku run env -a shop', 'secrets.env-dump'],
  ['heroku run printenv --app shop', 'secrets.env-dump'],
  ['heroku run rails db:drop -a shop-prod', 'rails.db-drop'],
  ['heroku ps:exec -a shop -- rm -rf ~', 'fs.rm-root'],
  ['saml2aws exec --exec-profile prod -- aws rds delete-db-instance --db-instance-identifier prod --skip-final-snapshot', 'aws.rds-delete-database'],
  ['granted exec prod -- aws dynamodb delete-table --table-name Orders', 'aws.dynamodb-delete-table'],
  ['render ssh srv-1 -- rm -rf ~', 'fs.rm-root'],
  ['script -q /dev/null rm -rf ~', 'fs.rm-root'],
  ['npx dotenv-cli -e .env.production -- printenv', 'secrets.env-dump'],
  ['vercel env run -- env', 'secrets.env-dump'],
  ['fd -t f . src -x rm', 'fs.find-delete'],
  ['fd -H . ~ -x rm -rf', 'fs.find-delete-broad'],
  ['fdfind . / -X rm -f', 'fs.find-delete-broad'],
])('%s is read (%s)', (line, rule) => {
  expect(ruleIds(line)).toContain(rule);
});

test.each([
  'heroku run bash -a shop', 'heroku run rails console -a shop', 'script session.log', 'npx dotenv-cli -e .env -- npm start',
  'fd -e pyc -x rm', 'fd node_modules -t d -x rm -rf', 'fd -e ts -x prettier --write', 'saml2aws exec -- aws s3 ls',
])('%s stays allowed', (line) => {
  expect(ruleIds(line)).toEqual([]);
});

// Fifth review round: workspace runners that run one command in every package, history prints, leases over every branch.
test.each([
  ['lerna exec -- rm -rf ~', 'fs.rm-root'],
  ['nx exec -- rm -rf ~', 'fs.rm-root'],
  ['yarn workspaces foreach -A exec rm -rf ~', 'fs.rm-root'],
  ['git log -p -S secret', 'secrets.grep-credentials'],
  ['git format-patch -1 --stdout HEAD -- .env', 'secrets.git-history-read'],
  ['git push --force-with-lease origin --all', 'git.push-force'],
  ['git push --force-with-lease origin HEAD:staging', 'git.push-force'],
])('%s is read (%s)', (line, rule) => {
  expect(ruleIds(line)).toContain(rule);
});
