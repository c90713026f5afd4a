import java.nio.file.FileSystems
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.PathMatcher
import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.control.customizers.ImportCustomizer

/**
 * A JenkinsPipelineUnit-style harness: loads the library's vars/*.groovy and a Jenkinsfile into one binding, records
 * every step in a call stack, and implements the steps the library uses. `sh` really runs its script with
 * `/bin/sh -xe`, as Jenkins does, so the library drives the real gantry CLI. The console log masks what
 * `withCredentials` binds, as Jenkins does; nothing else is masked.
 */
class PipelineHarness {
  final File library
  final File workspace
  /** The build's environment (`env`); `sh` also inherits this process's environment. */
  final Map<String, String> env = [:]
  final List<Map> callStack = []
  final List<String> console = Collections.synchronizedList([])
  /** Credentials by id: [type: 'string', secret: '…'] or [type: 'file', content: '…']. */
  final Map<String, Map> credentials = [:]
  final BuildState currentBuild = new BuildState()
  final List<String> archived = []
  final List<String> junitReports = []
  final List<String> stageResults = []
  private final List<Map<String, String>> envOverrides = []
  private final List<String> masks = []
  private final GroovyShell shell
  private final Binding binding = new Binding()

  PipelineHarness(File library, File workspace) {
    this.library = library
    this.workspace = workspace
    workspace.mkdirs()
    env.putAll(System.getenv())
    env.WORKSPACE = workspace.absolutePath
    env.BUILD_NUMBER = '1'
    env.JOB_NAME = 'harness'
    CompilerConfiguration compiler = new CompilerConfiguration()
    compiler.addCompilationCustomizers(new ImportCustomizer().addImports('org.jenkinsci.plugins.workflow.libs.Library', 'com.cloudbees.groovy.cps.NonCPS'))
    shell = new GroovyShell(getClass().classLoader, binding, compiler)
    shell.classLoader.addClasspath(new File(library, 'src').absolutePath)
    binding.setVariable('env', env)
    binding.setVariable('currentBuild', currentBuild)
    binding.setVariable('scm', 'scm')
    registerSteps()
    new File(library, 'vars').listFiles().findAll { it.name.endsWith('.groovy') }.sort().each { loadVar(it) }
  }

  /** Runs a Jenkinsfile (its `@Library('…') _` line is accepted and ignored: the library is loaded already). */
  void runJenkinsfile(String text) {
    Script script = shell.parse(text, 'Jenkinsfile')
    script.binding = binding
    try {
      script.run()
    } catch (PipelineFailure failure) {
      currentBuild.worsen('FAILURE')
      log("ERROR: ${failure.message}")
    }
  }

  /** Calls a global step as a Jenkinsfile would, letting its failure through. */
  Object call(String step, Object... args) {
    return (binding.getVariable(step) as Closure).call(args)
  }

  String consoleText() { console.join('\n') }
  List<String> stepNames() { callStack.collect { it.name as String } }

  void record(String name, List args) { callStack << [name: name, args: args] }

  void log(String line) {
    String masked = line
    masks.each { masked = masked.replace(it, '****') }
    console << masked
  }

  Map<String, String> effectiveEnv() {
    Map<String, String> all = [:] + env
    envOverrides.each { all.putAll(it) }
    return all
  }

  boolean branchMatches(String pattern) {
    return refMatches(effectiveEnv().BRANCH_NAME, pattern)
  }

  boolean refMatches(String ref, String pattern) {
    if (!ref) return false
    String branch = ref
    String regex = pattern.split(/\*\*/, -1).collect { part -> part.split(/\*/, -1).collect { java.util.regex.Pattern.quote(it) }.join('[^/]*') }.join('.*')
    return branch ==~ regex
  }

  private void loadVar(File file) {
    String name = file.name - '.groovy'
    Script script = shell.parse(file)
    script.binding = binding
    binding.setVariable(name) { Object[] args ->
      record(name, args as List)
      return script.invokeMethod('call', args)
    }
  }

  private void step(String name, Closure body) {
    binding.setVariable(name) { Object[] args ->
      record(name, args as List)
      return body.call(*args)
    }
  }

  private void registerSteps() {
    step('pipeline') { Closure body -> runPipeline(body) }
    step('echo') { String message -> log(message) }
    step('error') { String message -> log("ERROR: ${message}"); throw new PipelineFailure(message) }
    step('unstable') { String message -> log("WARNING: ${message}"); currentBuild.worsen('UNSTABLE'); currentBuild.stageResult = 'UNSTABLE' }
    step('isUnix') { -> true }
    step('checkout') { Object scm -> log('checkout: the harness workspace is the checkout') }
    step('sh') { Object args -> runShell(args instanceof Map ? args as Map : [script: args.toString()]) }
    step('withEnv') { List<String> vars, Closure body -> withOverrides(vars.collectEntries { String v -> [(v.substring(0, v.indexOf('='))): v.substring(v.indexOf('=') + 1)] }, body) }
    step('withCredentials') { List<Map> bindings, Closure body -> withOverrides(bindCredentials(bindings), body) }
    step('string') { Map args -> [type: 'string'] + args }
    step('file') { Map args -> [type: 'file'] + args }
    step('timeout') { Map args, Closure body -> body() }
    step('libraryResource') { String path -> new File(library, "resources/${path}").getText('UTF-8') }
    step('pwd') { Object[] args -> (args && (args[0] as Map).tmp) ? "${workspace.absolutePath}@tmp".toString() : workspace.absolutePath }
    step('fileExists') { String path -> resolve(path).exists() }
    step('readFile') { Object args -> resolve(args instanceof Map ? (args as Map).file as String : args as String).getText('UTF-8') }
    step('writeFile') { Map args -> File f = resolve(args.file as String); f.parentFile.mkdirs(); f.setText(args.text as String, 'UTF-8') }
    step('junit') { Object args -> junitReports.addAll(matching(args instanceof Map ? (args as Map).testResults as String : args as String)) }
    step('archiveArtifacts') { Object args -> archived.addAll(matching(args instanceof Map ? (args as Map).artifacts as String : args as String)) }
  }

  private File resolve(String path) {
    File file = new File(path)
    return file.absolute ? file : new File(workspace, path)
  }

  /** Workspace-relative files matching a comma-separated list of Ant-style globs. */
  private List<String> matching(String patterns) {
    Path root = workspace.toPath()
    List<PathMatcher> matchers = patterns.split(',').collect { FileSystems.default.getPathMatcher("glob:${it.trim()}") }
    List<String> found = []
    root.toFile().eachFileRecurse { File f ->
      Path p = root.relativize(f.toPath())
      if (f.isFile() && matchers.any { it.matches(p) }) found << p.toString()
    }
    log("matched ${found.size()} file(s) for ${patterns}")
    return found
  }

  private Object withOverrides(Map<String, String> vars, Closure body) {
    envOverrides << vars
    try {
      return body()
    } finally {
      envOverrides.remove(envOverrides.size() - 1)
    }
  }

  private Map<String, String> bindCredentials(List<Map> bindings) {
    Map<String, String> vars = [:]
    bindings.each { Map spec ->
      Map credential = credentials[spec.credentialsId as String]
      if (credential == null) throw new PipelineFailure("Could not find credentials entry with ID '${spec.credentialsId}'")
      if (spec.type == 'file') {
        File file = File.createTempFile('secret', '.tmp', new File("${workspace.absolutePath}@tmp").with { mkdirs(); it })
        file.text = credential.content
        file.deleteOnExit()
        masks << (credential.content as String).trim()
        vars[spec.variable as String] = file.absolutePath
      } else {
        masks << (credential.secret as String)
        vars[spec.variable as String] = credential.secret as String
      }
    }
    return vars
  }

  private Object runShell(Map args) {
    File tmp = new File("${workspace.absolutePath}@tmp").with { mkdirs(); it }
    File scriptFile = File.createTempFile('script', '.sh', tmp)
    scriptFile.text = args.script
    ProcessBuilder builder = new ProcessBuilder('/bin/sh', '-xe', scriptFile.absolutePath).directory(workspace)
    builder.environment().putAll(effectiveEnv())
    Process process = builder.start()
    StringBuilder stdout = new StringBuilder()
    Thread errors = Thread.start { process.errorStream.eachLine('UTF-8') { log(it) } }
    Thread output = Thread.start {
      process.inputStream.eachLine('UTF-8') { if (args.returnStdout) stdout.append(it).append('\n') else log(it) }
    }
    int status = process.waitFor()
    errors.join()
    output.join()
    scriptFile.delete()
    if (args.returnStatus) return status
    if (status != 0) throw new PipelineFailure("script returned exit code ${status}")
    return args.returnStdout ? stdout.toString() : null
  }

  private void runPipeline(Closure body) {
    PipelineDirectives pipeline = new PipelineDirectives(harness: this)
    body.resolveStrategy = Closure.DELEGATE_FIRST
    body.delegate = pipeline
    body()
    pipeline.environment.each { k, v -> env[k] = v?.toString() }
    boolean failed = false
    pipeline.stages.each { StageDirectives stage ->
      if (failed) { skip(stage, 'an earlier stage failed'); return }
      if (stage.when && !whenHolds(stage.when)) { skip(stage, 'when condition'); return }
      log("[Pipeline] { (${stage.name})")
      record('stage', [stage.name])
      currentBuild.stageResult = 'SUCCESS'
      try {
        Closure steps = stage.steps
        steps.resolveStrategy = Closure.DELEGATE_FIRST
        steps.delegate = new StepsBlock(target: steps.thisObject)
        steps()
      } catch (PipelineFailure failure) {
        log("ERROR: ${failure.message}")
        currentBuild.stageResult = 'FAILURE'
        currentBuild.worsen('FAILURE')
        failed = true
      }
      stageResults << "${stage.name}:${currentBuild.stageResult}".toString()
      runPost(stage.post, currentBuild.stageResult)
    }
    runPost(pipeline.post, currentBuild.currentResult)
  }

  private void skip(StageDirectives stage, String why) {
    log("Stage \"${stage.name}\" skipped due to ${why}")
    stageResults << "${stage.name}:SKIPPED".toString()
  }

  private boolean whenHolds(Closure when) {
    WhenConditions conditions = new WhenConditions(harness: this)
    when.resolveStrategy = Closure.DELEGATE_FIRST
    when.delegate = conditions
    when()
    return conditions.results.every { it }
  }

  /** Jenkins' order of post conditions; a failure inside one marks the build failed but the others still run. */
  private void runPost(Map<String, Closure> post, String result) {
    List<String> order = ['always', 'changed', 'fixed', 'regression', 'aborted', 'failure', 'success', 'unstable', 'unsuccessful', 'cleanup']
    order.each { String condition ->
      Closure body = post[condition]
      boolean holds = condition in ['always', 'cleanup'] || condition == result.toLowerCase() ||
        (condition == 'unsuccessful' && result != 'SUCCESS')
      if (body == null || !holds) return
      record("post.${condition}", [])
      try {
        body.resolveStrategy = Closure.DELEGATE_FIRST
        body.delegate = new StepsBlock(target: body.thisObject)
        body()
      } catch (PipelineFailure failure) {
        log("ERROR: ${failure.message}")
        currentBuild.worsen('FAILURE')
      }
    }
  }
}

/** `currentBuild`: the result only gets worse, as in Jenkins. */
class BuildState {
  String result
  String stageResult = 'SUCCESS'
  String getCurrentResult() { result ?: 'SUCCESS' }
  void worsen(String to) {
    List<String> order = ['SUCCESS', 'UNSTABLE', 'FAILURE']
    if (order.indexOf(to) > order.indexOf(getCurrentResult())) result = to
  }
}
/**
 * The declarative directives the library uses, collected from their closures: the harness then runs the stages in
 * order as Jenkins does (a `when` that does not hold skips a stage; after a failure the remaining stages are skipped;
 * `post` conditions run last).
 */
class PipelineDirectives {
  PipelineHarness harness
  Object agent
  List<Map> options = []
  Map<String, Object> environment = [:]
  List<StageDirectives> stages = []
  Map<String, Closure> post = [:]

  void agent(Object value) { agent = value }
  void agent(Closure body) { agent = 'closure'; harness.record('agent', []) }
  void options(Closure body) { body.resolveStrategy = Closure.DELEGATE_FIRST; body.delegate = new OptionsDirectives(owner: this); body() }
  void environment(Closure body) { body.resolveStrategy = Closure.DELEGATE_FIRST; body.delegate = new EnvironmentDirectives(values: environment); body() }
  void stages(Closure body) { body.resolveStrategy = Closure.DELEGATE_FIRST; body.delegate = new StagesDirectives(list: stages, harness: harness); body() }
  void post(Closure body) { body.resolveStrategy = Closure.DELEGATE_FIRST; body.delegate = new PostDirectives(conditions: post); body() }
  def propertyMissing(String name) {
    if (name in ['any', 'none']) return name
    throw new MissingPropertyException(name, PipelineDirectives)
  }
}

class OptionsDirectives {
  PipelineDirectives owner
  def methodMissing(String name, Object args) {
    owner.options << [name: name, args: (args as List)]
    owner.harness.record("options.${name}", args as List)
    return null
  }
}

class EnvironmentDirectives {
  Map<String, Object> values
  def propertyMissing(String name, Object value) { values[name] = value }
}

class StagesDirectives {
  List<StageDirectives> list
  PipelineHarness harness
  void stage(String name, Closure body) {
    StageDirectives stage = new StageDirectives(name: name, harness: harness)
    body.resolveStrategy = Closure.DELEGATE_FIRST
    body.delegate = stage
    body()
    list << stage
  }
}

class StageDirectives {
  String name
  PipelineHarness harness
  Closure when
  Closure steps
  Map<String, Closure> post = [:]
  void when(Closure body) { when = body }
  void steps(Closure body) { steps = body }
  void post(Closure body) { body.resolveStrategy = Closure.DELEGATE_FIRST; body.delegate = new PostDirectives(conditions: post); body() }
}

class PostDirectives {
  static final List<String> NAMES = ['always', 'changed', 'fixed', 'regression', 'aborted', 'failure', 'success', 'unstable', 'unsuccessful', 'cleanup']
  Map<String, Closure> conditions
  def methodMissing(String name, Object args) {
    // Steps inside a condition's block reach here through the closures' owners: only conditions are ours.
    if (!(name in NAMES)) throw new MissingMethodException(name, PostDirectives, args as Object[])
    conditions[name] = (args as List)[0] as Closure
    return null
  }
}

/** Inside `when { … }`: each condition returns whether it holds; several at the top level must all hold. */
class WhenConditions {
  PipelineHarness harness
  List<Boolean> results = []
  boolean branch(String pattern) { record(harness.branchMatches(pattern)) }
  /** A tag build (TAG_NAME set) whose tag matches the glob. */
  boolean tag(String pattern) { record(harness.refMatches(harness.effectiveEnv().TAG_NAME, pattern)) }
  boolean expression(Closure body) { record(body() as boolean) }
  boolean environment(Map args) { record(harness.effectiveEnv()[args.name as String] == args.value as String) }
  boolean not(Closure body) { record(!nested(body).every { it }) }
  boolean allOf(Closure body) { record(nested(body).every { it }) }
  boolean anyOf(Closure body) { record(nested(body).any { it }) }
  private List<Boolean> nested(Closure body) {
    WhenConditions inner = new WhenConditions(harness: harness)
    body.resolveStrategy = Closure.DELEGATE_FIRST
    body.delegate = inner
    body()
    return inner.results
  }
  private boolean record(boolean value) { results << value; value }
}

/** Inside `steps { … }`: `script { … }` runs its block; every other call is a step, resolved on the pipeline script. */
class StepsBlock {
  /** The script the block was written in (the closure's thisObject): its methods and the steps of its binding. */
  Object target
  def script(Closure body) { body() }
  def methodMissing(String name, Object args) { target.invokeMethod(name, args) }
}
