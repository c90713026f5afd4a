import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { exchange } from '../http/exchange.js';
import { registryOf, type LocalStackConfig } from './config.js';

/** The OCI registry peer: Debian's `docker-registry` (CNCF distribution 2.8) serving from `.gantry/local/registry`. */
export async function registryCommand(config: LocalStackConfig): Promise<[string, string[]]> {
  const root = join(config.dir, 'registry');
  await mkdir(join(root, 'data'), { recursive: true });
  const configFile = join(root, 'config.yml');
  await writeFile(
    configFile,
    [
      'version: 0.1',
      'log:',
      '  level: info',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${join(root, 'data')}`,
      '  delete:',
      '    enabled: true',
      'http:',
      `  addr: ${registryOf(config)}`,
      '',
    ].join('\n'),
  );
  return ['docker-registry', ['serve', configFile]];
}

/** A real API call: the registry's version check (`GET /v2/`). */
export async function checkRegistry(config: LocalStackConfig): Promise<string> {
  const response = await exchange(`http://${registryOf(config)}/v2/`, { timeoutMs: 2_000 });
  const api = response.headers.get('docker-distribution-api-version');
  if (response.status !== 200 || !api) throw new Error(`GET /v2/ answered ${response.status}`);
  return `${registryOf(config)} (${api})`;
}
