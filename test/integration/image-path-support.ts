import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { inject } from 'vitest';
import type { Run } from './support.js';

/** Helpers shared by the build, push and image-path integration tests: all against real peers on 127.0.0.1. */

export const APP = 'examples/app';

/**
 * Compiles the example app's binaries (the image copies them), as a pipeline would before the build stage. Test files
 * run in parallel, so the compiles are serialised with flock rather than racing on the same output files.
 */
export async function buildExampleBinary(): Promise<void> {
  await promisify(execFile)('flock', [join(tmpdir(), 'gantry-example-app.lock'), 'bash', `${APP}/build.sh`], { env: { ...process.env, APP_VERSION: 'it' } });
}

export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

export async function scratchDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'gantry-it-'));
}

/** `name=value` lines the CLI prints on stdout. */
export function outputsOf(run: Run): Record<string, string> {
  if (run.code !== 0) throw new Error(`exit ${run.code}\n${run.stderr}\n${run.stdout}`);
  return Object.fromEntries(
    run.stdout
      .split('\n')
      .filter((line) => /^[a-z-]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}


export function localRegistry(): string {
  return inject('localEnv').GANTRY_REGISTRY!;
}

export function ecrClient(): ECRClient {
  const env = inject('localEnv');
  return new ECRClient({ region: env.AWS_REGION, endpoint: env.AWS_ENDPOINT_URL, credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! } });
}

/** ECR in another account, as the promote stage reaches it: a role there, assumed with the stack's credentials. */
export async function ecrInAccount(roleArn: string): Promise<ECRClient> {
  const env = inject('localEnv');
  const base = { region: env.AWS_REGION, endpoint: env.AWS_ENDPOINT_URL };
  const sts = new STSClient({ ...base, credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! } });
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'promote-test' }));
  return new ECRClient({ ...base, credentials: { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken! } });
}

/** What the registry itself says a tag points at: `HEAD /v2/<repo>/manifests/<tag>` → Docker-Content-Digest. */
export async function registryDigest(host: string, repository: string, reference: string, auth?: string): Promise<string | undefined> {
  const response = await fetch(`http://${host}/v2/${repository}/manifests/${reference}`, {
    method: 'HEAD',
    headers: { accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json', ...(auth ? { authorization: auth } : {}) },
  });
  if (response.status === 404) return undefined;
  if (response.status !== 200) throw new Error(`HEAD manifest ${repository}:${reference}: ${response.status}`);
  return response.headers.get('docker-content-digest') ?? undefined;
}

export async function registryHasBlob(host: string, repository: string, digest: string): Promise<boolean> {
  const response = await fetch(`http://${host}/v2/${repository}/blobs/${digest}`, { method: 'HEAD' });
  return response.status === 200;
}

/**
 * A loopback proxy in front of the registry that counts the requests passing through, so a test can see whether a
 * push uploaded blobs (POST/PATCH/PUT on /blobs/uploads/) or not.
 */
export interface ProxiedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface CountingProxy {
  readonly host: string;
  readonly requests: ProxiedRequest[];
  blobUploads(): number;
  close(): Promise<void>;
}

/** A loopback proxy in front of `target` (`host:port`) that records each request it forwards, body included. */
export async function countingProxy(target: string): Promise<CountingProxy> {
  const [targetHost, targetPort] = target.split(':');
  const requests: ProxiedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method!, path: req.url!, headers: req.headers, body });
      const upstream = request({ host: targetHost, port: Number(targetPort), method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    blobUploads: () => requests.filter((r) => r.path.includes('/blobs/uploads/') && ['POST', 'PATCH', 'PUT'].includes(r.method)).length,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The registry password the emulator's GetAuthorizationToken hands out (the one that must never be printed). */
export async function emulatorRegistryPassword(): Promise<string> {
  const out = await ecrClient().send(new GetAuthorizationTokenCommand({}));
  const decoded = Buffer.from(out.authorizationData![0]!.authorizationToken!, 'base64').toString();
  return decoded.slice(decoded.indexOf(':') + 1);
}

/**
 * A second docker-registry that demands HTTP Basic credentials (htpasswd, bcrypt), as ECR does: a push through it
 * succeeds only if the stage really logs in with the GetAuthorizationToken credentials.
 */
export async function authenticatedRegistry(username: string, password: string): Promise<{ host: string; stop(): Promise<void> }> {
  const dir = await scratchDir();
  // Debian's python3 crypt module makes the bcrypt hash docker-registry's htpasswd wants; no extra package needed.
  const { stdout } = await promisify(execFile)('/usr/bin/python3', [
    '-W',
    'ignore',
    '-c',
    'import crypt,sys; print(sys.argv[1] + ":" + crypt.crypt(sys.argv[2], crypt.mksalt(crypt.METHOD_BLOWFISH)))',
    username,
    password,
  ]);
  await writeFile(join(dir, 'htpasswd'), stdout);
  return startRegistry(dir, ['auth:', '  htpasswd:', '    realm: gantry-test', `    path: ${join(dir, 'htpasswd')}`], 401);
}

/** A second docker-registry on loopback with no authentication, standing in for another account's registry. */
export async function plainRegistry(): Promise<{ host: string; stop(): Promise<void> }> {
  return startRegistry(await scratchDir(), [], 200);
}

/** Starts `docker-registry` on a free loopback port with `extra` configuration; ready once `GET /v2/` answers `ready`. */
async function startRegistry(dir: string, extra: readonly string[], ready: number): Promise<{ host: string; stop(): Promise<void> }> {
  const port = await freePort();
  await mkdir(join(dir, 'data'));
  await writeFile(
    join(dir, 'config.yml'),
    ['version: 0.1', 'log:', '  level: warn', 'storage:', '  filesystem:', `    rootdirectory: ${join(dir, 'data')}`, 'http:', `  addr: 127.0.0.1:${port}`, ...extra, ''].join('\n'),
  );
  const child: ChildProcess = spawn('docker-registry', ['serve', join(dir, 'config.yml')], { stdio: 'ignore' });
  const host = `127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const status = await fetch(`http://${host}/v2/`).then((r) => r.status, () => 0);
    if (status === ready) break;
    if (i > 50) throw new Error(`the registry on ${host} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    host,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * An OCI image archive (the layout `buildah push oci-archive:` writes) whose one layer holds `files`: what the build
 * stage hands to the scan and push stages, made in `dir` without any builder so a test needs nothing but tar.
 */
export function ociArchive(dir: string, files: Record<string, string>): string {
  const rootfs = join(dir, 'rootfs');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(rootfs, path, '..'), { recursive: true });
    writeFileSync(join(rootfs, path), content);
  }
  const layout = join(dir, 'layout');
  mkdirSync(join(layout, 'blobs', 'sha256'), { recursive: true });
  const blob = (bytes: Buffer) => {
    const digest = createHash('sha256').update(bytes).digest('hex');
    writeFileSync(join(layout, 'blobs', 'sha256', digest), bytes);
    return { digest: `sha256:${digest}`, size: bytes.length };
  };
  const layerTar = join(dir, 'layer.tar');
  execFileSync('tar', ['--sort=name', '--owner=0', '--group=0', '--mtime=@0', '-cf', layerTar, '-C', rootfs, '.']);
  const layer = blob(readFileSync(layerTar));
  const config = blob(Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: [layer.digest] } })));
  const manifest = blob(
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
        layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', ...layer }],
      }),
    ),
  );
  writeFileSync(join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(
    join(layout, 'index.json'),
    JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest, annotations: { 'org.opencontainers.image.ref.name': 'latest' } }] }),
  );
  const archive = join(dir, 'image.tar');
  execFileSync('tar', ['-cf', archive, '-C', layout, 'oci-layout', 'index.json', 'blobs']);
  return archive;
}
