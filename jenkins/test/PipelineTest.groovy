/**
 * gantryPipeline's shape in the harness, with a stand-in CLI that answers each stage as the real one does (outputs
 * JSON, exit code): stage order, the branch gate, UNSTABLE from the scan gate, rollback when Verify fails, notify.
 */
class PipelineTest {
  PipelineHarness harness
  File calls

  private void newHarness(String branch, String verifyExit) {
    File workspace = File.createTempDir('gantry-pipeline-', '')
    harness = new PipelineHarness(new File(System.getenv('GANTRY_LIBRARY') ?: 'jenkins'), workspace)
    calls = new File(workspace, 'calls.log')
    File cli = new File(workspace, 'fake-gantry')
    cli.text = """#!/bin/sh
[ "\$1" = version ] && { echo 0.0.0; exit 0; }
echo "\$2 image=\${GANTRY_IMAGE:-} aws=\${AWS_ACCESS_KEY_ID:+session}" >> ${calls}
case "\$2" in
  auth) printf "export AWS_ACCESS_KEY_ID='ASIAFAKE'\\n" > "\$5"; echo '{}' ;;
  build) echo '{"oci-archive":"/tmp/app.oci.tar","tags":"latest,build-1"}' ;;
  scan) mkdir -p trivy-reports; echo '<testsuites/>' > trivy-reports/junit.xml; echo '{}' > trivy-reports/trivy.json
        echo 'warning: 1 CRITICAL finding (strategy warn)' >&2; echo '{"gate":"warned"}'; exit 3 ;;
  push) echo '{"image":"127.0.0.1:5000/task-manager/app@sha256:abc"}' ;;
  deploy-eks) echo '{"previous-images":"app=old:1","rollout-status":"complete"}' ;;
  verify) [ ${verifyExit} = 0 ] || echo 'error: health: body does not contain ok' >&2; echo '{}'; exit ${verifyExit} ;;
  *) echo '{}' ;;
esac
"""
    cli.setExecutable(true)
    harness.env.GANTRY_CLI = cli.absolutePath
    harness.env.BRANCH_NAME = branch
    harness.credentials['team-webhook'] = [type: 'string', secret: 'http://127.0.0.1:9/hook']
    harness.credentials['gantry-oidc'] = [type: 'file', content: 'header.payload.signature']
  }

  private static final String JENKINSFILE = '''
    @Library('gantry') _
    gantryPipeline(
      service: [name: 'app', repository: 'task-manager/app', context: '.', build: ['tag-latest': 'true'],
        scan: [severity: 'CRITICAL', strategy: 'warn'], push: ['keep-last': '10'],
        deploy: [stage: 'deploy-eks', inputs: [cluster: 'task-manager', namespace: 'task-manager', workload: 'deployment/app']],
        verify: [url: 'https://tasks.example.com/healthz', 'body-contains': 'ok']],
      environment: [name: 'production', branch: 'main', region: 'us-east-1', roleArn: 'arn:aws:iam::777777777777:role/task-manager-delivery'],
      timeoutMinutes: 30, oidcCredential: 'gantry-oidc', notifyCredential: 'team-webhook')
  '''.stripIndent()

  void testFailedVerificationRollsBackAndTheBuildFails() {
    newHarness('main', '1')
    harness.runJenkinsfile(JENKINSFILE)
    assert harness.stageResults == ['Source:SUCCESS', 'Test:SKIPPED', 'Build:SUCCESS', 'Security:UNSTABLE', 'Push:SUCCESS', 'Deploy:SUCCESS', 'Verify:FAILURE']
    assert calls.readLines().collect { it.split(' ')[0] } == ['build', 'scan', 'auth', 'push', 'deploy-eks', 'verify', 'rollback', 'notify']
    assert calls.readLines().find { it.startsWith('deploy-eks') } == 'deploy-eks image=127.0.0.1:5000/task-manager/app@sha256:abc aws=session'
    assert harness.currentBuild.currentResult == 'FAILURE'
    List steps = harness.stepNames()
    assert steps.indexOf('gantryRollback') > steps.indexOf('gantryVerify')
    assert harness.callStack.find { it.name == 'gantryRollback' }.args[0]['previous-images'] == 'app=old:1'
    assert harness.callStack.find { it.name == 'gantryNotify' }.args[0].status == 'failure'
    assert harness.callStack.findAll { it.name.startsWith('options.') }*.name == ['options.timeout', 'options.disableConcurrentBuilds']
    assert harness.junitReports == ['trivy-reports/junit.xml']
    assert harness.archived == ['trivy-reports/trivy.json']
    assert !harness.consoleText().contains('header.payload.signature')
    assert !harness.consoleText().contains('http://127.0.0.1:9/hook')
  }

  void testScanWarningEndsUnstableAndOtherBranchesDoNotDeploy() {
    newHarness('feature/x', '0')
    harness.runJenkinsfile(JENKINSFILE)
    assert harness.stageResults.takeRight(2) == ['Deploy:SKIPPED', 'Verify:SKIPPED']
    assert harness.currentBuild.currentResult == 'UNSTABLE'
    assert harness.callStack.find { it.name == 'gantryNotify' }.args[0].status == 'unstable'
  }
}
