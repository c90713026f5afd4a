import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localStackConfig } from '../../src/local/config.js';
import { kubeSettings } from '../../src/local/kube.js';
import { stages } from '../../src/stages/index.js';

const execFileAsync = promisify(execFile);

interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end; a non-zero exit is a result to assert on, not an exception. */
async function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<Result> {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, { cwd: options.cwd, env: options.env, maxBuffer: 64 * 1024 * 1024, timeout: options.timeoutMs ?? 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout ?? '', stderr: `${failed.stderr ?? ''}${typeof failed.code === 'string' ? failed.code : ''}` };
  }
}

const installedVersion = (name: string) => (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;

/** What npm needs to reach its registry and cache as this process does; nothing else of this environment. */
const npmEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => ['PATH', 'HOME', 'npm_config_registry', 'npm_config_cache', 'npm_config_userconfig'].includes(key)),
);

/**
 * The second stack, started from the installed package: next to the ports of the stack the tests run against (the
 * control plane's port moves three more ports with it, hence +6).
 */
const main = localStackConfig();
const consumerPorts = {
  GANTRY_LOCAL_MOTO_PORT: String(main.motoPort + 5),
  GANTRY_LOCAL_REGISTRY_PORT: String(main.registryPort + 5),
  GANTRY_LOCAL_KUBE_PORT: String(kubeSettings(main).apiPort + 6),
};

/** A file the package must never ship: local state, keys, tests, fixtures, archives. */
const FORBIDDEN = [/^\.gantry\//, /\.key$/, /\.pem$/, /oidc-signing/, /(^|\/)tests?\//, /fixtures?\//, /_test\.go$/, /(^|\/)test_[^/]*\.py$/, /\.tgz$/, /(^|\/)node_modules\//];
/** A token file (the stack's web-identity token): any file about tokens but the code that handles them. */
const TOKEN_FILE = /^(?![\w/.-]+\.(js|d\.ts|go|py|sh|md)$).*token/i;

describe('the gantry-ci package', () => {
  const root = mkdtempSync(join(tmpdir(), 'gantry-package-'));
  const project = join(root, 'app');
  const consumerEnv: NodeJS.ProcessEnv = { ...npmEnv, ...consumerPorts };
  const inProject = (command: string, args: string[], timeoutMs?: number) => run(command, args, { cwd: project, env: consumerEnv, timeoutMs });
  /** The package's bin, as npm links it into the project (what `npx gantry` runs). */
  const gantry = join(project, 'node_modules/.bin/gantry');
  let packed: string[] = [];
  let tarball = '';

  beforeAll(async () => {
    // The checkout's stack has run (the suite's global setup started it): its state and keys are really there.
    for (const secret of ['.gantry/local/web-identity-token', '.gantry/local/kube/pki/ca.key']) expect(existsSync(secret), secret).toBe(true);
    const dryRun = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: '.', env: npmEnv });
    expect(dryRun.code, dryRun.stderr).toBe(0);
    packed = (JSON.parse(dryRun.stdout) as { files: { path: string }[] }[])[0]!.files.map((file) => file.path);

    const pack = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', root], { cwd: '.', env: npmEnv });
    expect(pack.code, pack.stderr).toBe(0);
    tarball = join(root, (JSON.parse(pack.stdout) as { filename: string }[])[0]!.filename);

    // A fresh project, as a user starts one, with what a consumer of both entry points brings itself.
    await run('mkdir', ['-p', project], { cwd: root, env: npmEnv });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'gantry-consumer', private: true, type: 'module' }));
    const install = await inProject(
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball, ...['typescript', '@types/node', 'projen', 'constructs'].map((name) => `${name}@${installedVersion(name)}`)],
      240_000,
    );
    expect(install.code, install.stderr).toBe(0);
  }, 300_000);

  afterAll(async () => {
    await inProject(gantry, ['local', 'down'], 60_000);
    rmSync(root, { recursive: true, force: true });
  }, 90_000);

  it('ships the library, the CLI, the installer and the launchers, and no state, key, token, test or fixture', () => {
    const leaked = packed.filter((path) => TOKEN_FILE.test(path) || FORBIDDEN.some((pattern) => pattern.test(path)));
    expect(leaked).toEqual([]);
    expect(packed.filter((path) => path.startsWith('lib/') && !/\.(js|d\.ts|mjs|cjs)$/.test(path))).toEqual([]);
    for (const path of [
      'lib/index.js',
      'lib/index.d.ts',
      'lib/projen/index.js',
      'lib/projen/index.d.ts',
      'lib/bin/gantry.mjs',
      'lib/bin/stages/deploy-ecs.cjs',
      'scripts/install-peers.sh',
      'scripts/lib/common.sh',
      'scripts/peers.env',
      'scripts/requirements-peers.txt',
      'scripts/build-kube-local.sh',
      'tools/moto-local/gantry_moto_local.py',
      'tools/kube-local/go.mod',
      'tools/kube-local/cmd/kube-local/main.go',
      'README.md',
    ]) {
      expect(packed, path).toContain(path);
    }
    const installedFiles = readdirSync(join(project, 'node_modules/gantry-ci'));
    expect(installedFiles).not.toContain('.gantry');
    expect(installedFiles).not.toContain('test');
  });

  it('imports both entry points as ESM, and refuses a deep import', async () => {
    writeFileSync(
      join(project, 'imports.mjs'),
      [
        "const api = await import('gantry-ci');",
        "const projen = await import('gantry-ci/projen');",
        "const pkg = (await import('gantry-ci/package.json', { with: { type: 'json' } })).default;",
        'let deep;',
        "try { await import('gantry-ci/lib/stages/auth.js'); deep = 'imported'; } catch (error) { deep = error.code; }",
        'console.log(JSON.stringify({ stages: api.stages.map((s) => s.name), runStage: typeof api.runStage, cli: typeof api.CliRuntime,',
        '  pipeline: typeof projen.GantryPipeline, reusable: typeof projen.GantryReusableWorkflows, name: pkg.name, deep }));',
      ].join('\n'),
    );
    const imported = await inProject('node', ['imports.mjs']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({
      stages: stages.map((stage) => stage.name),
      runStage: 'function',
      cli: 'function',
      pipeline: 'function',
      reusable: 'function',
      name: 'gantry-ci',
      deep: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    });
  });

  it('type-checks a strict consumer of the API and the projen component (no skipLibCheck), and rejects a wrong use', async () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2022'], strict: true, noEmit: true, types: ['node'], skipLibCheck: false },
        include: ['consumer.ts', 'wrong.ts'],
      }),
    );
    writeFileSync(
      join(project, 'consumer.ts'),
      [
        "import { CliRuntime, findStage, runStage, stages, verifyStage, type Runtime, type Stage, type StageResult } from 'gantry-ci';",
        "import { GantryPipeline, type GantryPipelineOptions } from 'gantry-ci/projen';",
        "import { typescript } from 'projen';",
        '',
        'const runtime: Runtime = new CliRuntime({ env: {} });',
        "const stage: Stage | undefined = findStage('verify');",
        'export const names: string[] = stages.map((s) => s.name);',
        "export const result: Promise<StageResult> = runStage(stage ?? verifyStage, { url: 'http://127.0.0.1:9/healthz' }, runtime);",
        "const project = new typescript.TypeScriptProject({ name: 'app', defaultReleaseBranch: 'main' });",
        "const options: GantryPipelineOptions = { configFile: 'gantry.pipeline.yaml' };",
        'new GantryPipeline(project, options);',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'wrong.ts'),
      ["import { runStage, verifyStage, CliRuntime } from 'gantry-ci';", 'export const wrong = runStage(verifyStage, { url: 8080 }, new CliRuntime());'].join('\n'),
    );
    const tsc = await inProject('npx', ['--no-install', 'tsc', '-p', 'tsconfig.json'], 180_000);
    const errors = tsc.stdout.split('\n').filter((line) => line.includes('error TS'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^wrong\.ts\(2,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/);
  }, 200_000);

  it('runs the installer, the loopback stack and a stage from the installed package, with state in the project', async () => {
    const check = await inProject(gantry, ['local', 'install', '--check'], 120_000);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain('peers ready');

    const up = await inProject(gantry, ['local', 'up'], 300_000);
    expect(up.code, up.stderr).toBe(0);
    const status = await inProject(gantry, ['local', 'status']);
    expect(status.code, status.stdout + status.stderr).toBe(0);
    expect(status.stdout).toContain(`127.0.0.1:${consumerPorts.GANTRY_LOCAL_MOTO_PORT}`);
    expect(existsSync(join(project, '.gantry/local/web-identity-token'))).toBe(true);
    expect(existsSync(join(project, '.gantry/local/kube/pki/ca.key'))).toBe(true);
    expect(existsSync(join(project, 'node_modules/gantry-ci/.gantry'))).toBe(false);

    const env = await inProject(gantry, ['local', 'env']);
    expect(env.code, env.stderr).toBe(0);
    const stackEnv = Object.fromEntries([...env.stdout.matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1]!, m[2]!]));
    expect(stackEnv.AWS_WEB_IDENTITY_TOKEN_FILE).toBe(resolve(project, '.gantry/local/web-identity-token'));
    const auth = await run(gantry, ['run', 'auth', '--json'], { cwd: project, env: { ...consumerEnv, ...stackEnv } });
    expect(auth.code, auth.stderr).toBe(0);
    expect(JSON.parse(auth.stdout)).toMatchObject({ 'aws-account-id': '123456789012', 'aws-identity-arn': expect.stringContaining('assumed-role/gantry-deploy/') });
  }, 600_000);
});
