import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { githubWorkflows } from '../../src/generate/github/render.js';
import type { Job, UsesStep, Workflow } from '../../src/generate/github/workflow.js';
import { permissionPolicy } from '../../src/generate/iam/policies.js';
import { renderJenkinsfile } from '../../src/generate/jenkins/jenkinsfile.js';
import { PipelineError, resolvePipeline } from '../../src/pipeline/resolve.js';

/** The local seed (one environment per deploy kind: ecs, eks, gitops) with a signing section. */
const document = (signing: unknown, extra: Record<string, unknown> = {}) => ({
  ...(parse(readFileSync('examples/pipelines/local.yaml', 'utf8')) as Record<string, unknown>),
  signing,
  ...extra,
});
const problems = (doc: unknown) => {
  try {
    resolvePipeline(doc);
  } catch (error) {
    if (error instanceof PipelineError) return error.problems;
    throw error;
  }
  return [];
};
const jobsOf = (workflow: Workflow) => (workflow as Workflow & { jobs: Record<string, Job> }).jobs;
const step = (job: Job, stage: string) => job.steps.find((s) => (s as UsesStep).uses?.includes(`/actions/${stage}`)) as UsesStep | undefined;

describe('signing in the pipeline model', () => {
  const KMS = 'awskms:///alias/{project}-{environment}-signing';
  const pipeline = resolvePipeline(document({ key: KMS }));
  const jobs = jobsOf(githubWorkflows(pipeline)['deliver.yml']!);

  it('signs each pushed digest right after the push, with the environment’s key and region', () => {
    for (const env of pipeline.environments) {
      const images = jobs[`images-${env.name}`]!;
      const ids = images.steps.map((s) => s.id);
      expect(ids.indexOf('sign')).toBe(ids.indexOf('push') + 1);
      expect(step(images, 'sign')!.with).toEqual({
        image: '${{ steps.push.outputs.image }}',
        'aws-region': env.region,
        key: '${{ matrix.sign-key }}',
      });
      // Like the push inputs, the key travels in the matrix, one entry per service.
      expect(images.strategy!.matrix.include.map((m) => m['sign-key'])).toEqual(env.services.map(() => `awskms:///alias/local-${env.name}-signing`));
    }
  });

  it('requires the signature on every deploy, and a GitOps bump that checks one authenticates first', () => {
    for (const env of pipeline.environments) {
      for (const service of env.services) {
        const job = jobs[`deploy-${env.name}-${service.name}`]!;
        expect(step(job, service.deploy.stage)!.with!['require-signature']).toBe(`awskms:///alias/local-${env.name}-signing`);
        expect(step(job, 'auth'), `${env.name}`).toBeDefined();
        expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
      }
    }
  });

  it('grants kms:Sign and kms:GetPublicKey on the key, by alias through kms:ResourceAliases', () => {
    const env = pipeline.environments[0]!;
    const statement = permissionPolicy(env).Statement.find((s) => s.Sid === 'ImageSigningKeyByAlias');
    expect(statement).toEqual({
      Sid: 'ImageSigningKeyByAlias',
      Effect: 'Allow',
      Action: ['kms:GetPublicKey', 'kms:Sign'],
      Resource: `arn:aws:kms:${env.region}:${env.account}:key/*`,
      Condition: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': [`alias/local-${env.name}-signing`] } },
    });
    const byArn = resolvePipeline(document({ key: `awskms:///arn:aws:kms:us-east-1:123456789012:key/${'1'.repeat(8)}-1111-1111-1111-${'1'.repeat(12)}` }));
    expect(permissionPolicy(byArn.environments[0]!).Statement.find((s) => s.Sid === 'ImageSigningKey')!.Resource).toEqual([
      `arn:aws:kms:us-east-1:123456789012:key/${'1'.repeat(8)}-1111-1111-1111-${'1'.repeat(12)}`,
    ]);
    // Without signing: no KMS permission at all.
    const unsigned = resolvePipeline(parse(readFileSync('examples/pipelines/local.yaml', 'utf8')));
    expect(JSON.stringify(permissionPolicy(unsigned.environments[0]!))).not.toContain('kms:');
  });

  it('a PEM key comes from a secret and the deploys verify with its public key; Jenkins signs after the push', () => {
    const pem = resolvePipeline(document({ key: '${{ secrets.SIGNING_KEY }}', 'public-key': 'keys/signing.pub' }));
    const pemJobs = jobsOf(githubWorkflows(pem)['deliver.yml']!);
    const env = pem.environments[0]!;
    expect(step(pemJobs[`images-${env.name}`]!, 'sign')!.with!.key).toBe('${{ secrets.SIGNING_KEY }}');
    const deploy = pemJobs[`deploy-${env.name}-${env.services[0]!.name}`]!;
    expect(step(deploy, env.services[0]!.deploy.stage)!.with!['require-signature']).toBe('keys/signing.pub');
    expect(JSON.stringify(permissionPolicy(env))).not.toContain('kms:');

    const jenkinsfile = renderJenkinsfile(pem, '// h');
    expect(jenkinsfile).toContain(`stage('Sign app (${env.name})')`);
    expect(jenkinsfile).toMatch(/withCredentials\(\[string\(credentialsId: 'SIGNING_KEY', variable: 'SIGNING_KEY'\)\]\) \{\n\s+.*gantrySign\('key': env\.SIGNING_KEY, 'aws-region': '[\w-]+', 'image': delivered\['app'\]\['\w+'\]\.push\.image\)/);
    expect(jenkinsfile).toContain("'require-signature': 'keys/signing.pub'");
    expect(jenkinsfile.indexOf('gantrySign(')).toBeGreaterThan(jenkinsfile.indexOf('gantryPush('));
  });

  it('refuses a private key written into the model, a PEM key without its public key, and the reusable style', () => {
    expect(problems(document({ key: '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----' }))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^signing\.key: must be an AWS KMS key .* a private key is never written into a model$/)]),
    );
    expect(problems(document({ key: '${{ secrets.SIGNING_KEY }}' }))).toEqual([
      'signing.public-key: required when key is a PEM private key: the deploys check signatures with this public key',
    ]);
    expect(problems(document({ key: 'awskms://kms.example.com/alias/x' }))[0]).toMatch(/^signing\.key: must be an AWS KMS key/);
    const reusable = problems(document({ key: KMS }, { workflow: { style: 'reusable' }, gantry: { actions: './' } }));
    expect(reusable).toContain("signing: is not yet rendered by Gantry's reusable workflows; use workflow.style inline");
  });
});
