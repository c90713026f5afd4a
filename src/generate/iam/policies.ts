import type { ResolvedEnvironment, ResolvedPipeline } from '../../pipeline/resolve.js';
import { parseKeyReference } from '../../signing/keys.js';

/**
 * The IAM side of a pipeline, per environment: who may assume the deploy role (GitHub's OIDC tokens for this
 * repository, on the environment's branch or tag, or in its GitHub environment) and what the role may do —
 * exactly the calls the model's stages make, on exactly the resources the model names.
 */

export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly Statement[];
}

export interface Statement {
  readonly Sid: string;
  readonly Effect: 'Allow';
  readonly Principal?: Record<string, string>;
  readonly Action: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Condition?: Record<string, Record<string, string | readonly string[]>>;
}

/** GitHub's `sub` claims that deliver to an environment: its branch or tag pushes, and jobs in its GitHub environment. */
export function subjectsOf(repository: string, env: ResolvedEnvironment, environments: readonly ResolvedEnvironment[] = []): string[] {
  // GitHub filter patterns use `**` across slashes; IAM's StringLike `*` already matches any characters.
  const glob = (pattern: string) => pattern.replace(/\*\*/g, '*');
  return [
    ...(env.branch ? [`repo:${repository}:ref:refs/heads/${glob(env.branch)}`] : []),
    ...(env.tag ? [`repo:${repository}:ref:refs/tags/${glob(env.tag)}`] : []),
    `repo:${repository}:environment:${env['github-environment'] ?? env.name}`,
    // The promote job of an environment promoted from this one runs in that environment, with this role.
    ...promotedFrom(env, environments).map((target) => `repo:${repository}:environment:${target['github-environment'] ?? target.name}`),
  ];
}

/** The environments that promote from `env`, whose promote jobs authenticate with `env`'s role. */
export function promotedFrom(env: ResolvedEnvironment, environments: readonly ResolvedEnvironment[]): ResolvedEnvironment[] {
  return environments.filter((e) => e['promote-from'] === env.name);
}

/**
 * `environments`: every environment of the pipeline, for promote-from: the source environment's role admits the
 * promoted environment's promote job, and a promoted environment's role admits the source role's chaining.
 */
export function trustPolicy(repository: string, env: ResolvedEnvironment, environments: readonly ResolvedEnvironment[] = []): PolicyDocument {
  const source = environments.find((e) => e.name === env['promote-from']);
  const chained = source && source.roleArn !== env.roleArn ? [{ Sid: 'PromotionFromSourceRole', Effect: 'Allow' as const, Principal: { AWS: source.roleArn }, Action: 'sts:AssumeRole' }] : [];
  return {
    Version: '2012-10-17',
    Statement: [
      ...chained,
      {
        Sid: 'GitHubActionsOidc',
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${env.account}:oidc-provider/${GITHUB_OIDC_HOST}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { [`${GITHUB_OIDC_HOST}:aud`]: 'sts.amazonaws.com' },
          StringLike: { [`${GITHUB_OIDC_HOST}:sub`]: subjectsOf(repository, env, environments) },
        },
      },
    ],
  };
}

/** The registry protocol's calls (docker push through ECR's OCI endpoint) and the repository settings push makes. */
const ECR_REPOSITORY_ACTIONS = [
  'ecr:BatchCheckLayerAvailability',
  'ecr:BatchGetImage',
  'ecr:CompleteLayerUpload',
  'ecr:CreateRepository',
  'ecr:DescribeImages',
  'ecr:DescribeRepositories',
  'ecr:GetDownloadUrlForLayer',
  'ecr:GetLifecyclePolicy',
  'ecr:InitiateLayerUpload',
  'ecr:PutImage',
  'ecr:PutImageScanningConfiguration',
  'ecr:PutImageTagMutability',
  'ecr:PutLifecyclePolicy',
  'ecr:UploadLayerPart',
];

/** What promote does at the target repository: read what is there, write what is missing; it creates nothing. */
const ECR_PROMOTE_TARGET_ACTIONS = [
  'ecr:BatchCheckLayerAvailability',
  'ecr:BatchGetImage',
  'ecr:CompleteLayerUpload',
  'ecr:DescribeImages',
  'ecr:DescribeRepositories',
  'ecr:GetDownloadUrlForLayer',
  'ecr:InitiateLayerUpload',
  'ecr:PutImage',
  'ecr:UploadLayerPart',
];

/** `environments`: every environment of the pipeline, for promote-from (see `trustPolicy`). */
export function permissionPolicy(env: ResolvedEnvironment, environments: readonly ResolvedEnvironment[] = []): PolicyDocument {
  const arn = (service: string, resource: string) => `arn:aws:${service}:${env.region}:${env.account}:${resource}`;
  const statements: Statement[] = [];
  if (env.services.length > 0) {
    // GetAuthorizationToken has no resource: AWS documents "*" as its only resource.
    statements.push({ Sid: 'EcrLogin', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' });
    statements.push({
      Sid: env['promote-from'] ? 'EcrPromoteTarget' : 'EcrPush',
      Effect: 'Allow',
      Action: env['promote-from'] ? ECR_PROMOTE_TARGET_ACTIONS : ECR_REPOSITORY_ACTIONS,
      Resource: unique(env.services.map((s) => arn('ecr', `repository/${s.repository}`))),
    });
  }
  const chainedTargets = unique(promotedFrom(env, environments).map((e) => e.roleArn).filter((role) => role !== env.roleArn));
  if (chainedTargets.length > 0) {
    // The promote job reads this environment's repositories with this role, then writes with the target's.
    statements.push({ Sid: 'PromotionTargetRoles', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: chainedTargets });
  }
  const ecs = env.services.filter((s) => s.deploy.kind === 'ecs');
  if (ecs.length > 0) {
    const clusterOf = (inputs: Readonly<Record<string, string>>) => lastSegment(inputs.cluster!);
    statements.push({
      Sid: 'EcsServices',
      Effect: 'Allow',
      Action: ['ecs:DescribeServices', 'ecs:UpdateService'],
      Resource: unique(ecs.map((s) => arn('ecs', `service/${clusterOf(s.deploy.inputs)}/${lastSegment(s.deploy.inputs.service!)}`))),
    });
    statements.push({
      Sid: 'EcsClusterTasks',
      Effect: 'Allow',
      Action: ['ecs:DescribeClusters', 'ecs:DescribeTasks', 'ecs:ListTasks', 'ecs:RunTask', 'ecs:StopTask'],
      Resource: unique(ecs.flatMap((s) => [arn('ecs', `cluster/${clusterOf(s.deploy.inputs)}`), arn('ecs', `task/${clusterOf(s.deploy.inputs)}/*`), arn('ecs', 'task-definition/*:*')])),
    });
    // Task definitions have no resource-level permissions for these calls: AWS documents "*".
    statements.push({
      Sid: 'EcsTaskDefinitions',
      Effect: 'Allow',
      Action: ['ecs:DeregisterTaskDefinition', 'ecs:DescribeTaskDefinition', 'ecs:RegisterTaskDefinition'],
      Resource: '*',
    });
    statements.push({
      Sid: 'PassTaskRoles',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: `arn:aws:iam::${env.account}:role/*`,
      Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
    });
  }
  const eks = env.services.filter((s) => s.deploy.kind === 'eks');
  if (eks.length > 0) {
    statements.push({
      Sid: 'EksClusters',
      Effect: 'Allow',
      Action: 'eks:DescribeCluster',
      Resource: unique(eks.map((s) => arn('eks', `cluster/${s.deploy.inputs.cluster!}`))),
    });
  }
  statements.push(...signingStatements(env));
  if (env.frontend) statements.push(...frontendStatements(env.frontend.inputs, env.account));
  return { Version: '2012-10-17', Statement: statements };
}

/**
 * KMS keys of image signing: kms:Sign and kms:GetPublicKey on the key the sign stage signs with, kms:GetPublicKey on
 * a key a deploy only verifies with. A key named by alias is granted through the kms:ResourceAliases condition, since
 * IAM matches key operations against the key's ARN, never the alias's.
 */
function signingStatements(env: ResolvedEnvironment): Statement[] {
  const kmsKeys = (values: (string | undefined)[]) =>
    unique(values.flatMap((value) => {
      const parsed = value === undefined ? undefined : parseKeyReference(value);
      return parsed && typeof parsed !== 'string' && parsed.kind === 'kms' ? [parsed.keyId] : [];
    }));
  const signing = kmsKeys(env.services.map((s) => s.sign?.inputs.key));
  const verifying = kmsKeys(env.services.map((s) => s.deploy.inputs['require-signature'])).filter((key) => !signing.includes(key));
  const statements: Statement[] = [];
  const grant = (sid: string, action: string | string[], keys: string[]) => {
    const aliases = keys.map((key) => /^(?:arn:[^:]+:kms:[^:]+:\d{12}:)?(alias\/.+)$/.exec(key)?.[1]).filter((alias): alias is string => alias !== undefined);
    const ids = keys.filter((key) => !/(^|:)alias\//.test(key)).map((key) => (key.startsWith('arn:') ? key : `arn:aws:kms:${env.region}:${env.account}:key/${key}`));
    if (ids.length > 0) statements.push({ Sid: sid, Effect: 'Allow', Action: action, Resource: ids });
    if (aliases.length > 0) {
      statements.push({
        Sid: `${sid}ByAlias`,
        Effect: 'Allow',
        Action: action,
        Resource: `arn:aws:kms:${env.region}:${env.account}:key/*`,
        Condition: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': aliases } },
      });
    }
  };
  if (signing.length > 0) grant('ImageSigningKey', ['kms:GetPublicKey', 'kms:Sign'], signing);
  if (verifying.length > 0) grant('ImageSignatureKey', 'kms:GetPublicKey', verifying);
  return statements;
}

/** publish-static: list and write the site's prefix of the bucket only; invalidate its one distribution. */
function frontendStatements(inputs: Readonly<Record<string, string>>, account: string): Statement[] {
  const bucket = inputs.bucket!;
  const prefix = (inputs.prefix ?? '').replace(/^\/+/, '').replace(/\/*$/, '');
  const statements: Statement[] = [
    {
      Sid: 'SiteBucketList',
      Effect: 'Allow',
      // HeadBucket and ListObjectsV2 both need s3:ListBucket; the prefix condition keeps the listing to the site.
      Action: 's3:ListBucket',
      Resource: `arn:aws:s3:::${bucket}`,
      ...(prefix ? { Condition: { StringLike: { 's3:prefix': [`${prefix}/*`, prefix] } } } : {}),
    },
    {
      Sid: 'SiteObjects',
      Effect: 'Allow',
      // PutObject covers multipart uploads; DeleteObjects is checked as s3:DeleteObject per key.
      Action: ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:PutObject'],
      Resource: `arn:aws:s3:::${bucket}/${prefix ? `${prefix}/` : ''}*`,
    },
  ];
  if (inputs['distribution-id']) {
    statements.push({
      Sid: 'SiteInvalidation',
      Effect: 'Allow',
      Action: ['cloudfront:CreateInvalidation', 'cloudfront:GetDistribution', 'cloudfront:GetInvalidation'],
      Resource: `arn:aws:cloudfront::${account}:distribution/${inputs['distribution-id']}`,
    });
  }
  return statements;
}

function lastSegment(nameOrArn: string): string {
  return nameOrArn.startsWith('arn:') ? nameOrArn.slice(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Terraform for the role of one environment: the same two documents, as jsonencode'd HCL. */
export function terraformOf(pipeline: ResolvedPipeline, env: ResolvedEnvironment): string {
  const id = `${pipeline.model.project}_${env.name}`.replace(/-/g, '_');
  const hcl = (doc: PolicyDocument) => JSON.stringify(doc, null, 2).replace(/\n/g, '\n  ');
  return [
    `# Deploy role of ${pipeline.model.project} in ${env.name} (account ${env.account}), assumed by GitHub Actions over OIDC.`,
    `resource "aws_iam_role" "${id}" {`,
    `  name               = "${env.role}"`,
    `  assume_role_policy = jsonencode(${hcl(trustPolicy(pipeline.model.repository, env, pipeline.environments))})`,
    `}`,
    ``,
    `resource "aws_iam_role_policy" "${id}" {`,
    `  name   = "${pipeline.model.project}-delivery"`,
    `  role   = aws_iam_role.${id}.id`,
    `  policy = jsonencode(${hcl(permissionPolicy(env, pipeline.environments))})`,
    `}`,
    ``,
  ].join('\n');
}

/** Every IAM file of a pipeline, by path relative to the repository root. */
export function iamFiles(pipeline: ResolvedPipeline): Record<string, string> {
  const files: Record<string, string> = {};
  for (const env of pipeline.environments) {
    const dir = `iam/${env.name}`;
    files[`${dir}/trust-policy.json`] = `${JSON.stringify(trustPolicy(pipeline.model.repository, env, pipeline.environments), null, 2)}\n`;
    files[`${dir}/permission-policy.json`] = `${JSON.stringify(permissionPolicy(env, pipeline.environments), null, 2)}\n`;
    files[`${dir}/role.tf`] = terraformOf(pipeline, env);
  }
  return files;
}
