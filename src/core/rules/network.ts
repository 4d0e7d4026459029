// DNS, CDN, load balancers and the network edge: record and zone deletions, load balancer,
// listener and CDN distribution deletions, released static IPs, deleted firewall rules and
// whole-cache purges, across aws, gcloud, az, doctl, Cloudflare (flarectl, wrangler, cloudflared,
// API), Fastly, Vercel, Hetzner, Linode, OCI, Scaleway, Vultr, DNS servers (nsupdate, pdnsutil,
// rndc) and IPVS. Route 53 zone deletion is in cloud.ts, `wrangler delete|d1|r2|kv|queues`
// in paas.ts, and plain HTTP DELETE calls to these APIs in http.ts.
import { flagValues, type Args } from './args';
import { pathReader, pathRuleFor, type PathSpec, type Step } from './pathRules';
import type { Rule } from './types';

const pathRule = pathRuleFor('network');

/* ---------------------------------------------------------------- aws */

const awsPath = pathReader([
  '--profile', '--region', '--output', '--endpoint-url', '--query', '--color', '--ca-bundle',
  '--cli-read-timeout', '--cli-connect-timeout', '--cli-binary-format',
]);

/** Every service × operation pair as a path. */
const awsPaths = (services: readonly string[], ops: readonly string[]): Step[][] => [[services, ops]];

type AwsSpec = Omit<PathSpec, 'programs' | 'read' | 'category'>;
const awsRule = (s: AwsSpec): Rule => pathRule({ ...s, programs: ['aws'], read: awsPath });

/**
 * Whether a Route 53 change batch deletes records. An inline batch is read; a batch in a file
 * cannot be, so only a file named for deleting counts (`file://delete-old-records.json`).
 */
function changeBatchDeletes(a: Args): boolean {
  const batch = a.value('--change-batch') ?? '';
  if (/^fileb?:\/\//i.test(batch)) return /delete|remove/i.test(batch.replace(/^fileb?:\/\//i, ''));
  return /"?Action"?\s*[:=]\s*"?DELETE\b/i.test(batch);
}

/** The record names an inline change batch touches (`api.prod.acme.com.`). */
function changeBatchNames(a: Args): string[] {
  const batch = a.value('--change-batch') ?? '';
  return [...batch.matchAll(/"?Name"?\s*[:=]\s*"?([A-Za-z0-9*_.-]+)/g)].map((m) => m[1] ?? '').slice(0, 16);
}

const awsRules: readonly Rule[] = [
  awsRule({
    id: 'aws.route53-delete-records',
    severity: 'high',
    summary: 'Deletes Route 53 DNS records; the names stop resolving',
    hint: 'Export the zone first (aws route53 list-resource-record-sets) and lower the TTL before removing records that serve traffic',
    paths: awsPaths(['route53'], ['change-resource-record-sets']),
    when: changeBatchDeletes,
    targetFlags: ['--hosted-zone-id'],
    moreTargets: changeBatchNames,
    match: [
      'aws route53 change-resource-record-sets --hosted-zone-id Z1D633PJN98FT9 --change-batch \'{"Changes":[{"Action":"DELETE","ResourceRecordSet":{"Name":"api.acme.com.","Type":"A","TTL":300,"ResourceRecords":[{"Value":"203.0.113.7"}]}}]}\'',
      'aws route53 change-resource-record-sets --hosted-zone-id Z3M3LMPEXAMPLE --change-batch file://delete-old-records.json',
      'aws --profile prod route53 change-resource-record-sets --hosted-zone-id Z1D633PJN98FT9 --change-batch=\'{"Changes": [{"Action": "DELETE", "ResourceRecordSet": {"Name": "www.prod.acme.com", "Type": "CNAME"}}]}\'',
    ],
    noMatch: [
      'aws route53 change-resource-record-sets --hosted-zone-id Z1D633PJN98FT9 --change-batch \'{"Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"api.acme.com.","Type":"A","TTL":60,"ResourceRecords":[{"Value":"203.0.113.8"}]}}]}\'',
      'aws route53 change-resource-record-sets --hosted-zone-id Z1D633PJN98FT9 --change-batch file://upsert-api.json',
      'aws route53 list-resource-record-sets --hosted-zone-id Z1D633PJN98FT9',
    ],
  }),
  awsRule({
    id: 'aws.route53-delete-config',
    severity: 'high',
    summary: 'Deletes a Route 53 health check or traffic policy, detaches a private zone from a VPC or turns DNSSEC signing off; failover, resolution or validation breaks',
    hint: 'Describe it first (get-health-check, get-hosted-zone) and check which records and VPCs depend on it',
    paths: [
      ['route53', ['delete-health-check', 'delete-traffic-policy', 'delete-traffic-policy-instance', 'disassociate-vpc-from-hosted-zone', 'disable-hosted-zone-dnssec', 'deactivate-key-signing-key', 'delete-key-signing-key']],
      ['route53resolver', ['delete-resolver-endpoint', 'delete-resolver-rule', 'disassociate-resolver-rule', 'delete-firewall-rule-group', 'delete-firewall-domain-list']],
    ],
    targetFlags: ['--health-check-id', '--hosted-zone-id', '--id', '--resolver-endpoint-id', '--resolver-rule-id'],
    match: ['aws route53 delete-health-check --health-check-id 02ec8401-9879-4259-91fa-04e66d094674', 'aws route53 disassociate-vpc-from-hosted-zone --hosted-zone-id Z1R8UBAEXAMPLE --vpc VPCRegion=us-east-1,VPCId=vpc-1a2b3c4d', 'aws route53resolver delete-resolver-endpoint --resolver-endpoint-id rslvr-in-f9ab8a03f1example'],
    noMatch: ['aws route53 get-health-check --health-check-id 02ec8401-9879-4259-91fa-04e66d094674', 'aws route53 associate-vpc-with-hosted-zone --hosted-zone-id Z1R8UBAEXAMPLE --vpc VPCRegion=us-east-1,VPCId=vpc-1', 'aws route53resolver list-resolver-endpoints'],
  }),
  awsRule({
    id: 'aws.acm-delete-certificate',
    severity: 'high',
    summary: 'Deletes an ACM certificate; an imported certificate and its key are gone from AWS, and HTTPS endpoints can no longer use it',
    hint: 'Check it is not in use first (aws acm describe-certificate, InUseBy) and keep a copy of imported certificates',
    paths: awsPaths(['acm'], ['delete-certificate']),
    targetFlags: ['--certificate-arn'],
    match: ['aws acm delete-certificate --certificate-arn arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012'],
    noMatch: ['aws acm describe-certificate --certificate-arn arn:aws:acm:us-east-1:1:certificate/x', 'aws acm list-certificates', 'aws acm request-certificate --domain-name www.acme.com'],
  }),
  awsRule({
    id: 'aws.route53domains-delete-domain',
    severity: 'critical',
    summary: 'Deletes a domain registration; the domain stops resolving and can be registered by someone else',
    hint: 'Turn auto-renew off instead if the domain is being retired, and check nothing still uses it',
    paths: awsPaths(['route53domains'], ['delete-domain']),
    targetFlags: ['--domain-name'],
    match: ['aws route53domains delete-domain --domain-name acme.com', 'aws route53domains delete-domain --region us-east-1 --domain-name=acme-shop.io'],
    noMatch: ['aws route53domains get-domain-detail --domain-name acme.com', 'aws route53domains list-domains'],
  }),
  awsRule({
    id: 'aws.cloudfront-delete-distribution',
    severity: 'high',
    summary: 'Deletes a CloudFront (or Lightsail) distribution, or a CloudFront function, policy or key store it uses; the site it fronts stops being served as before',
    hint: 'Point DNS away from the distribution first and keep its config (aws cloudfront get-distribution-config) so it can be recreated',
    paths: [
      [['cloudfront', 'lightsail'], ['delete-distribution', 'delete-streaming-distribution']],
      ['cloudfront', [
        'delete-function', 'delete-cache-policy', 'delete-origin-request-policy', 'delete-response-headers-policy',
        'delete-origin-access-control', 'delete-cloud-front-origin-access-identity', 'delete-key-value-store',
        'delete-continuous-deployment-policy', 'delete-key-group', 'delete-public-key',
      ]],
    ],
    targetFlags: ['--id', '--distribution-name', '--name'],
    match: ['aws cloudfront delete-distribution --id E2QWRUHAPOMQZL --if-match E2QWRUHEXAMPLE', 'aws lightsail delete-distribution --distribution-name site-prod', 'aws cloudfront delete-function --name rewrite-urls --if-match ETVPDKIKX0DER'],
    noMatch: ['aws cloudfront get-distribution --id E2QWRUHAPOMQZL', 'aws cloudfront create-invalidation --distribution-id E2QWRUHAPOMQZL --paths "/index.html"', 'aws cloudfront update-distribution --id E2QWRUHAPOMQZL --distribution-config file://dist.json --if-match E1'],
  }),
  awsRule({
    id: 'aws.elb-delete',
    severity: 'high',
    summary: 'Deletes a load balancer, listener, rule or target group; traffic through it stops, and a recreated load balancer gets a new DNS name',
    hint: 'Move traffic (DNS, listeners) off it first and keep its config (aws elbv2 describe-load-balancers / describe-listeners)',
    paths: awsPaths(['elbv2', 'elb', 'lightsail'], [
      'delete-load-balancer', 'delete-listener', 'delete-target-group', 'delete-rule', 'delete-load-balancer-listeners',
    ]),
    targetFlags: ['--load-balancer-arn', '--load-balancer-name', '--listener-arn', '--target-group-arn', '--rule-arn'],
    match: [
      'aws elbv2 delete-load-balancer --load-balancer-arn arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/prod-alb/50dc6c495c0c9188',
      'aws elbv2 delete-listener --listener-arn arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/api/50dc6c/f2f7dc',
      'aws elbv2 delete-target-group --target-group-arn arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-stg/73e2d6bc24d8a067',
      'aws elb delete-load-balancer --load-balancer-name legacy-web',
    ],
    noMatch: ['aws elbv2 describe-load-balancers --names prod-alb', 'aws elbv2 deregister-targets --target-group-arn arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/7 --targets Id=i-0abc', 'aws elbv2 create-listener --load-balancer-arn arn:x --protocol HTTPS --port 443'],
  }),
  awsRule({
    id: 'aws.globalaccelerator-delete',
    severity: 'high',
    summary: 'Deletes a Global Accelerator; its static anycast IP addresses are released for good',
    hint: 'Disable the accelerator first and make sure no client or allow-list still uses its IPs',
    paths: awsPaths(['globalaccelerator'], ['delete-accelerator', 'delete-custom-routing-accelerator']),
    targetFlags: ['--accelerator-arn'],
    match: ['aws globalaccelerator delete-accelerator --accelerator-arn arn:aws:globalaccelerator::123456789012:accelerator/1234abcd-abcd-1234-abcd-1234abcdefgh --region us-west-2'],
    noMatch: ['aws globalaccelerator describe-accelerator --accelerator-arn arn:aws:globalaccelerator::1:accelerator/x', 'aws globalaccelerator update-accelerator --accelerator-arn arn:x --no-enabled'],
  }),
  awsRule({
    id: 'aws.apigateway-delete',
    severity: 'high',
    summary: 'Deletes an API Gateway API or part of it (stage, route, resource, authorizer, key, custom domain); its clients start failing',
    hint: 'Export the API first (aws apigateway get-export) and delete through the IaC that created it',
    paths: awsPaths(['apigateway', 'apigatewayv2'], [
      'delete-rest-api', 'delete-api', 'delete-stage', 'delete-domain-name', 'delete-base-path-mapping', 'delete-api-mapping',
      'delete-resource', 'delete-method', 'delete-route', 'delete-integration', 'delete-authorizer', 'delete-api-key',
      'delete-usage-plan', 'delete-vpc-link',
    ]),
    targetFlags: ['--rest-api-id', '--api-id', '--stage-name', '--domain-name'],
    match: ['aws apigateway delete-rest-api --rest-api-id 1234123412', 'aws apigatewayv2 delete-api --api-id a1b2c3d4', 'aws apigateway delete-stage --rest-api-id 1234123412 --stage-name prod'],
    noMatch: ['aws apigateway get-rest-apis', 'aws apigateway create-deployment --rest-api-id 1234123412 --stage-name prod', 'aws apigatewayv2 get-api --api-id a1b2c3d4'],
  }),
  awsRule({
    id: 'aws.waf-delete',
    severity: 'high',
    summary: 'Deletes or detaches a WAF web ACL, rule group or IP set (or a Shield protection); the traffic it filtered reaches the origin',
    hint: 'Switch the rules to count mode first to see what they block, and keep the ACL definition (get-web-acl)',
    paths: [
      [['wafv2', 'waf', 'waf-regional'], ['delete-web-acl', 'delete-rule-group', 'delete-ip-set', 'delete-regex-pattern-set', 'disassociate-web-acl']],
      ['shield', 'delete-protection'],
    ],
    targetFlags: ['--name', '--id', '--resource-arn', '--web-acl-id', '--protection-id'],
    match: ['aws wafv2 delete-web-acl --name prod-acl --scope REGIONAL --id a1b2c3 --lock-token 1f2e3d', 'aws wafv2 disassociate-web-acl --resource-arn arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/prod-alb/50dc', 'aws waf-regional delete-web-acl --web-acl-id a1b2 --change-token t1'],
    noMatch: ['aws wafv2 get-web-acl --name prod-acl --scope REGIONAL --id a1b2c3', 'aws wafv2 list-web-acls --scope CLOUDFRONT', 'aws wafv2 associate-web-acl --web-acl-arn arn:x --resource-arn arn:y'],
  }),
  awsRule({
    id: 'aws.ec2-release-address',
    severity: 'high',
    summary: 'Releases an Elastic IP address; the public IP is returned to AWS and usually cannot be recovered',
    hint: 'Disassociate it instead if it is only being moved, and check DNS records and allow-lists that name it',
    paths: awsPaths(['ec2'], ['release-address']),
    targetFlags: ['--allocation-id', '--public-ip'],
    match: ['aws ec2 release-address --allocation-id eipalloc-64d5890a', 'aws ec2 release-address --public-ip 203.0.113.25 --region eu-west-1'],
    noMatch: ['aws ec2 describe-addresses', 'aws ec2 disassociate-address --association-id eipassoc-2bebb745', 'aws ec2 allocate-address --domain vpc'],
  }),
  awsRule({
    id: 'aws.ec2-firewall-delete',
    severity: 'high',
    summary: 'Deletes a security group or network ACL, or revokes its rules; traffic it allowed is cut off (or what it blocked gets through)',
    hint: 'Describe the group and its rules first (aws ec2 describe-security-groups) so they can be restored',
    paths: awsPaths(['ec2'], ['delete-security-group', 'revoke-security-group-ingress', 'revoke-security-group-egress', 'delete-network-acl', 'delete-network-acl-entry']),
    targetFlags: ['--group-id', '--group-name', '--network-acl-id'],
    match: ['aws ec2 delete-security-group --group-id sg-903004f8', 'aws ec2 revoke-security-group-ingress --group-id sg-1a2b3c4d --protocol tcp --port 443 --cidr 0.0.0.0/0', 'aws ec2 delete-network-acl-entry --network-acl-id acl-5fb85d36 --ingress --rule-number 100'],
    noMatch: ['aws ec2 describe-security-groups --group-ids sg-903004f8', 'aws ec2 authorize-security-group-ingress --group-id sg-1a2b3c4d --protocol tcp --port 443 --cidr 10.0.0.0/8'],
  }),
  awsRule({
    id: 'aws.vpc-delete',
    severity: 'high',
    summary: 'Deletes a VPC, subnet, gateway, VPN, peering or route table; whatever routes through it loses connectivity',
    hint: 'Check what still uses it (aws ec2 describe-network-interfaces --filters …) and delete through the IaC that created it',
    paths: awsPaths(['ec2'], [
      'delete-vpc', 'delete-subnet', 'delete-nat-gateway', 'delete-internet-gateway', 'delete-egress-only-internet-gateway',
      'delete-transit-gateway', 'delete-transit-gateway-vpc-attachment', 'delete-vpn-connection', 'delete-vpn-gateway',
      'delete-customer-gateway', 'delete-vpc-peering-connection', 'delete-route-table', 'delete-route', 'delete-vpc-endpoints',
    ]),
    targetFlags: ['--vpc-id', '--subnet-id', '--nat-gateway-id', '--internet-gateway-id', '--transit-gateway-id', '--vpn-connection-id', '--vpc-peering-connection-id', '--route-table-id'],
    match: ['aws ec2 delete-vpc --vpc-id vpc-0a60eb65b4EXAMPLE', 'aws ec2 delete-nat-gateway --nat-gateway-id nat-04ae55e711cec5680', 'aws ec2 delete-route --route-table-id rtb-22574640 --destination-cidr-block 0.0.0.0/0'],
    noMatch: ['aws ec2 describe-vpcs', 'aws ec2 create-subnet --vpc-id vpc-0a60eb65b4EXAMPLE --cidr-block 10.0.1.0/24', 'aws ec2 replace-route --route-table-id rtb-22574640 --destination-cidr-block 0.0.0.0/0 --gateway-id igw-1'],
  }),
];

/* ---------------------------------------------------------------- gcloud */

const gcloudOperands = pathReader([
  '--project', '--account', '--configuration', '--format', '--verbosity', '--impersonate-service-account',
  '--billing-project', '--flags-file', '--trace-token', '--region', '--zone',
]);

/** The gcloud command path, release track (`alpha`, `beta`) dropped. */
function gcloudPath(a: Args): string[] {
  const p = gcloudOperands(a);
  return ['alpha', 'beta', 'preview'].includes((p[0] ?? '').toLowerCase()) ? p.slice(1) : p;
}

type GcloudSpec = Omit<PathSpec, 'programs' | 'read' | 'category'>;
const gcloudRule = (s: GcloudSpec): Rule => pathRule({ ...s, programs: ['gcloud'], read: gcloudPath });

const GCLOUD_LB_RESOURCES = [
  'forwarding-rules', 'url-maps', 'target-http-proxies', 'target-https-proxies', 'target-ssl-proxies', 'target-tcp-proxies',
  'target-grpc-proxies', 'target-pools', 'target-instances', 'backend-services', 'backend-buckets', 'network-endpoint-groups',
  'ssl-certificates', 'ssl-policies', 'security-policies', 'health-checks', 'http-health-checks', 'https-health-checks',
];

/** `--path "/*"` or `--path=/`: the whole cache. */
const wholeCachePath = (paths: readonly string[]): boolean => paths.some((p) => p === '/*' || p === '/' || p === '*');

const gcloudRules: readonly Rule[] = [
  gcloudRule({
    id: 'gcloud.dns-managed-zones-delete',
    severity: 'critical',
    summary: 'Deletes a Cloud DNS managed zone; every name in it stops resolving',
    hint: 'Export the records first (gcloud dns record-sets export) and move the delegation before deleting',
    paths: [['dns', 'managed-zones', 'delete']],
    match: ['gcloud dns managed-zones delete acme-com', 'gcloud dns managed-zones delete prod-zone --project acme-prod --quiet'],
    noMatch: ['gcloud dns managed-zones list', 'gcloud dns managed-zones describe acme-com', 'gcloud dns managed-zones create acme-dev --dns-name dev.acme.com. --description dev'],
  }),
  gcloudRule({
    id: 'gcloud.dns-record-sets-delete',
    severity: 'high',
    summary: 'Deletes Cloud DNS records (or stages their removal in a transaction); the names stop resolving',
    hint: 'Export the zone first (gcloud dns record-sets export) and lower the TTL before removing records that serve traffic',
    paths: [['dns', 'record-sets', 'delete'], ['dns', 'record-sets', 'transaction', 'remove']],
    targetFlags: ['--zone', '-z', '--name'],
    match: ['gcloud dns record-sets delete api.acme.com. --type=A --zone=acme-com', 'gcloud dns record-sets transaction remove --zone=prod-zone --name=www.acme.com. --type=CNAME --ttl=300 lb.acme.com.', 'gcloud beta dns record-sets delete old.acme.com. --type=TXT -z acme-com'],
    noMatch: ['gcloud dns record-sets list --zone=acme-com', 'gcloud dns record-sets create api.acme.com. --type=A --zone=acme-com --rrdatas=203.0.113.7', 'gcloud dns record-sets transaction add --zone=prod-zone --name=www.acme.com. --type=A --ttl=300 203.0.113.9'],
  }),
  gcloudRule({
    id: 'gcloud.dns-import-replace',
    severity: 'high',
    summary: 'Replaces every record of a Cloud DNS zone with an imported file (--delete-all-existing)',
    hint: 'Export the zone first (gcloud dns record-sets export) and diff it against the file',
    paths: [['dns', 'record-sets', 'import']],
    when: (a) => a.has('--delete-all-existing'),
    targetFlags: ['--zone', '-z'],
    match: ['gcloud dns record-sets import zone.yaml --zone=acme-com --delete-all-existing', 'gcloud dns record-sets import db.acme.com --zone-file-format --zone prod-zone --delete-all-existing'],
    noMatch: ['gcloud dns record-sets import zone.yaml --zone=acme-com', 'gcloud dns record-sets export zone.yaml --zone=acme-com'],
  }),
  gcloudRule({
    id: 'gcloud.domains-registrations-delete',
    severity: 'critical',
    summary: 'Deletes a Cloud Domains registration; the domain stops being renewed and can be lost',
    hint: 'Export the registration (gcloud domains registrations export) or transfer it instead',
    paths: [['domains', 'registrations', 'delete']],
    match: ['gcloud domains registrations delete acme.com', 'gcloud domains registrations delete acme-shop.dev --quiet'],
    noMatch: ['gcloud domains registrations describe acme.com', 'gcloud domains registrations list'],
  }),
  gcloudRule({
    id: 'gcloud.compute-lb-delete',
    severity: 'high',
    summary: 'Deletes part of a Google Cloud load balancer (forwarding rule, URL map, proxy, backend service, certificate or Cloud Armor policy); its traffic stops',
    hint: 'Export the resource first (gcloud compute … describe / export) and move traffic off it',
    paths: [
      ['compute', GCLOUD_LB_RESOURCES, 'delete'],
      ['certificate-manager', ['certificates', 'maps'], 'delete'],
    ],
    match: ['gcloud compute forwarding-rules delete prod-https-fr --global', 'gcloud compute url-maps delete web-map --quiet', 'gcloud compute backend-services delete api-backend --global', 'gcloud compute ssl-certificates delete acme-cert-2024'],
    noMatch: ['gcloud compute forwarding-rules list', 'gcloud compute url-maps describe web-map', 'gcloud compute backend-services add-backend api-backend --instance-group ig-1 --global'],
  }),
  gcloudRule({
    id: 'gcloud.compute-addresses-delete',
    severity: 'high',
    summary: 'Releases a reserved static IP address; the IP is gone for good once released',
    hint: 'Check DNS records and allow-lists that name the IP first (gcloud compute addresses describe)',
    paths: [['compute', 'addresses', 'delete']],
    match: ['gcloud compute addresses delete prod-lb-ip --global', 'gcloud compute addresses delete nat-ip-1 --region us-central1 --quiet'],
    noMatch: ['gcloud compute addresses list', 'gcloud compute addresses create staging-ip --region us-central1'],
  }),
  gcloudRule({
    id: 'gcloud.compute-firewall-delete',
    severity: 'high',
    summary: 'Deletes a VPC firewall rule or policy; traffic it allowed is cut off (or what it blocked gets through)',
    hint: 'Describe the rule first (gcloud compute firewall-rules describe) so it can be recreated, or disable it (--disabled)',
    paths: [
      ['compute', 'firewall-rules', 'delete'], ['compute', ['firewall-policies', 'network-firewall-policies'], 'delete'],
      ['compute', ['firewall-policies', 'network-firewall-policies'], 'rules', 'delete'],
    ],
    match: ['gcloud compute firewall-rules delete allow-https', 'gcloud compute firewall-rules delete default-allow-ssh --quiet', 'gcloud compute network-firewall-policies rules delete 1000 --firewall-policy prod-policy --global-firewall-policy'],
    noMatch: ['gcloud compute firewall-rules list', 'gcloud compute firewall-rules update allow-https --disabled', 'gcloud compute firewall-rules create allow-health --allow tcp:80'],
  }),
  gcloudRule({
    id: 'gcloud.compute-network-delete',
    severity: 'high',
    summary: 'Deletes a VPC network, subnet, peering, Cloud Router/NAT or VPN; whatever routes through it loses connectivity',
    hint: 'Check what still uses it first and delete through the IaC that created it',
    paths: [
      ['compute', 'networks', 'delete'], ['compute', 'networks', ['subnets', 'peerings'], 'delete'],
      ['compute', 'routers', 'delete'], ['compute', 'routers', 'nats', 'delete'],
      ['compute', ['vpn-tunnels', 'vpn-gateways', 'target-vpn-gateways', 'routes'], 'delete'],
      ['compute', 'interconnects', 'attachments', 'delete'],
    ],
    match: ['gcloud compute networks delete prod-vpc', 'gcloud compute networks subnets delete app-subnet --region us-central1', 'gcloud compute routers nats delete nat-config --router prod-router --region us-central1'],
    noMatch: ['gcloud compute networks list', 'gcloud compute networks subnets describe app-subnet --region us-central1', 'gcloud compute routers get-status prod-router --region us-central1'],
  }),
  gcloudRule({
    id: 'gcloud.cdn-invalidate-all',
    severity: 'high',
    summary: 'Invalidates the whole Cloud CDN cache of a URL map; every request goes to the origin until the cache refills',
    hint: 'Invalidate only the paths that changed (--path /assets/app.js), or use versioned file names',
    paths: [['compute', 'url-maps', 'invalidate-cdn-cache']],
    when: (a) => wholeCachePath(a.values('--path')),
    match: ['gcloud compute url-maps invalidate-cdn-cache web-map --path "/*"', 'gcloud compute url-maps invalidate-cdn-cache prod-map --path=/* --async'],
    noMatch: ['gcloud compute url-maps invalidate-cdn-cache web-map --path /assets/app.js', 'gcloud compute url-maps describe web-map'],
  }),
];

/* ---------------------------------------------------------------- az */

const azPath = pathReader(['--subscription', '--output', '-o', '--query']);
type AzSpec = Omit<PathSpec, 'programs' | 'read' | 'category'>;
const azRule = (s: AzSpec): Rule => pathRule({ ...s, programs: ['az'], read: azPath });

const AZ_DNS_TYPES = ['a', 'aaaa', 'caa', 'cname', 'ds', 'mx', 'naptr', 'ns', 'ptr', 'soa', 'srv', 'tlsa', 'txt'];
const AZ_TARGETS = ['--name', '-n', '--zone-name', '-z', '--resource-group', '-g', '--profile-name', '--endpoint-name', '--gateway-name', '--lb-name', '--nsg-name', '--vnet-name'];

/** The values of az's `--content-paths`, which take every word up to the next flag. */
function azContentPaths(a: Args): string[] {
  const at = a.list.findIndex((w) => w === '--content-paths' || w.startsWith('--content-paths='));
  if (at < 0) return [];
  const first = a.list[at] ?? '';
  const rest: string[] = [];
  for (const w of a.list.slice(at + 1)) {
    if (w.startsWith('-')) break;
    rest.push(w);
  }
  return first.includes('=') ? [first.slice(first.indexOf('=') + 1), ...rest] : rest;
}

const azRules: readonly Rule[] = [
  azRule({
    id: 'az.dns-zone-delete',
    severity: 'critical',
    summary: 'Deletes an Azure DNS zone (public or private); every name in it stops resolving',
    hint: 'Export the zone first (az network dns zone export) and put a delete lock on production zones',
    paths: [['network', ['dns', 'private-dns'], 'zone', 'delete']],
    targetFlags: AZ_TARGETS,
    match: ['az network dns zone delete -g rg-dns -n acme.com --yes', 'az network private-dns zone delete --resource-group rg-prod --name privatelink.database.windows.net -y'],
    noMatch: ['az network dns zone show -g rg-dns -n acme.com', 'az network dns zone export -g rg-dns -n acme.com -f acme.zone', 'az network dns zone list'],
  }),
  azRule({
    id: 'az.dns-record-delete',
    severity: 'high',
    summary: 'Deletes an Azure DNS record set or a record from it; the name stops resolving',
    hint: 'Export the zone first (az network dns zone export) and lower the TTL before removing records that serve traffic',
    paths: [['network', ['dns', 'private-dns'], 'record-set', AZ_DNS_TYPES, ['delete', 'remove-record']]],
    targetFlags: AZ_TARGETS,
    match: ['az network dns record-set a delete -g rg-dns -z acme.com -n api --yes', 'az network dns record-set cname remove-record -g rg-dns -z acme.com -n www -c lb.acme.com', 'az network private-dns record-set a delete -g rg-prod -z internal.acme.com -n db -y'],
    noMatch: ['az network dns record-set a list -g rg-dns -z acme.com', 'az network dns record-set a add-record -g rg-dns -z acme.com -n api -a 203.0.113.7', 'az network dns record-set a show -g rg-dns -z acme.com -n api'],
  }),
  azRule({
    id: 'az.lb-delete',
    severity: 'high',
    summary: 'Deletes an Azure load balancer, Application Gateway, Front Door, CDN profile/endpoint or Traffic Manager profile; its traffic stops',
    hint: 'Move traffic (DNS) off it first, export its config (az … show -o json), and put a delete lock on production resources',
    paths: [
      ['network', ['lb', 'application-gateway', 'front-door'], 'delete'],
      ['network', 'lb', ['rule', 'frontend-ip', 'address-pool', 'probe', 'inbound-nat-rule', 'outbound-rule'], 'delete'],
      ['network', 'application-gateway', ['http-listener', 'rule', 'address-pool', 'frontend-port', 'frontend-ip', 'ssl-cert', 'http-settings', 'probe', 'url-path-map'], 'delete'],
      ['network', 'traffic-manager', ['profile', 'endpoint'], 'delete'],
      [['afd', 'cdn'], ['profile', 'endpoint', 'custom-domain', 'route', 'origin-group'], 'delete'],
    ],
    targetFlags: AZ_TARGETS,
    match: ['az network lb delete -g rg-prod -n prod-lb', 'az network application-gateway delete --name agw-web --resource-group rg-web', 'az cdn endpoint delete -g rg-cdn --profile-name acme-cdn -n static-prod', 'az afd profile delete -g rg-edge --profile-name acme-fd --yes'],
    noMatch: ['az network lb show -g rg-prod -n prod-lb', 'az network application-gateway stop -n agw-web -g rg-web', 'az cdn endpoint list -g rg-cdn --profile-name acme-cdn'],
  }),
  azRule({
    id: 'az.lb-stop',
    severity: 'high',
    summary: 'Stops an Azure Application Gateway or CDN endpoint; it stops serving traffic until it is started again',
    hint: 'Move traffic off it first (DNS, Traffic Manager), or scale it down instead of stopping it',
    paths: [['network', 'application-gateway', 'stop'], [['cdn', 'afd'], 'endpoint', 'stop']],
    targetFlags: AZ_TARGETS,
    match: ['az network application-gateway stop --resource-group rg-web --name appgw-staging', 'az cdn endpoint stop -g rg-cdn --profile-name acme-cdn -n static-prod'],
    noMatch: ['az network application-gateway start --resource-group rg-web --name appgw-staging', 'az network application-gateway show-backend-health -g rg-web -n appgw-prod'],
  }),
  azRule({
    id: 'az.public-ip-delete',
    severity: 'high',
    summary: 'Deletes an Azure public IP address or prefix; the IP is released and cannot be recovered',
    hint: 'Check DNS records and allow-lists that name the IP first (az network public-ip show)',
    paths: [['network', 'public-ip', 'delete'], ['network', 'public-ip', 'prefix', 'delete']],
    targetFlags: AZ_TARGETS,
    match: ['az network public-ip delete -g rg-prod -n pip-prod-lb', 'az network public-ip prefix delete --name egress-prefix --resource-group rg-net'],
    noMatch: ['az network public-ip show -g rg-prod -n pip-prod-lb', 'az network public-ip create -g rg-dev -n pip-dev --sku Standard'],
  }),
  azRule({
    id: 'az.firewall-delete',
    severity: 'high',
    summary: 'Deletes an Azure network security group, NSG rule, Azure Firewall or WAF policy; traffic it allowed is cut off (or what it blocked gets through)',
    hint: 'Export the rules first (az network nsg show -o json) so they can be restored',
    paths: [
      ['network', 'nsg', 'delete'], ['network', 'nsg', 'rule', 'delete'], ['network', 'firewall', 'delete'],
      ['network', 'firewall', 'policy', 'delete'], ['network', ['application-gateway', 'front-door'], 'waf-policy', 'delete'],
    ],
    targetFlags: AZ_TARGETS,
    match: ['az network nsg delete -g rg-prod -n nsg-web', 'az network nsg rule delete -g rg-prod --nsg-name nsg-web -n allow-https', 'az network firewall delete -g rg-hub -n fw-hub'],
    noMatch: ['az network nsg show -g rg-prod -n nsg-web', 'az network nsg rule create -g rg-prod --nsg-name nsg-web -n allow-ssh --priority 100', 'az network nsg rule list -g rg-prod --nsg-name nsg-web'],
  }),
  azRule({
    id: 'az.vnet-delete',
    severity: 'high',
    summary: 'Deletes an Azure virtual network, subnet, peering, NAT gateway, VPN gateway or private endpoint; whatever routes through it loses connectivity',
    hint: 'Check what still uses it first and delete through the IaC that created it',
    paths: [
      ['network', ['vnet', 'vnet-gateway', 'vpn-connection', 'private-endpoint', 'local-gateway', 'route-table'], 'delete'],
      ['network', 'vnet', ['subnet', 'peering'], 'delete'], ['network', 'nat', 'gateway', 'delete'],
    ],
    targetFlags: AZ_TARGETS,
    match: ['az network vnet delete -g rg-prod -n vnet-prod', 'az network vnet subnet delete -g rg-prod --vnet-name vnet-prod -n snet-app', 'az network nat gateway delete -g rg-prod -n natgw-egress'],
    noMatch: ['az network vnet list -g rg-prod', 'az network vnet subnet show -g rg-prod --vnet-name vnet-prod -n snet-app', 'az network vnet create -g rg-dev -n vnet-dev'],
  }),
  azRule({
    id: 'az.cdn-purge-all',
    severity: 'high',
    summary: 'Purges the whole cache of an Azure CDN or Front Door endpoint; every request goes to the origin until the cache refills',
    hint: 'Purge only the paths that changed (--content-paths /assets/app.js), or use versioned file names',
    paths: [[['cdn', 'afd'], 'endpoint', 'purge'], ['network', 'front-door', 'purge-endpoint']],
    when: (a) => wholeCachePath(azContentPaths(a)),
    targetFlags: AZ_TARGETS,
    match: ['az cdn endpoint purge -g rg-cdn --profile-name acme-cdn -n static-prod --content-paths "/*"', 'az afd endpoint purge -g rg-edge --profile-name acme-fd --endpoint-name web --content-paths /index.html "/*"'],
    noMatch: ['az cdn endpoint purge -g rg-cdn --profile-name acme-cdn -n static-prod --content-paths /css/site.css /js/app.js', 'az cdn endpoint show -g rg-cdn --profile-name acme-cdn -n static-prod'],
  }),
];

/* ---------------------------------------------------------------- doctl */

const doctlPath = pathReader(['--access-token', '-t', '--output', '-o', '--config', '-c', '--context', '--api-url', '-u', '--format']);
type DoctlSpec = Omit<PathSpec, 'programs' | 'read' | 'category'>;
const doctlRule = (s: DoctlSpec): Rule => pathRule({ ...s, programs: ['doctl'], read: doctlPath });

const COMPUTE = ['compute', 'c'];
const DOCTL_DELETE = ['delete', 'd', 'del', 'rm'];

const doctlRules: readonly Rule[] = [
  doctlRule({
    id: 'doctl.domain-delete',
    severity: 'critical',
    summary: 'Deletes a domain from DigitalOcean DNS with every record in it; the names stop resolving',
    hint: 'Export the records first (doctl compute domain records list <domain> -o json) and move the delegation before deleting',
    paths: [[COMPUTE, ['domain', 'domains'], DOCTL_DELETE]],
    match: ['doctl compute domain delete acme.com --force', 'doctl compute domain rm acme-staging.io'],
    noMatch: ['doctl compute domain list', 'doctl compute domain get acme.com', 'doctl compute domain create acme.dev'],
  }),
  doctlRule({
    id: 'doctl.domain-records-delete',
    severity: 'high',
    summary: 'Deletes DNS records from a DigitalOcean domain; the names stop resolving',
    hint: 'List the records first (doctl compute domain records list <domain>) and lower the TTL before removing records that serve traffic',
    paths: [[COMPUTE, ['domain', 'domains'], ['records', 'record'], DOCTL_DELETE]],
    match: ['doctl compute domain records delete acme.com 98858421 --force', 'doctl compute domain records rm acme.com 1234 5678'],
    noMatch: ['doctl compute domain records list acme.com', 'doctl compute domain records create acme.com --record-type A --record-name api --record-data 203.0.113.7'],
  }),
  doctlRule({
    id: 'doctl.load-balancer-delete',
    severity: 'high',
    summary: 'Deletes a DigitalOcean load balancer; its IP is released and traffic through it stops',
    hint: 'Move DNS off the load balancer first and keep its config (doctl compute load-balancer get -o json)',
    paths: [[COMPUTE, ['load-balancer', 'lb'], DOCTL_DELETE]],
    match: ['doctl compute load-balancer delete 4de7ac8b-495b-4884-9a69-1050c6793cd6 --force', 'doctl compute lb rm prod-lb-id'],
    noMatch: ['doctl compute load-balancer list', 'doctl compute load-balancer get 4de7ac8b-495b-4884-9a69-1050c6793cd6', 'doctl compute load-balancer remove-droplets 4de7ac8b --droplet-ids 123'],
  }),
  doctlRule({
    id: 'doctl.firewall-delete',
    severity: 'high',
    summary: 'Deletes a DigitalOcean cloud firewall or removes its rules; traffic it allowed is cut off (or what it blocked gets through)',
    hint: 'Save the firewall first (doctl compute firewall get <id> -o json) so it can be recreated',
    paths: [[COMPUTE, ['firewall', 'fw'], [...DOCTL_DELETE, 'remove-rules']]],
    match: ['doctl compute firewall delete bb4b2611-3d72-467b-8602-280330ecd65c --force', 'doctl compute fw remove-rules bb4b2611 --inbound-rules "protocol:tcp,ports:22,address:0.0.0.0/0"'],
    noMatch: ['doctl compute firewall list', 'doctl compute firewall add-rules bb4b2611 --inbound-rules "protocol:tcp,ports:443"'],
  }),
  doctlRule({
    id: 'doctl.reserved-ip-delete',
    severity: 'high',
    summary: 'Releases a DigitalOcean reserved (floating) IP; the address is gone for good',
    hint: 'Unassign it instead if it is only being moved, and check DNS records that name it',
    paths: [[COMPUTE, ['reserved-ip', 'reserved-ips', 'rip', 'reserved-ipv6', 'floating-ip', 'fip'], DOCTL_DELETE]],
    match: ['doctl compute reserved-ip delete 203.0.113.25 --force', 'doctl compute floating-ip rm 198.51.100.4'],
    noMatch: ['doctl compute reserved-ip list', 'doctl compute reserved-ip-action unassign 203.0.113.25'],
  }),
  doctlRule({
    id: 'doctl.network-delete',
    severity: 'high',
    summary: 'Deletes a DigitalOcean VPC, CDN endpoint or TLS certificate; what uses it stops working',
    hint: 'Check what still uses it first (doctl vpcs get, doctl compute cdn get) and keep its config',
    paths: [[['vpcs', 'vpc'], DOCTL_DELETE], [COMPUTE, 'cdn', DOCTL_DELETE], [COMPUTE, ['certificate', 'cert', 'certificates'], DOCTL_DELETE]],
    match: ['doctl vpcs delete 5a4981aa-9653-4bd1-bef5-d6bff52042e4 --force', 'doctl compute cdn delete 19f06b6a-3ace-4315-b086-499a0e521b76', 'doctl compute certificate delete 892071a0-bb95-49bc-8021-3afd67a210bf -f'],
    noMatch: ['doctl vpcs list', 'doctl compute cdn list', 'doctl compute certificate get 892071a0'],
  }),
  doctlRule({
    id: 'doctl.cdn-flush-all',
    severity: 'high',
    summary: 'Flushes the whole cache of a DigitalOcean CDN endpoint (the default when no --files is given)',
    hint: 'Flush only the files that changed (--files /assets/app.js), or use versioned file names',
    paths: [[COMPUTE, 'cdn', ['flush', 'fc']]],
    when: (a) => {
      const files = a.values('--files').flatMap((f) => f.split(',').map((x) => x.trim()));
      return files.length === 0 || wholeCachePath(files);
    },
    match: ['doctl compute cdn flush 19f06b6a-3ace-4315-b086-499a0e521b76', 'doctl compute cdn flush 19f06b6a --files "*"'],
    noMatch: ['doctl compute cdn flush 19f06b6a --files /assets/app.css', 'doctl compute cdn get 19f06b6a'],
  }),
];

/* ---------------------------------------------------------------- Cloudflare, Fastly, Vercel */

const flarectlPath = pathReader(['--account-id']);
const wranglerPath = pathReader(['-e', '--env', '-c', '--config', '--cwd']);

// Wrangler subcommands whose `delete` the paas rule `cloudflare.delete` does not cover.
const WRANGLER_MORE = [
  'pages', 'secret', 'hyperdrive', 'dispatch-namespace', 'workflows', 'pipelines', 'kv:key', 'kv:bulk',
  'mtls-certificate', 'cert', 'containers', 'secrets-store', 'versions',
];

const FASTLY_VALUE_FLAGS = ['--token', '--profile', '-o', '--service-id', '-s', '--service-name', '--version', '--name', '-n', '--store-id', '--key'];
const fastlyOperands = pathReader(FASTLY_VALUE_FLAGS);
// Resources the newer CLI also nests under `fastly service …`.
const FASTLY_NESTED = ['purge', 'domain', 'backend', 'acl', 'acl-entry', 'dictionary', 'dictionary-entry', 'healthcheck', 'vcl', 'version'];

/** The Fastly command path, with `service` dropped before a nested resource (`fastly service purge`). */
function fastlyPath(a: Args): string[] {
  const p = fastlyOperands(a);
  return (p[0] ?? '').toLowerCase() === 'service' && FASTLY_NESTED.includes((p[1] ?? '').toLowerCase()) ? p.slice(1) : p;
}

const FASTLY_TARGETS = ['--service-id', '-s', '--service-name', '--name', '-n', '--store-id'];
const vercelPath = pathReader(['--scope', '-S', '--token', '-t', '--team', '-T', '--cwd', '--local-config', '-A', '--global-config', '-Q']);

const edgeRules: readonly Rule[] = [
  pathRule({
    id: 'flarectl.zone-delete',
    programs: ['flarectl'],
    severity: 'critical',
    summary: 'Deletes a Cloudflare zone with all its DNS records and settings; the domain stops resolving',
    hint: 'Export the records first (flarectl zone export) and move the delegation before deleting',
    paths: [[['zone', 'z'], 'delete']],
    read: flarectlPath,
    targetFlags: ['--zone'],
    match: ['flarectl zone delete --zone acme.com', 'flarectl z delete --zone=acme-staging.io'],
    noMatch: ['flarectl zone list', 'flarectl zone info --zone acme.com', 'flarectl zone export --zone acme.com'],
  }),
  pathRule({
    id: 'flarectl.record-delete',
    programs: ['flarectl'],
    severity: 'high',
    summary: 'Deletes a Cloudflare DNS record, firewall access rule or User-Agent block',
    hint: 'List the record first (flarectl dns list --zone … --id …) so it can be recreated',
    paths: [[['dns', 'd'], ['delete', 'd']], [['firewall', 'f'], ['rules', 'r'], ['delete', 'd']], [['user-agents', 'ua'], ['delete', 'd']]],
    read: flarectlPath,
    targetFlags: ['--zone', '--id', '--account'],
    match: ['flarectl dns delete --zone acme.com --id 372e67954025e0ba6aaa6d586b9e0b59', 'flarectl d d --zone acme.com --id 0d5f4a', 'flarectl firewall rules delete --zone acme.com --id 92f17202ed8bd63d69a66b86a49a8f6b'],
    noMatch: ['flarectl dns list --zone acme.com', 'flarectl dns create --zone acme.com --name api --type A --content 203.0.113.7', 'flarectl dns update --zone acme.com --id 372e --content 203.0.113.8'],
  }),
  pathRule({
    id: 'flarectl.purge-everything',
    programs: ['flarectl'],
    severity: 'high',
    summary: 'Purges the whole Cloudflare cache of a zone; every request goes to the origin until the cache refills',
    hint: 'Purge only what changed (--files, --prefixes, --tags), or use versioned file names',
    paths: [[['zone', 'z'], 'purge']],
    read: flarectlPath,
    when: (a) => a.has('--everything'),
    targetFlags: ['--zone'],
    match: ['flarectl zone purge --zone acme.com --everything', 'flarectl z purge --everything --zone=shop.acme.com'],
    noMatch: ['flarectl zone purge --zone acme.com --files https://acme.com/app.js', 'flarectl zone purge --zone acme.com --prefixes acme.com/assets'],
  }),
  pathRule({
    id: 'cloudflare.workers-config-delete',
    programs: ['wrangler'],
    severity: 'high',
    summary: 'Deletes a Cloudflare Pages project, Worker secret, Hyperdrive config, dispatch namespace, workflow, pipeline, KV key or certificate',
    hint: 'Export or note what it holds first (wrangler … get / list) and check which Workers bind to it',
    paths: [[WRANGLER_MORE, 'delete'], [WRANGLER_MORE, ['project', 'deployment', 'secret', 'namespace', 'store'], 'delete']],
    read: wranglerPath,
    targetFlags: ['--name', '--project-name', '--namespace-id', '--binding'],
    match: ['wrangler pages project delete acme-site', 'wrangler secret delete STRIPE_SECRET_KEY --name api-prod', 'npx wrangler hyperdrive delete 8f3c2a1b', 'wrangler kv:key delete --binding CACHE session-42', 'wrangler pages deployment delete 5f1a2b3c --project-name acme-site'],
    noMatch: ['wrangler pages project list', 'wrangler secret put STRIPE_SECRET_KEY', 'wrangler deploy', 'wrangler d1 delete prod-db', 'wrangler pages deploy ./dist --project-name acme-site'],
  }),
  pathRule({
    id: 'cloudflared.tunnel-delete',
    programs: ['cloudflared'],
    severity: 'high',
    summary: 'Deletes a Cloudflare Tunnel; every hostname routed through it stops reaching its origin',
    hint: 'Move the DNS routes to another tunnel first (cloudflared tunnel route dns) and check cloudflared tunnel info',
    paths: [['tunnel', 'delete']],
    read: pathReader(['--config', '--origincert', '--loglevel', '--logfile', '--cred-file', '--credentials-file']),
    match: ['cloudflared tunnel delete prod-tunnel', 'cloudflared tunnel delete -f 6ff42ae2-765d-4adf-8112-31c55c1551ef'],
    noMatch: ['cloudflared tunnel list', 'cloudflared tunnel run prod-tunnel', 'cloudflared tunnel info prod-tunnel'],
  }),
  pathRule({
    id: 'fastly.service-delete',
    programs: ['fastly'],
    severity: 'critical',
    summary: 'Deletes a Fastly service with every version of its configuration; its domains stop being served',
    hint: 'Deactivate the service first, and keep its configuration (fastly service-version clone, fastly vcl describe)',
    paths: [['service', 'delete']],
    read: fastlyPath,
    targetFlags: FASTLY_TARGETS,
    match: ['fastly service delete --service-id SU1Z0isxPaozGVKXdv0eY --force', 'fastly service delete -s 4UiI4ODITcAJv2z4ezJTFC', 'fastly service delete --service-name www-prod'],
    noMatch: ['fastly service list', 'fastly service describe --service-id SU1Z0isxPaozGVKXdv0eY', 'fastly service create --name www-staging'],
  }),
  pathRule({
    id: 'fastly.purge-all',
    programs: ['fastly'],
    severity: 'high',
    summary: 'Purges everything from a Fastly service\'s cache; every request goes to the origin until the cache refills',
    hint: 'Purge by surrogate key or URL instead (--key, --url), or use a soft purge',
    paths: [['purge']],
    read: fastlyPath,
    when: (a) => a.has('--all'),
    targetFlags: FASTLY_TARGETS,
    match: ['fastly purge --all --service-id SU1Z0isxPaozGVKXdv0eY', 'fastly service purge --all -s 4UiI4ODITcAJv2z4ezJTFC'],
    noMatch: ['fastly purge --key product-123 --service-id SU1Z0isxPaozGVKXdv0eY', 'fastly purge --url https://www.acme.com/index.html', 'fastly purge --key homepage --soft'],
  }),
  pathRule({
    id: 'fastly.store-delete',
    programs: ['fastly'],
    severity: 'high',
    summary: 'Deletes a Fastly KV, config or secret store (or its entries) that edge code reads at request time',
    hint: 'Export the entries first (fastly kv-store-entry list, config-store-entry list) and check which services link the store',
    paths: [[['kv-store', 'kv-store-entry', 'config-store', 'config-store-entry', 'secret-store', 'secret-store-entry'], 'delete']],
    read: fastlyPath,
    targetFlags: FASTLY_TARGETS,
    match: ['fastly kv-store delete --store-id 7xrq6ie4dfm4yblwozbvjm', 'fastly kv-store-entry delete --store-id 7xrq6ie4 --key session-42', 'fastly secret-store delete --store-id 5f1a2b3c'],
    noMatch: ['fastly kv-store list', 'fastly kv-store-entry list --store-id 7xrq6ie4', 'fastly config-store create --name flags'],
  }),
  pathRule({
    id: 'fastly.version-deactivate',
    programs: ['fastly'],
    severity: 'high',
    summary: 'Deactivates a Fastly service version; with the active version deactivated, the service stops serving',
    hint: 'Activate the replacement version instead (fastly service-version activate), which swaps them atomically',
    paths: [['service-version', 'deactivate']],
    read: fastlyPath,
    targetFlags: FASTLY_TARGETS,
    match: ['fastly service-version deactivate --version active --service-id SU1Z0isxPaozGVKXdv0eY', 'fastly service-version deactivate --version 12'],
    noMatch: ['fastly service-version activate --version latest', 'fastly service-version list'],
  }),
  pathRule({
    id: 'fastly.config-delete',
    programs: ['fastly'],
    severity: 'low',
    summary: 'Removes a domain, backend, ACL, dictionary, health check or VCL from a Fastly service version; live once that version is activated',
    hint: 'Check the version it edits (--version latest / active --autoclone) and review the diff (fastly service-version …) before activating',
    paths: [
      [['domain', 'backend', 'acl', 'acl-entry', 'dictionary', 'dictionary-entry', 'healthcheck'], 'delete'],
      ['vcl', ['custom', 'snippet', 'condition'], 'delete'],
    ],
    read: fastlyPath,
    targetFlags: FASTLY_TARGETS,
    match: ['fastly domain delete --name www.acme.com --version latest --autoclone', 'fastly backend delete --name origin-prod --version active --autoclone', 'fastly vcl snippet delete --name redirects --version 14'],
    noMatch: ['fastly domain list --version active', 'fastly backend create --name origin-2 --address 203.0.113.7 --version latest --autoclone', 'fastly domain describe --name www.acme.com --version 12'],
  }),
  pathRule({
    id: 'vercel.dns-remove',
    programs: ['vercel', 'vc'],
    severity: 'high',
    summary: 'Removes a Vercel DNS record, domain or certificate; the name stops resolving or serving HTTPS',
    hint: 'List the records first (vercel dns ls <domain>) so they can be recreated, and move traffic before removing a domain',
    paths: [[['dns', 'domains', 'domain', 'certs', 'cert'], ['rm', 'remove']]],
    read: vercelPath,
    match: ['vercel dns rm rec_6XqTMtQb4FoUhc5iiAVvxYgq', 'vercel domains rm acme.com --yes', 'vc certs rm cert_0bzzKzGE0BmGNBn4v5kpWGAw'],
    noMatch: ['vercel dns ls acme.com', 'vercel domains add acme.com', 'vercel dns add acme.com api A 203.0.113.7'],
  }),
];

/* ---------------------------------------------------------------- CDN APIs over HTTP */

const HTTP_CLIENTS = ['curl', 'curlie', 'wget', 'http', 'https', 'xh', 'xhs'];

/** URLs in the arguments, with or without a scheme (`api.cloudflare.com/client/v4/…`). */
const urlsOf = (a: Args): string[] => a.list.filter((w) => /^(?:https?:\/\/|[a-z0-9.-]+\.[a-z]{2,}\/)/i.test(w) || w.includes('://'));

/**
 * Whole-cache purges through a CDN's API: Cloudflare `purge_cache` with `purge_everything`,
 * Fastly `purge_all`, Bunny `purgeCache` on a pull zone. The body is read from every argument, so
 * curl `-d`, httpie `purge_everything:=true` and wget `--post-data` all count.
 */
function purgesEverything(a: Args): boolean {
  const urls = urlsOf(a);
  if (urls.some((u) => /\/service\/[^/\s]+\/purge_all\b/i.test(u) || /\/pullzone\/[^/\s]+\/purgecache\b/i.test(u))) return true;
  return urls.some((u) => /\/zones\/[^/\s]+\/purge_cache\b/i.test(u)) && a.list.some((w) => /purge_everything["']?\s*:?=?\s*true/i.test(w));
}

/** A PURGE or BAN request (Varnish, Fastly) aimed at a whole site or a wildcard. */
function purgesSite(a: Args): boolean {
  if (a.program !== 'curl') return false;
  const methods = flagValues(a.list, ['-X', '--request']).map((m) => m.toUpperCase());
  if (!methods.some((m) => m === 'PURGE' || m === 'BAN')) return false;
  return urlsOf(a).some((u) => {
    const path = u.replace(/^[a-z]+:\/\/[^/]+/i, '');
    return path === '' || path === '/' || path.includes('*') || path.includes('.*');
  });
}

const httpRules: readonly Rule[] = [
  {
    id: 'cdn.api-purge-all',
    programs: HTTP_CLIENTS,
    category: 'network',
    severity: 'high',
    summary: 'Purges a CDN\'s whole cache through its API (Cloudflare purge_everything, Fastly purge_all, Bunny purgeCache); every request goes to the origin until it refills',
    hint: 'Purge only the URLs, prefixes or surrogate keys that changed, or use versioned file names',
    match: purgesEverything,
    targets: urlsOf,
    examples: {
      match: [
        'curl -X POST "https://api.cloudflare.com/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache" -H "Authorization: Bearer $CF_TOKEN" -H "Content-Type: application/json" --data \'{"purge_everything":true}\'',
        'curl -X POST -H "Fastly-Key: $FASTLY_API_TOKEN" https://api.fastly.com/service/SU1Z0isxPaozGVKXdv0eY/purge_all',
        'http POST https://api.cloudflare.com/client/v4/zones/023e105f/purge_cache purge_everything:=true Authorization:"Bearer x"',
        'curl -s -X POST https://api.bunny.net/pullzone/12345/purgeCache -H "AccessKey: $BUNNY_KEY"',
      ],
      noMatch: [
        'curl -X POST "https://api.cloudflare.com/client/v4/zones/023e105f/purge_cache" --data \'{"files":["https://acme.com/app.js"]}\'',
        'curl -X POST -H "Fastly-Key: x" https://api.fastly.com/service/SU1Z0isxPaozGVKXdv0eY/purge/product-123',
        'curl https://api.cloudflare.com/client/v4/zones/023e105f/settings',
      ],
    },
  },
  {
    id: 'cdn.purge-site',
    programs: ['curl'],
    category: 'network',
    severity: 'low',
    summary: 'Sends a PURGE or BAN request for a whole site or a wildcard, emptying that part of the cache',
    hint: 'Purge the single URLs that changed instead',
    match: purgesSite,
    targets: urlsOf,
    examples: {
      match: ['curl -X PURGE https://www.acme.com/', 'curl -X BAN "http://varnish.internal:6081/.*"'],
      noMatch: ['curl -X PURGE https://www.acme.com/assets/app.js', 'curl -I https://www.acme.com/'],
    },
  },
];

/* ---------------------------------------------------------------- other clouds, DNS servers, IPVS */

const hcloudPath = pathReader(['--context', '--config', '-o', '--output']);
const linodePath = pathReader(['--as-user', '--text', '--format', '--delimiter']);
const ociPath = pathReader(['--profile', '--config-file', '--region', '--auth', '--output', '--query', '--endpoint', '--cert-bundle', '--connection-timeout', '--read-timeout']);
const scwPath = pathReader(['-p', '--profile', '-c', '--config', '-o', '--output']);
const vultrPath = pathReader(['--config', '-o', '--output']);

const hostedNetworkRules: readonly Rule[] = [
  pathRule({
    id: 'hcloud.network-delete',
    programs: ['hcloud'],
    severity: 'high',
    summary: 'Deletes a Hetzner Cloud load balancer, firewall, floating/primary IP, network or certificate; its traffic stops and a released IP is gone',
    hint: 'Describe it first (hcloud … describe -o json) and move traffic or DNS off it',
    paths: [[['load-balancer', 'firewall', 'floating-ip', 'primary-ip', 'network', 'certificate'], 'delete']],
    read: hcloudPath,
    match: ['hcloud load-balancer delete prod-lb', 'hcloud firewall delete web-fw', 'hcloud primary-ip delete api-ipv4'],
    noMatch: ['hcloud load-balancer list', 'hcloud firewall describe web-fw', 'hcloud network create --name vnet --ip-range 10.0.0.0/16'],
  }),
  pathRule({
    id: 'linode.domain-delete',
    programs: ['linode-cli', 'lin'],
    severity: 'critical',
    summary: 'Deletes a Linode DNS domain with every record in it; the names stop resolving',
    hint: 'Export the records first (linode-cli domains records-list <id> --json) and move the delegation before deleting',
    paths: [['domains', 'delete']],
    read: linodePath,
    match: ['linode-cli domains delete 1234567'],
    noMatch: ['linode-cli domains list', 'linode-cli domains view 1234567'],
  }),
  pathRule({
    id: 'linode.network-delete',
    programs: ['linode-cli', 'lin'],
    severity: 'high',
    summary: 'Deletes Linode DNS records, a NodeBalancer, a firewall or a VPC; the names stop resolving or the traffic stops',
    hint: 'View it first (linode-cli … view --json) so it can be recreated, and move traffic off it',
    paths: [['domains', 'records-delete'], [['nodebalancers', 'firewalls', 'vpcs'], 'delete']],
    read: linodePath,
    match: ['linode-cli domains records-delete 1234567 89012', 'linode-cli nodebalancers delete 4321', 'linode-cli firewalls delete 777'],
    noMatch: ['linode-cli nodebalancers list', 'linode-cli domains records-list 1234567', 'linode-cli firewalls rules-list 777'],
  }),
  pathRule({
    id: 'oci.network-delete',
    programs: ['oci'],
    severity: 'high',
    summary: 'Deletes an Oracle Cloud load balancer, DNS records, security list, NSG, VCN, subnet or public IP; its traffic stops or the names stop resolving',
    hint: 'Get it first (oci … get) so it can be recreated, and move traffic or DNS off it',
    paths: [
      ['lb', ['load-balancer', 'backend-set', 'listener', 'backend'], 'delete'], ['nlb', 'network-load-balancer', 'delete'],
      ['dns', 'record', ['rrset', 'domain'], 'delete'],
      ['network', ['security-list', 'nsg', 'vcn', 'subnet', 'public-ip', 'nat-gateway', 'internet-gateway', 'drg'], 'delete'],
    ],
    read: ociPath,
    targetFlags: ['--load-balancer-id', '--network-load-balancer-id', '--zone-name-or-id', '--domain', '--vcn-id', '--subnet-id'],
    match: ['oci lb load-balancer delete --load-balancer-id ocid1.loadbalancer.oc1.iad.exampleuniqueid --force', 'oci dns record rrset delete --zone-name-or-id acme.com --domain api.acme.com --rtype A --force', 'oci network security-list delete --security-list-id ocid1.securitylist.oc1.iad.x'],
    noMatch: ['oci lb load-balancer list --compartment-id ocid1.compartment.oc1..x', 'oci dns record rrset get --zone-name-or-id acme.com --domain api.acme.com --rtype A'],
  }),
  pathRule({
    id: 'oci.dns-zone-delete',
    programs: ['oci'],
    severity: 'critical',
    summary: 'Deletes an Oracle Cloud DNS zone; every name in it stops resolving',
    hint: 'Export the records first (oci dns record zone get) and move the delegation before deleting',
    paths: [['dns', 'zone', 'delete']],
    read: ociPath,
    targetFlags: ['--zone-name-or-id'],
    match: ['oci dns zone delete --zone-name-or-id acme.com --force'],
    noMatch: ['oci dns zone list --compartment-id ocid1.compartment.oc1..x', 'oci dns zone get --zone-name-or-id acme.com'],
  }),
  pathRule({
    id: 'scw.network-delete',
    programs: ['scw'],
    severity: 'high',
    summary: 'Deletes a Scaleway load balancer (or its frontend/backend), DNS records, flexible IP, security group or private network',
    hint: 'Get it first (scw … get) so it can be recreated, and move traffic or DNS off it',
    paths: [
      ['lb', ['lb', 'frontend', 'backend'], 'delete'], ['dns', 'record', ['delete', 'clear']],
      ['instance', ['ip', 'security-group'], 'delete'], ['vpc', 'private-network', 'delete'],
    ],
    read: scwPath,
    match: ['scw lb lb delete 44444444-4444-4444-4444-444444444444 zone=fr-par-1', 'scw dns record delete acme.com name=api type=A', 'scw instance security-group delete 11111111-2222-3333-4444-555555555555'],
    noMatch: ['scw lb lb list', 'scw dns record list acme.com', 'scw instance ip create'],
  }),
  pathRule({
    id: 'scw.dns-zone-delete',
    programs: ['scw'],
    severity: 'critical',
    summary: 'Deletes a Scaleway DNS zone; every name in it stops resolving',
    hint: 'Export the zone first (scw dns zone export) and move the delegation before deleting',
    paths: [['dns', 'zone', 'delete']],
    read: scwPath,
    match: ['scw dns zone delete dns-zone=api.acme.com'],
    noMatch: ['scw dns zone list', 'scw dns zone export acme.com'],
  }),
  pathRule({
    id: 'vultr.network-delete',
    programs: ['vultr-cli', 'vultr'],
    severity: 'high',
    summary: 'Deletes a Vultr load balancer, DNS domain or record, firewall group or reserved IP',
    hint: 'Get it first (vultr-cli … get) so it can be recreated, and move traffic or DNS off it',
    paths: [
      [['load-balancer', 'lb'], ['delete', 'destroy']], ['dns', ['domain', 'record'], ['delete', 'destroy']],
      ['firewall', 'group', ['delete', 'destroy']], [['reserved-ip', 'rip'], ['delete', 'destroy']],
    ],
    read: vultrPath,
    match: ['vultr-cli load-balancer delete 1317575d-21c4-4ebe-9d36-c9e5e2e3f1a0', 'vultr-cli dns domain delete acme.com', 'vultr-cli dns record delete acme.com 2a5c1b7e'],
    noMatch: ['vultr-cli load-balancer list', 'vultr-cli dns record list acme.com'],
  }),
  {
    id: 'nsupdate.delete',
    programs: ['nsupdate'],
    category: 'network',
    severity: 'high',
    summary: 'Sends a dynamic DNS update that deletes records from the zone',
    hint: 'Query the records first (dig) so they can be added back, and test against a secondary zone',
    match: (a) => /^\s*update\s+del(?:ete)?\b/im.test(a.command.stdin ?? ''),
    targets: (a) => [...(a.command.stdin ?? '').matchAll(/^\s*(?:server|zone|update\s+del(?:ete)?)\s+(\S+)/gim)].map((m) => m[1] ?? ''),
    examples: {
      match: ['nsupdate -k /etc/bind/ddns.key <<EOF\nserver ns1.acme.com\nupdate delete api.acme.com A\nsend\nEOF', 'printf "update delete www.prod.acme.com CNAME\\nsend\\n" | nsupdate -l'],
      noMatch: ['nsupdate -k /etc/bind/ddns.key <<EOF\nupdate add api.acme.com 300 A 203.0.113.7\nsend\nEOF', 'nsupdate -V'],
    },
  },
  {
    id: 'pdnsutil.delete-zone',
    programs: ['pdnsutil'],
    category: 'network',
    severity: 'critical',
    summary: 'Deletes or empties a PowerDNS zone; every name in it stops resolving',
    hint: 'Export the zone first (pdnsutil list-zone <zone> > zone.txt)',
    match: (a) => ['delete-zone', 'clear-zone'].includes((a.positionals[0] ?? '').toLowerCase()),
    targets: (a) => a.positionals.slice(1, 2),
    examples: {
      match: ['pdnsutil delete-zone acme.com', 'sudo pdnsutil clear-zone prod.acme.com'],
      noMatch: ['pdnsutil list-zone acme.com', 'pdnsutil check-zone acme.com', 'pdnsutil create-zone acme.dev'],
    },
  },
  {
    id: 'pdnsutil.delete-rrset',
    programs: ['pdnsutil'],
    category: 'network',
    severity: 'high',
    summary: 'Deletes a PowerDNS record set; the name stops resolving',
    hint: 'List the zone first (pdnsutil list-zone) so the records can be added back',
    match: (a) => (a.positionals[0] ?? '').toLowerCase() === 'delete-rrset',
    targets: (a) => a.positionals.slice(1, 3),
    examples: {
      match: ['pdnsutil delete-rrset acme.com api A'],
      noMatch: ['pdnsutil add-record acme.com api A 203.0.113.7', 'pdnsutil list-zone acme.com'],
    },
  },
  {
    id: 'rndc.delzone',
    programs: ['rndc'],
    category: 'network',
    severity: 'high',
    summary: 'Removes a zone from a running BIND server (with -clean, its zone file too); the names stop resolving',
    hint: 'Copy the zone file first and check the zone name with rndc showzone',
    match: (a) => (a.positionals[0] ?? '').toLowerCase() === 'delzone',
    targets: (a) => a.positionals.slice(1),
    examples: {
      match: ['rndc delzone acme.com', 'rndc delzone -clean prod.acme.com'],
      noMatch: ['rndc reload acme.com', 'rndc showzone acme.com', 'rndc status'],
    },
  },
  {
    id: 'ipvsadm.clear',
    programs: ['ipvsadm'],
    category: 'network',
    severity: 'high',
    summary: 'Clears the IPVS load-balancing table or deletes a virtual service; traffic to those addresses stops being balanced',
    hint: 'Save the table first (ipvsadm-save -n > ipvs.rules) so it can be restored with ipvsadm-restore',
    match: (a) => a.has('-C', '--clear', '-D', '--delete-service'),
    targets: (a) => a.values('-t', '--tcp-service', '-u', '--udp-service'),
    examples: {
      match: ['ipvsadm -C', 'sudo ipvsadm --clear', 'ipvsadm -D -t 10.0.0.10:443'],
      noMatch: ['ipvsadm -Ln', 'ipvsadm -A -t 10.0.0.10:443 -s rr', 'ipvsadm -a -t 10.0.0.10:443 -r 10.0.1.5:443 -m'],
    },
  },
];

export const networkRules: readonly Rule[] = [
  ...awsRules,
  ...gcloudRules,
  ...azRules,
  ...doctlRules,
  ...edgeRules,
  ...httpRules,
  ...hostedNetworkRules,
];
