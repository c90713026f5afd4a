import type { ResolvedEnvironment, ResolvedPipeline, ResolvedService } from '../../pipeline/resolve.js';

/**
 * The Jenkins credential (the OIDC provider plugin's "id token as file") the generated Jenkinsfile binds for
 * `gantryAuth`. One id for every environment: the role differs per environment, the token's audience does not.
 */
export const OIDC_CREDENTIAL = 'gantry-oidc';

/**
 * A declarative Jenkinsfile from the resolved model, calling the shared library's global steps (jenkins/vars/).
 *
 * Explicit stages rather than one `gantryPipeline(...)` call: declarative stages cannot be generated in a loop at run
 * time, and a model may have several environments (each delivered by its own branch or tag) and several services.
 * Here each environment's stages carry their own `when`, so Jenkins shows which ran, and the build checks the same
 * model-resolved inputs as the GitHub workflows.
 */
export function renderJenkinsfile(pipeline: ResolvedPipeline, header: string): string {
  const { model } = pipeline;
  const ref = model.gantry.ref ? `@${model.gantry.ref}` : '';
  const lines: string[] = [
    ...header.split('\n').map((line) => `// ${line}`),
    `@Library('gantry${ref}') _`,
    '',
    "// Outputs later stages read: per service, the build; per environment and service, the push and the deploy.",
    'def delivered = [:]',
    '',
    'pipeline {',
    '  agent any',
    '  options {',
    "    timeout(time: 60, unit: 'MINUTES')",
    '    disableConcurrentBuilds()',
    '  }',
    '  environment {',
    '    GANTRY_STARTED_AT = "${System.currentTimeMillis().intdiv(1000)}"',
    '  }',
    '  stages {',
    ...stage('Source', undefined, ['checkout scm']),
  ];
  const checks = [...(model.lint ?? []), ...(model.test ?? [])];
  if (checks.length > 0) lines.push(...stage('Test', undefined, checks.map((command) => `sh(${literal(command)})`)));
  const services = pipeline.environments[0]?.services ?? [];
  for (const service of services) lines.push(...imageStages(service));
  for (const env of deliveryOrder(pipeline.environments)) lines.push(...environmentStages(env, pipeline.environments));
  lines.push('  }');
  lines.push(...notifyPost(pipeline));
  lines.push('}', '');
  return lines.join('\n');
}

/** Build and scan once per service: the image does not depend on the environment; pushes do (registry, account). */
function imageStages(service: ResolvedService): string[] {
  const key = literal(service.name);
  const build = { context: service.context, ...(service.dockerfile ? { dockerfile: service.dockerfile } : {}), image: service.repository, ...service.build.inputs };
  const reports = `trivy-reports/${service.name}`;
  return [
    ...stage(`Build ${service.name}`, undefined, [
      ...service.beforeBuild.map((command) => `sh(${literal(command)})`),
      `delivered[${key}] = [build: ${call('gantryBuild', build)}]`,
    ]),
    ...stage(
      `Security ${service.name}`,
      undefined,
      [`${call('gantryScan', { 'scan-type': 'image', 'output-dir': reports, ...service.scan.inputs }, { target: `delivered[${key}].build['oci-archive']` })}`],
      [
        '      always {',
        `        junit(testResults: ${literal(`${reports}/*.xml`)}, allowEmptyResults: true)`,
        `        archiveArtifacts(artifacts: ${literal(`${reports}/*.sarif,${reports}/*.json`)}, allowEmptyArchive: true)`,
        '      }',
      ],
    ),
  ];
}

/** Environments in an order where each promoted one comes after the environment it promotes from. */
export function deliveryOrder(environments: readonly ResolvedEnvironment[]): ResolvedEnvironment[] {
  const ordered: ResolvedEnvironment[] = [];
  const visit = (env: ResolvedEnvironment) => {
    if (ordered.includes(env)) return;
    const source = environments.find((e) => e.name === env['promote-from']);
    if (source) visit(source);
    ordered.push(env);
  };
  environments.forEach(visit);
  return ordered;
}

/** The environment whose branch or tag delivers `env`: itself, or the one at the start of its promote-from chain. */
function deliveringEnvironment(env: ResolvedEnvironment, environments: readonly ResolvedEnvironment[]): ResolvedEnvironment {
  const source = environments.find((e) => e.name === env['promote-from']);
  return source ? deliveringEnvironment(source, environments) : env;
}

/** The Groovy expression of an environment's image of a service: what its push or its promote gave. */
const imageIn = (env: ResolvedEnvironment, service: string) => `delivered[${literal(service)}][${literal(env.name)}].${env['promote-from'] ? 'promote' : 'push'}.image`;

function authLines(env: ResolvedEnvironment): string[] {
  return [
    // Each environment assumes its own role; the session file replaces an earlier environment's.
    `withCredentials([file(credentialsId: ${literal(OIDC_CREDENTIAL)}, variable: 'GANTRY_WEB_IDENTITY_TOKEN_FILE')]) {`,
    `  ${call('gantryAuth', { 'aws-region': env.region, 'role-arn': env.roleArn })}`,
    '}',
  ];
}

/**
 * Per environment and service: push (or, with promote-from, promote by digest what the source environment deployed
 * and verified, authenticated as the source environment), deploy, verify (a failure rolls the deploy back), gated
 * on the ref.
 */
function environmentStages(env: ResolvedEnvironment, environments: readonly ResolvedEnvironment[]): string[] {
  const when = refCondition(deliveringEnvironment(env, environments));
  const source = environments.find((e) => e.name === env['promote-from']);
  const lines: string[] = [];
  for (const service of env.services) {
    const built = `delivered[${literal(service.name)}]`;
    const here = `${built}[${literal(env.name)}]`;
    if (source) {
      lines.push(
        ...stage(`Promote ${service.name} (${env.name})`, when, [
          ...authLines(source),
          `${here} = [promote: ${call('gantryPromote', service.promote!.inputs, { 'source-image': imageIn(source, service.name), tags: "'build-' + env.BUILD_NUMBER" })}]`,
          // The deploy that follows runs as this environment.
          ...authLines(env),
        ]),
      );
    } else {
      const pushInputs = { repository: service.repository, 'aws-region': env.region, ...service.push.inputs };
      lines.push(
        ...stage(`Push ${service.name} (${env.name})`, when, [
          ...authLines(env),
          `${here} = [push: ${call('gantryPush', pushInputs, { 'oci-archive': `${built}.build['oci-archive']`, tags: `${built}.build.tags` })}]`,
        ]),
      );
      if (service.sign) {
        lines.push(...stage(`Sign ${service.name} (${env.name})`, when, [`${here}.sign = ${call('gantrySign', { ...service.sign.inputs, 'aws-region': env.region }, { image: `${here}.push.image` })}`]));
      }
    }
    const { kind, inputs } = service.deploy;
    const image = { image: imageIn(env, service.name) };
    const verify = service.verify?.inputs;
    if (kind === 'ecs') {
      // deploy-ecs verifies within the stage (verify-* inputs) and rolls the service back there, as on GitHub.
      const verifyInputs = Object.fromEntries(Object.entries(verify ?? {}).map(([name, value]) => [`verify-${name}`, value]));
      lines.push(...stage(`Deploy ${service.name} (${env.name})`, when, [`${here}.deploy = ${call('gantryDeployEcs', { ...inputs, ...verifyInputs, 'aws-region': env.region }, image)}`]));
      continue;
    }
    const deploy =
      kind === 'eks'
        ? call('gantryDeployEks', { ...inputs, 'aws-region': env.region }, image)
        : call('gantryGitopsBump', { ...inputs, service: service.name, environment: env.name }, image);
    lines.push(...stage(`Deploy ${service.name} (${env.name})`, when, [`${here}.deploy = ${deploy}`]));
    if (!verify) continue;
    const rollback =
      kind === 'eks'
        ? call('gantryRollback', { target: 'eks', 'aws-region': env.region, cluster: inputs.cluster!, namespace: inputs.namespace ?? 'default', workload: inputs.workload! }, {
            'previous-images': `${here}.deploy['previous-images']`,
            image: imageIn(env, service.name),
          })
        : call(
            'gantryRollback',
            { target: 'gitops', ...Object.fromEntries(['repository', 'branch', 'token'].filter((n) => inputs[n] !== undefined).map((n) => [n, inputs[n]!])) },
            { commit: `${here}.deploy.commit` },
          );
    lines.push(
      ...stage(`Verify ${service.name} (${env.name})`, when, [call('gantryVerify', verify)], [
        '      failure {',
        '        script {',
        `          ${rollback}`,
        '        }',
        '      }',
      ]),
    );
  }
  if (env.frontend) {
    lines.push(...stage(`Publish frontend (${env.name})`, when, [call('gantryPublishStatic', { ...env.frontend.inputs, 'aws-region': env.region })]));
  }
  return lines;
}

/** `when` of an environment: its branch, its tag, or either. */
function refCondition(env: ResolvedEnvironment): string {
  const conditions = [...(env.branch ? [`branch ${literal(env.branch)}`] : []), ...(env.tag ? [`tag ${literal(env.tag)}`] : [])];
  return conditions.length === 1 ? conditions[0]! : `anyOf { ${conditions.join('; ')} }`;
}

function notifyPost(pipeline: ResolvedPipeline): string[] {
  const secret = pipeline.model.notify?.['slack-webhook-secret'];
  if (!secret) return [];
  const environments = pipeline.environments.map((e) => e.name).join(',');
  return [
    '  post {',
    '    always {',
    `      withCredentials([string(credentialsId: ${literal(secret)}, variable: 'GANTRY_SLACK_WEBHOOK_URL')]) {`,
    `        gantryNotify(status: currentBuild.currentResult.toLowerCase(), service: ${literal(pipeline.model.project)}, environment: ${literal(environments)}, 'started-at': env.GANTRY_STARTED_AT)`,
    '      }',
    '    }',
    '  }',
  ];
}

function stage(name: string, when: string | undefined, steps: readonly string[], post?: readonly string[]): string[] {
  return [
    `    stage(${literal(name)}) {`,
    ...(when ? [`      when { ${when} }`] : []),
    '      steps {',
    '        script {',
    ...steps.flatMap((step) => step.split('\n')).map((line) => `          ${line}`),
    '        }',
    '      }',
    ...(post ? ['      post {', ...post.map((line) => `  ${line}`), '      }'] : []),
    '    }',
  ];
}

/**
 * `gantryX(key: value, …)` with the model's inputs as literals and `computed` as Groovy expressions. Inputs that are
 * a whole workflow expression become their Jenkins counterpart: `${{ env.X }}` and `${{ vars.X }}` read the build's
 * environment, `${{ secrets.X }}` binds the Jenkins secret-text credential X around the call, so Jenkins masks it.
 */
function call(step: string, inputs: Readonly<Record<string, string>>, computed: Readonly<Record<string, string>> = {}): string {
  const secrets: string[] = [];
  const entries = Object.entries(inputs).map(([name, value]) => {
    const expression = /^\$\{\{\s*(env|vars|secrets)\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/.exec(value.trim());
    if (!expression) return `${literal(name)}: ${literal(value)}`;
    if (expression[1] === 'secrets') secrets.push(expression[2]!);
    return `${literal(name)}: env.${expression[2]}`;
  });
  entries.push(...Object.entries(computed).map(([name, expression]) => `${literal(name)}: ${expression}`));
  const text = `${step}(${entries.join(', ')})`;
  if (secrets.length === 0) return text;
  const bindings = secrets.map((name) => `string(credentialsId: ${literal(name)}, variable: ${literal(name)})`).join(', ');
  return `withCredentials([${bindings}]) {\n  ${text}\n}`;
}

/** A Groovy single-quoted string: no interpolation, so a model value cannot run code in the build. */
export function literal(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r/g, '\\r').replace(/\n/g, '\\n')}'`;
}
