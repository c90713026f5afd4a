import groovy.json.JsonOutput
import groovy.json.JsonSlurper

// Runs one Jenkinsfile in the harness and writes what happened as JSON, for a test outside Groovy to check against
// the real effects (registry, cluster) it can see itself.
// usage: groovy -cp jenkins/test:jenkins/test/stubs jenkins/test/runJenkinsfile.groovy <spec.json> <report.json>
// spec: library, workspace, jenkinsfile (path), env (Map), credentials (id → [type: 'file', path] or [type: 'string', secret]).
Map spec = new JsonSlurper().parse(new File(args[0])) as Map
PipelineHarness harness = new PipelineHarness(new File(spec.library as String), new File(spec.workspace as String))
harness.env.putAll(spec.env as Map)
(spec.credentials as Map).each { String id, Map credential ->
  harness.credentials[id] = credential.type == 'file' ? [type: 'file', content: new File(credential.path as String).text] : credential
}
harness.runJenkinsfile(new File(spec.jenkinsfile as String).getText('UTF-8'))

// Closures (stage bodies) are not data: only their place in the stack is kept.
Object plain(Object value) {
  if (value instanceof Map) return (value as Map).collectEntries { k, v -> [(k.toString()): plain(v)] }
  if (value instanceof List || value instanceof Object[]) return (value as List).collect { plain(it) }
  if (value instanceof Closure) return '{…}'
  return value == null ? null : value.toString()
}
new File(args[1]).setText(JsonOutput.toJson([
  result: harness.currentBuild.currentResult,
  stageResults: harness.stageResults,
  callStack: harness.callStack.collect { [name: it.name, args: plain(it.args)] },
  junitReports: harness.junitReports,
  archived: harness.archived,
  env: [GANTRY_AWS_SESSION_FILE: harness.env.GANTRY_AWS_SESSION_FILE],
  console: harness.consoleText(),
]), 'UTF-8')
