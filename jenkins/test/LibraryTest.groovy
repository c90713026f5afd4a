import com.sun.net.httpserver.HttpServer

/**
 * The library's contract, through the harness and the real gantry CLI (GANTRY_CLI): unknown keys, inputs passed
 * verbatim, exit codes mapped to build results, secrets kept out of the console.
 */
class LibraryTest {
  PipelineHarness harness

  private PipelineHarness newHarness() {
    File workspace = File.createTempDir('gantry-jenkins-', '')
    harness = new PipelineHarness(new File(System.getenv('GANTRY_LIBRARY') ?: 'jenkins'), workspace)
    return harness
  }

  private static PipelineFailure failure(Closure body) {
    try {
      body()
    } catch (PipelineFailure expected) {
      return expected
    }
    assert false: 'expected the step to fail'
  }

  /** A fake CLI of the right version whose `run` prints `outputs` and exits with `status`. */
  private File fakeCli(String version, int status, String stderr) {
    File cli = new File(harness.workspace, 'fake-gantry')
    cli.text = """#!/bin/sh
if [ "\$1" = version ]; then echo ${version}; exit 0; fi
echo '${stderr}' >&2
echo '{"gate":"warned"}'
exit ${status}
"""
    cli.setExecutable(true)
    return cli
  }

  private static HttpServer serve(String body, List<String> received) {
    HttpServer server = HttpServer.create(new InetSocketAddress('127.0.0.1', 0), 0)
    server.createContext('/') { exchange ->
      received << exchange.requestURI.toString() + ' ' + exchange.requestBody.getText('UTF-8')
      byte[] bytes = body.getBytes('UTF-8')
      exchange.sendResponseHeaders(200, bytes.length)
      exchange.responseBody.withStream { it.write(bytes) }
    }
    server.start()
    return server
  }

  void testUnknownKeyFailsBeforeAnyCommandNamingIt() {
    newHarness()
    PipelineFailure error = failure { harness.call('gantryDeployEks', [cluster: 'gantry-local', clustr: 'typo', workload: 'app']) }
    assert error.message.contains("unknown input 'clustr'")
    assert error.message.contains('inputs of deploy-eks: aws-region, change-cause, cluster, containers, image')
    assert !('sh' in harness.stepNames())
  }

  void testShellMetacharactersReachTheCliVerbatim() {
    newHarness()
    File marker = new File("/tmp/gantry-pwned-${UUID.randomUUID()}")
    String payload = "\$(touch ${marker}); `touch ${marker}`; \"x\" '\$HOME'"
    List<String> received = []
    HttpServer server = serve("served: ${payload}", received)
    try {
      Map outputs = harness.call('gantryVerify', [url: "http://127.0.0.1:${server.address.port}/", 'body-contains': payload, 'deadline-seconds': '0']) as Map
      assert outputs.result == 'passed'
      assert !marker.exists()
      List shells = harness.callStack.findAll { it.name == 'sh' }.collect { (it.args[0] as Map).script as String }
      assert shells.every { !it.contains(payload) }
      assert harness.callStack.find { it.name == 'withEnv' }.args[0].contains("GANTRY_BODY_CONTAINS=${payload}".toString())
    } finally {
      server.stop(0)
    }
  }

  void testExitCodeThreeMarksTheBuildUnstableAndReturnsOutputs() {
    newHarness()
    harness.env.GANTRY_CLI = fakeCli('0.0.0', 3, 'warning: 1 CRITICAL finding; strategy warn').absolutePath
    Map outputs = harness.call('gantryScan', [target: 'image.tar', strategy: 'warn']) as Map
    assert outputs.gate == 'warned'
    assert harness.currentBuild.currentResult == 'UNSTABLE'
    assert harness.stepNames().contains('unstable')
    assert harness.consoleText().contains('WARNING: gantryScan: 1 CRITICAL finding; strategy warn')
  }

  void testExitCodeOneFailsWithTheStageMessage() {
    newHarness()
    PipelineFailure error = failure { harness.call('gantryVerify', [url: 'http://127.0.0.1:9/', 'deadline-seconds': '0']) }
    assert error.message.startsWith('gantryVerify: gantry run verify failed (exit 1): ')
    assert error.message.contains('127.0.0.1:9')
  }

  void testAnotherCliVersionIsRefused() {
    newHarness()
    harness.env.GANTRY_CLI = fakeCli('9.9.9', 0, '').absolutePath
    PipelineFailure error = failure { harness.call('gantryNotify', [status: 'success']) }
    assert error.message.contains('needs the gantry CLI 0.0.0')
    assert error.message.contains('is 9.9.9')
    assert harness.callStack.findAll { it.name == 'sh' }.size() == 1
  }

  /** The OIDC token file and the webhook URL bound by withCredentials, the STS session keys kept in a file. */
  void testNoSecretReachesTheConsole() {
    newHarness()
    String token = new File(System.getenv('AWS_WEB_IDENTITY_TOKEN_FILE')).text.trim()
    harness.credentials['gantry-oidc'] = [type: 'file', content: token]
    List<String> received = []
    HttpServer receiver = serve('ok', received)
    String webhook = "http://127.0.0.1:${receiver.address.port}/hooks/secret-${UUID.randomUUID()}"
    harness.credentials['team-webhook'] = [type: 'string', secret: webhook]
    try {
      harness.runJenkinsfile('''
        @Library('gantry') _
        withCredentials([file(credentialsId: 'gantry-oidc', variable: 'OIDC_TOKEN')]) {
          gantryAuth('aws-region': 'us-east-1', 'role-arn': env.AWS_ROLE_ARN, 'web-identity-token-file': env.OIDC_TOKEN)
        }
        gantryRollback(target: 'eks', cluster: 'gantry-local', workload: 'nothing-here', 'previous-images': 'app=x:1', image: 'x:2', 'aws-region': 'us-east-1')
      '''.stripIndent())
      // The rollback fails (no such workload) after the CLI authenticated to EKS with the session from gantryAuth.
      harness.currentBuild.result = null
      harness.runJenkinsfile('''
        withCredentials([string(credentialsId: 'team-webhook', variable: 'GANTRY_WEBHOOK_URL')]) {
          gantryNotify(status: 'success', service: 'app', environment: 'staging')
        }
      '''.stripIndent())
      assert harness.currentBuild.currentResult == 'SUCCESS'
      assert received.size() == 1
      File session = new File(harness.env.GANTRY_AWS_SESSION_FILE)
      List<String> keys = session.readLines().findAll { it =~ /AWS_(SECRET_ACCESS_KEY|ACCESS_KEY_ID|SESSION_TOKEN)=/ }.collect { it.substring(it.indexOf('=') + 2, it.length() - 1) }
      assert keys.size() == 3
      String console = harness.consoleText()
      ([token, webhook] + keys).each { assert !console.contains(it) }
    } finally {
      receiver.stop(0)
    }
  }
}
