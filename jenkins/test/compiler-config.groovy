// groovyc --configscript for pipeline scripts: the imports Jenkins adds to a Jenkinsfile and to vars/ (the
// @Library annotation, @NonCPS), as the harness does.
import org.codehaus.groovy.control.customizers.ImportCustomizer

configuration.addCompilationCustomizers(new ImportCustomizer().addImports('org.jenkinsci.plugins.workflow.libs.Library', 'com.cloudbees.groovy.cps.NonCPS'))
