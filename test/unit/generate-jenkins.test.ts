import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { literal, OIDC_CREDENTIAL, renderJenkinsfile } from '../../src/generate/jenkins/jenkinsfile.js';
import { pipelineFiles } from '../../src/generate/pipeline-files.js';
import { loadPipelineFile } from '../../src/pipeline/load.js';
import { resolvePipeline } from '../../src/pipeline/resolve.js';

const seed = (name: string) => loadPipelineFile(`examples/pipelines/${name}.yaml`);
const stageNames = (text: string) => [...text.matchAll(/^ {4}stage\('([^']+)'\)/gm)].map((m) => m[1]);

describe('Jenkinsfile from the pipeline model', () => {
  it('Task Manager (seed 004): the library at the model\'s commit, Source to Verify, rollback when Verify fails', () => {
    const text = renderJenkinsfile(seed('task-manager'), 'header');
    expect(text).toMatch(/^\/\/ header\n@Library\('gantry@986721c08755c570c2b1ffa75193ccaef8f8d2c2'\) _\n/);
    expect(stageNames(text)).toEqual(['Source', 'Test', 'Build app', 'Security app', 'Push app (production)', 'Deploy app (production)', 'Verify app (production)']);
    expect(text).toContain("timeout(time: 60, unit: 'MINUTES')\n    disableConcurrentBuilds()");
    expect(text).toContain("gantryScan('scan-type': 'image', 'output-dir': 'trivy-reports/app', 'severity': 'CRITICAL', 'strategy': 'fail', 'target': delivered['app'].build['oci-archive'])");
    expect(text).toContain("junit(testResults: 'trivy-reports/app/*.xml', allowEmptyResults: true)");
    // The environment delivers from its branch and from version tags.
    expect(text.match(/when \{ anyOf \{ branch 'main'; tag 'v\*' \} \}/g)).toHaveLength(3);
    expect(text).toContain(`withCredentials([file(credentialsId: '${OIDC_CREDENTIAL}', variable: 'GANTRY_WEB_IDENTITY_TOKEN_FILE')])`);
    expect(text).toContain("gantryAuth('aws-region': 'us-east-1', 'role-arn': 'arn:aws:iam::777777777777:role/task-manager-delivery')");
    expect(text).toContain("'keep-last': '10', 'oci-archive': delivered['app'].build['oci-archive'], 'tags': delivered['app'].build.tags)");
    expect(text).toMatch(/failure \{\n\s+script \{\n\s+gantryRollback\('target': 'eks', .*'previous-images': delivered\['app'\]\['production'\]\.deploy\['previous-images'\]/);
  });

  it('several environments: each one\'s stages gated on its own branch, the image built and scanned once', () => {
    const text = renderJenkinsfile(seed('opsfleet'), 'h');
    const names = stageNames(text);
    expect(names.filter((n) => n.startsWith('Build '))).toEqual(['Build api']);
    expect(names).toContain('Push api (staging)');
    expect(names).toContain('Push api (production)');
    expect(text).toMatch(/stage\('Push api \(staging\)'\) \{\n\s+when \{ branch 'develop' \}/);
    expect(text).toMatch(/stage\('Push api \(production\)'\) \{\n\s+when \{ branch 'main' \}/);
  });

  it('workflow expressions become the build environment, and secrets a masked credential around the call', () => {
    const local = renderJenkinsfile(seed('local'), 'h');
    expect(local).toContain("'registry': env.GANTRY_REGISTRY");
    const waraq = renderJenkinsfile(seed('waraq'), 'h');
    expect(waraq).toMatch(/delivered\['api'\]\['staging'\]\.deploy = withCredentials\(\[string\(credentialsId: 'GITOPS_TOKEN', variable: 'GITOPS_TOKEN'\)\]\) \{\n\s+gantryGitopsBump\(.*'token': env\.GITOPS_TOKEN/);
    expect(waraq).not.toContain('${{');
  });

  it('a model value cannot run Groovy: single-quoted, escaped', () => {
    expect(literal("a'b\\c ${x}\nd")).toBe("'a\\'b\\\\c ${x}\\nd'");
    const model = parse(readFileSync('examples/pipelines/task-manager.yaml', 'utf8')) as { test: string };
    model.test = "echo '${env.X}' \\ done";
    const text = renderJenkinsfile(resolvePipeline(model), 'h');
    expect(text).toContain("sh('echo \\'${env.X}\\' \\\\ done')");
  });

  it('every seed gets a Jenkinsfile beside its workflows', () => {
    expect(Object.keys(pipelineFiles(seed('navoy'), 'navoy.yaml'))).toContain('Jenkinsfile');
  });
});
