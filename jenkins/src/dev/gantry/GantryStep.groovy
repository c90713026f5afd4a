package dev.gantry

import com.cloudbees.groovy.cps.NonCPS
import groovy.json.JsonOutput
import groovy.json.JsonSlurperClassic

/**
 * Runs one Gantry stage for a global step of vars/: checks the step's keys against the stage catalog generated from
 * the stage declarations, hands the inputs to `gantry run <stage> --json` as GANTRY_<INPUT> environment variables
 * (never spliced into the shell text), and maps the CLI's exit code to the build result.
 */
class GantryStep implements Serializable {
  static final String CATALOG = 'dev/gantry/stages.json'
  /** Exit codes of `gantry run`. */
  static final int SUCCESS = 0
  static final int UNSTABLE = 3

  /** The pipeline script the global step runs in: every Jenkins step is called on it. */
  private final Object script

  GantryStep(Object script) {
    this.script = script
  }

  /** Runs `stage` for the global step `stepName` and returns its outputs. */
  Map run(String stepName, String stage, Map inputs) {
    Map catalog = loadCatalog()
    Map entry = catalog.stages[stage] as Map
    if (entry == null) {
      script.error("${stepName}: this library has no stage '${stage}'")
    }
    List<String> unknown = unknownKeys(inputs ?: [:], entry)
    if (!unknown.isEmpty()) {
      script.error("${stepName}: unknown input${unknown.size() > 1 ? 's' : ''} ${unknown.collect { "'${it}'" }.join(', ')}; " +
        "inputs of ${stage}: ${(entry.inputs as Map).keySet().sort().join(', ')}")
    }
    checkCli(catalog.cliVersion as String)

    String stepDir = "${script.pwd(tmp: true)}/gantry/${stage}-${UUID.randomUUID()}"
    List<String> environment = inputEnvironment(inputs ?: [:]) + ["GANTRY_STEP_DIR=${stepDir}".toString()]
    int status = 0
    script.withEnv(environment) {
      status = script.sh(returnStatus: true, label: "gantry run ${stage}", script: runScript(stage)) as int
    }
    Map outputs = readOutputs("${stepDir}/outputs.json")
    if (status == SUCCESS || status == UNSTABLE) {
      if (stage == 'auth') {
        // The session credentials stay in the CLI's 0600 exports file: later gantry steps source it inside their
        // own sh, so the keys never pass through Groovy, the build's environment or the console.
        script.env.GANTRY_AWS_SESSION_FILE = "${stepDir}/session.env".toString()
      }
      if (status == UNSTABLE) {
        script.unstable("${stepName}: ${failureMessage(readLog(stepDir), 'the stage asked for the build to be marked unstable')}")
      }
      return outputs
    }
    script.error("${stepName}: gantry run ${stage} failed (exit ${status}): ${failureMessage(readLog(stepDir), 'no message')}")
    return outputs
  }

  private Map loadCatalog() {
    return parseJson(script.libraryResource(CATALOG) as String) as Map
  }

  /** Refuses a CLI of another version than the catalog was generated with; checked once per build and CLI path. */
  private void checkCli(String needed) {
    String cli = script.env.GANTRY_CLI ?: 'gantry'
    if (script.env.GANTRY_CLI_CHECKED == cli) {
      return
    }
    String found = (script.sh(returnStdout: true, label: 'gantry version',
      script: 'set +x\n"${GANTRY_CLI:-gantry}" version 2>/dev/null || echo none') as String).trim()
    if (found != needed) {
      script.error("this Gantry library needs the gantry CLI ${needed}, but ${cli} is ${found == 'none' ? 'missing or too old' : found}: " +
        "call gantryInstall() or set GANTRY_CLI to a gantry ${needed}")
    }
    script.env.GANTRY_CLI_CHECKED = cli
  }

  private Map readOutputs(String path) {
    if (!script.fileExists(path)) {
      return [:]
    }
    String text = (script.readFile(path) as String).trim()
    return text ? parseJson(text) as Map : [:]
  }

  private String readLog(String stepDir) {
    String path = "${stepDir}/stderr"
    return script.fileExists(path) ? script.readFile(path) as String : ''
  }

  /**
   * The shell text of a stage: a constant but for the stage name, which comes from this library. The CLI's stderr
   * still streams to the console while a copy is kept for the error message; stdout is the JSON outputs.
   */
  @NonCPS
  static String runScript(String stage) {
    if (!(stage ==~ /[a-z][a-z-]*/)) {
      throw new IllegalArgumentException("not a stage name: ${stage}")
    }
    String exports = stage == 'auth' ? ' --exports-file "$GANTRY_STEP_DIR/session.env"' : ''
    // An earlier gantryAuth's session (sourced with tracing off, so `sh -x` cannot print the keys).
    String session = stage == 'auth' ? '' : 'if [ -n "${GANTRY_AWS_SESSION_FILE:-}" ]; then . "$GANTRY_AWS_SESSION_FILE"; fi\n'
    return """set +x
mkdir -p "\$GANTRY_STEP_DIR"
${session}mkfifo "\$GANTRY_STEP_DIR/stderr.fifo"
tee "\$GANTRY_STEP_DIR/stderr" < "\$GANTRY_STEP_DIR/stderr.fifo" >&2 &
tee_pid=\$!
set +e
"\${GANTRY_CLI:-gantry}" run ${stage} --json${exports} > "\$GANTRY_STEP_DIR/outputs.json" 2> "\$GANTRY_STEP_DIR/stderr.fifo"
status=\$?
wait "\$tee_pid"
rm -f "\$GANTRY_STEP_DIR/stderr.fifo"
exit "\$status"
"""
  }

  /** Keys of `inputs` the stage does not declare. */
  @NonCPS
  static List<String> unknownKeys(Map inputs, Map entry) {
    Set<String> known = (entry.inputs as Map).keySet()
    return inputs.keySet().collect { it.toString() }.findAll { !known.contains(it) }
  }

  /** `deploy-eks`'s `change-cause` → GANTRY_CHANGE_CAUSE=…; lists and maps (e.g. verify's checks) go as JSON. */
  @NonCPS
  static List<String> inputEnvironment(Map inputs) {
    List<String> environment = []
    inputs.each { key, value ->
      if (value != null) {
        String text = (value instanceof Map || value instanceof List) ? JsonOutput.toJson(value) : value.toString()
        environment << "${envName(key.toString())}=${text}".toString()
      }
    }
    return environment
  }

  @NonCPS
  static String envName(String input) {
    return 'GANTRY_' + input.replace('-', '_').toUpperCase()
  }

  /** The CLI's `error:` lines (or its last lines when it printed none), for the message of error() or unstable(). */
  @NonCPS
  static String failureMessage(String log, String fallback) {
    List<String> lines = log.readLines().collect { it.trim() }.findAll { it }
    List<String> errors = messagesWith(lines, 'error: ') ?: messagesWith(lines, 'warning: ')
    List<String> chosen = errors ?: (lines.size() > 5 ? lines[-5..-1] : lines)
    return chosen ? chosen.join('; ') : fallback
  }

  @NonCPS
  private static List<String> messagesWith(List<String> lines, String prefix) {
    return lines.findAll { it.startsWith(prefix) }.collect { it.substring(prefix.length()) }
  }

  @NonCPS
  static Object parseJson(String text) {
    return new JsonSlurperClassic().parseText(text)
  }
}
