import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runNode } from './support.js';

const env = { PATH: process.env.PATH, HOME: process.env.HOME };
const gantry = (...args: string[]) => runNode(CLI, args, env);

describe('gantry generate', () => {
  it('writes what the projen component writes, and --check finds a drifted file', async () => {
    const out = mkdtempSync(join(tmpdir(), 'gantry-generate-'));
    writeFileSync(join(out, 'navoy.yaml'), readFileSync('examples/pipelines/navoy.yaml'));
    const run = await gantry('generate', '--config', join(out, 'navoy.yaml'), '--out', out);
    expect(run.code, run.stderr).toBe(0);
    const written = readdirSync(join(out, '.github/workflows')).sort();
    expect(written).toEqual(['ci.yml', 'deliver.yml']);
    for (const file of written) {
      const committed = readFileSync(`examples/pipelines/navoy/.github/workflows/${file}`, 'utf8');
      // The same renderer: only the header names the model by its own path.
      expect(readFileSync(join(out, '.github/workflows', file), 'utf8')).toBe(committed.replace('examples/pipelines/navoy.yaml', 'navoy.yaml'));
    }
    expect((await gantry('generate', '--config', join(out, 'navoy.yaml'), '--out', out, '--check')).code).toBe(0);

    const deliver = join(out, '.github/workflows/deliver.yml');
    chmodSync(deliver, 0o644);
    writeFileSync(deliver, readFileSync(deliver, 'utf8').replace('timeout-minutes: "20"', 'timeout-minutes: "90"'));
    const check = await gantry('generate', '--config', join(out, 'navoy.yaml'), '--out', out, '--check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('out of date (run gantry generate --config');
    expect(check.stderr).toContain('.github/workflows/deliver.yml');
  });

  it('refuses a bad model, naming each path, and writes nothing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'gantry-generate-bad-'));
    const model = readFileSync('examples/pipelines/cloud-design.yaml', 'utf8').replace('kind: ecs, cluster: "{project}-{environment}", service: "{service}" }\n  - name: inventory', 'kind: lambda }\n  - name: inventory');
    writeFileSync(join(out, 'bad.yaml'), model.replace('    role: cloud-design-deploy\n    github-environment', '    github-environment'));
    const run = await gantry('generate', '--config', join(out, 'bad.yaml'), '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('services[0].deploy.kind: must be one of ecs, eks, gitops');
    expect(run.stderr).toContain('environments[1].role: required');
    expect(existsSync(join(out, '.github'))).toBe(false);
  });

  it('says where a YAML syntax error is', async () => {
    const out = mkdtempSync(join(tmpdir(), 'gantry-generate-syntax-'));
    writeFileSync(join(out, 'broken.yaml'), 'project: x\nenvironments: [\n');
    const run = await gantry('generate', '--config', join(out, 'broken.yaml'), '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/broken\.yaml is not valid YAML: .*line 3/s);
  });
});

describe('gantry schema', () => {
  it('prints the JSON Schema of the model, with the stages\' inputs described for editors', async () => {
    const run = await gantry('schema');
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout);
    expect(schema.title).toBe('Gantry pipeline model');
    expect(schema.required).toEqual(expect.arrayContaining(['project', 'environments']));
    const service = schema.properties.services.items;
    expect(service.properties.scan.properties.severity.description).toMatch(/severit/i);
    expect(service.properties.scan.additionalProperties).toBe(false);
  });
});
