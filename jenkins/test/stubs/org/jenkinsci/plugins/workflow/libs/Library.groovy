package org.jenkinsci.plugins.workflow.libs

import java.lang.annotation.Retention
import java.lang.annotation.RetentionPolicy

/** Stand-in for `@Library('…') _` at the top of a Jenkinsfile; the harness has the library loaded already. */
@Retention(RetentionPolicy.SOURCE)
@interface Library {
  String[] value()
}
