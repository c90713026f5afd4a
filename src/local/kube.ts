import { execFile } from 'node:child_process';
import { access, readFile } from 'node:fs/promises';
import { request } from 'node:https';
import { join } from 'node:path';
import { packageFile } from '../package-files.js';
import { promisify } from 'node:util';
import { deployRoleOf, endpointOf, registryOf, type LocalStackConfig } from './config.js';

const exec = promisify(execFile);

const BUILD_SCRIPT = packageFile('scripts/build-kube-local.sh');

/** The group the launcher binds to Deployment management by RBAC; mapped IAM roles land in it. */
export const DEPLOYER_GROUP = 'gantry:deployers';

/**
 * Where the local Kubernetes control plane listens. The API server's port moves everything: the token webhook,
 * etcd's client and peer ports follow it (+1, +2, +3), so one variable isolates a second stack.
 */
export interface KubeLocalSettings {
  readonly dir: string;
  readonly apiPort: number;
  /** The EKS cluster name tokens must be presigned for (`x-k8s-aws-id`). */
  readonly clusterName: string;
  readonly nodes: number;
}

export function kubeSettings(config: LocalStackConfig, env: NodeJS.ProcessEnv = process.env): KubeLocalSettings {
  const apiPort = Number(env.GANTRY_LOCAL_KUBE_PORT ?? 6443);
  if (!Number.isInteger(apiPort) || apiPort < 1 || apiPort > 65532) throw new Error(`invalid GANTRY_LOCAL_KUBE_PORT ${env.GANTRY_LOCAL_KUBE_PORT}`);
  return { dir: join(config.dir, 'kube'), apiPort, clusterName: env.GANTRY_LOCAL_EKS_CLUSTER ?? 'gantry-local', nodes: 2 };
}

export const kubeEndpointOf = (config: LocalStackConfig, settings = kubeSettings(config)) => `https://${config.host}:${settings.apiPort}`;
/** An admin (system:masters) kubeconfig with its certificates embedded. */
export const adminKubeconfigOf = (config: LocalStackConfig, settings = kubeSettings(config)) => join(settings.dir, 'admin.kubeconfig');
/** What the AWS emulator's DescribeCluster reports while the control plane runs (tools/moto-local/eks_endpoint.py). */
export const kubeEndpointFileOf = (config: LocalStackConfig) => join(config.dir, 'moto', 'kube.json');

/** The cache directory of the pinned build (scripts/build-kube-local.sh), or undefined when it is not built yet. */
export async function kubeBinDir(config: LocalStackConfig): Promise<string | undefined> {
  const { stdout } = await exec('bash', [BUILD_SCRIPT, '--print-dir'], { env: { ...process.env, GANTRY_HOME: config.toolsHome } });
  const dir = stdout.trim();
  try {
    await access(join(dir, 'kube-local'));
    return dir;
  } catch {
    return undefined;
  }
}

/** The launcher's command line: it runs in the foreground, supervising etcd, the API server and the rest. */
export async function kubeCommand(config: LocalStackConfig, settings = kubeSettings(config)): Promise<[string, string[]]> {
  const binDir = await kubeBinDir(config);
  if (!binDir) throw new Error('the local Kubernetes binaries are not built: run gantry local install');
  const roles = [deployRoleOf(config), `${deployRoleOf(config)}-chained`];
  return [
    join(binDir, 'kube-local'),
    [
      '--dir', settings.dir,
      '--host', config.host,
      '--port', String(settings.apiPort),
      '--cluster-name', settings.clusterName,
      '--sts-endpoint', endpointOf(config),
      '--endpoint-file', kubeEndpointFileOf(config),
      '--nodes', String(settings.nodes),
      ...roles.flatMap((role) => ['--map', `${role}=${DEPLOYER_GROUP}`]),
    ],
  ];
}

export interface KubeResponse {
  readonly status: number;
  readonly body: string;
}

/**
 * One HTTPS call to the local API server, as the admin (client certificate) or with a bearer token. Plain
 * `node:https`, so the check depends on nothing but the server.
 */
export async function kubeRequest(
  config: LocalStackConfig,
  method: string,
  path: string,
  options: { body?: unknown; contentType?: string; bearerToken?: string; settings?: KubeLocalSettings; timeoutMs?: number } = {},
): Promise<KubeResponse> {
  const settings = options.settings ?? kubeSettings(config);
  const pki = join(settings.dir, 'pki');
  const [ca, cert, key] = await Promise.all(['ca.crt', 'admin.crt', 'admin.key'].map((file) => readFile(join(pki, file))));
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (payload !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  if (options.bearerToken) headers.authorization = `Bearer ${options.bearerToken}`;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: config.host,
        port: settings.apiPort,
        method,
        path,
        headers,
        ca,
        // With a bearer token the request must stand on the token alone.
        ...(options.bearerToken ? {} : { cert, key }),
        timeout: options.timeoutMs ?? 5_000,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within ${options.timeoutMs ?? 5_000} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** A real API call: GET /version and the node list, as the admin. Fails until every fake node is Ready. */
export async function checkKube(config: LocalStackConfig, settings = kubeSettings(config)): Promise<string> {
  const version = await kubeRequest(config, 'GET', '/version', { settings, timeoutMs: 2_000 });
  if (version.status !== 200) throw new Error(`GET /version answered ${version.status}`);
  const nodes = await kubeRequest(config, 'GET', '/api/v1/nodes', { settings, timeoutMs: 2_000 });
  if (nodes.status !== 200) throw new Error(`GET /api/v1/nodes answered ${nodes.status}`);
  const items = (JSON.parse(nodes.body) as { items: { status?: { conditions?: { type: string; status: string }[] } }[] }).items;
  const ready = items.filter((node) => node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
  if (ready < settings.nodes) throw new Error(`${ready} of ${settings.nodes} nodes Ready`);
  const { gitVersion } = JSON.parse(version.body) as { gitVersion: string };
  return `${kubeEndpointOf(config, settings)} (Kubernetes ${gitVersion}, ${ready}/${items.length} nodes Ready)`;
}

export const LOCAL_KUBE_NAMESPACE = 'example';
export const LOCAL_KUBE_DEPLOYMENT = 'example-app';

/**
 * What the example pipeline's EKS deploy needs in the cluster: the app's namespace and a 2-replica Deployment with
 * a rolling update and a progress deadline, as a platform team would have set it up. Idempotent.
 */
export async function seedKube(config: LocalStackConfig): Promise<void> {
  const objects: [string, unknown][] = [
    ['/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: LOCAL_KUBE_NAMESPACE } }],
    [
      `/apis/apps/v1/namespaces/${LOCAL_KUBE_NAMESPACE}/deployments`,
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: LOCAL_KUBE_DEPLOYMENT, namespace: LOCAL_KUBE_NAMESPACE },
        spec: {
          replicas: 2,
          progressDeadlineSeconds: 60,
          selector: { matchLabels: { app: LOCAL_KUBE_DEPLOYMENT } },
          template: {
            metadata: { labels: { app: LOCAL_KUBE_DEPLOYMENT } },
            spec: { containers: [{ name: 'app', image: `${registryOf(config)}/gantry/example-app:latest` }] },
          },
        },
      },
    ],
  ];
  for (const [path, body] of objects) {
    const created = await kubeRequest(config, 'POST', path, { body });
    if (created.status !== 201 && created.status !== 409) throw new Error(`POST ${path} answered ${created.status}: ${created.body}`);
  }
}
