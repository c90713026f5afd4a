// Runs the test methods (public void methods named test…) of the classes given, printing TAP; exits 1 on a failure.
// usage: groovy -cp jenkins/test:jenkins/test/stubs jenkins/test/run.groovy LibraryTest [testName…]
int failures = 0
int count = 0
Class testClass = this.class.classLoader.loadClass(args[0])
List<String> only = args.length > 1 ? args[1..-1] as List : []
testClass.declaredMethods.findAll { it.name.startsWith('test') && (!only || it.name in only) }.sort { it.name }.each { method ->
  count++
  Object instance = testClass.newInstance()
  try {
    method.invoke(instance)
    println "ok ${count} - ${method.name}"
  } catch (java.lang.reflect.InvocationTargetException e) {
    failures++
    println "not ok ${count} - ${method.name}: ${e.cause.toString().readLines().join(' | ')}"
    if (instance.hasProperty('harness') && instance.harness) System.err.println(instance.harness.consoleText())
  }
}
println "1..${count}"
System.exit(failures ? 1 : 0)
