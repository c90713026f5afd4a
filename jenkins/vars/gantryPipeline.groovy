/**
 * gantryPipeline: the delivery pipeline of one service and environment from the pipeline model, as a declarative
 * pipeline: Source, Test, Build, Security, Push, Deploy, Verify (rolled back when it fails), notify in post. The
 * Jenkinsfile renderer (src/generate/jenkins/) writes the config from a model; each stage map holds stage inputs.
 *
 * config: service [name, repository, context, build, scan, push, deploy: [stage, inputs], verify], environment [name,
 * branch, region, roleArn], test (shell command), timeoutMinutes, oidcCredential (file credential holding the OIDC
 * token; without it IRSA's AWS_WEB_IDENTITY_TOKEN_FILE), notifyCredential (secret text: a webhook URL),
 * slackCredential (secret text: a Slack webhook URL).
 */
void call(Map config) {
  Map service = config.service as Map
  Map target = config.environment as Map
  Map state = [:]
  pipeline {
    agent any
    options {
      timeout(time: config.timeoutMinutes ?: 60, unit: 'MINUTES')
      disableConcurrentBuilds()
    }
    environment {
      GANTRY_STARTED_AT = "${System.currentTimeMillis().intdiv(1000)}"
    }
    stages {
      stage('Source') {
        steps {
          checkout scm
        }
      }
      stage('Test') {
        when { expression { config.test } }
        steps {
          sh(config.test as String)
        }
      }
      stage('Build') {
        steps {
          script {
            state.build = gantryBuild([image: service.repository, context: service.context ?: '.'] + (service.build ?: [:]))
          }
        }
      }
      stage('Security') {
        steps {
          script {
            state.scan = gantryScan([target: state.build['oci-archive'], 'output-dir': 'trivy-reports'] + (service.scan ?: [:]))
          }
        }
        post {
          always {
            junit(testResults: 'trivy-reports/*.xml', allowEmptyResults: true)
            archiveArtifacts(artifacts: 'trivy-reports/*.sarif,trivy-reports/*.json', allowEmptyArchive: true)
          }
        }
      }
      stage('Push') {
        steps {
          script {
            gantryAwsSession(config)
            state.push = gantryPush([repository: service.repository, 'oci-archive': state.build['oci-archive'], tags: state.build.tags,
              'aws-region': target.region] + (service.push ?: [:]))
          }
        }
      }
      stage('Deploy') {
        when { branch(target.branch as String) }
        steps {
          script {
            Map deploy = service.deploy as Map
            state.deploy = "gantry${deployStepSuffix(deploy.stage as String)}"([image: state.push.image, 'aws-region': target.region] + (deploy.inputs ?: [:]))
          }
        }
      }
      stage('Verify') {
        when { allOf { branch(target.branch as String); expression { service.verify } } }
        steps {
          script {
            state.verify = gantryVerify(service.verify as Map)
          }
        }
        post {
          failure {
            script {
              Map deploy = service.deploy as Map
              Map inputs = deploy.inputs as Map
              gantryRollback(target: 'eks', 'aws-region': target.region, cluster: inputs.cluster, namespace: inputs.namespace,
                workload: inputs.workload, 'previous-images': state.deploy['previous-images'], image: state.push.image)
            }
          }
        }
      }
    }
    post {
      always {
        script {
          List bindings = []
          if (config.notifyCredential) bindings << string(credentialsId: config.notifyCredential, variable: 'GANTRY_WEBHOOK_URL')
          if (config.slackCredential) bindings << string(credentialsId: config.slackCredential, variable: 'GANTRY_SLACK_WEBHOOK_URL')
          if (bindings) {
            withCredentials(bindings) {
              gantryNotify(status: currentBuild.currentResult.toLowerCase(), service: service.name, environment: target.name,
                image: state.push?.image, 'started-at': env.GANTRY_STARTED_AT)
            }
          }
        }
      }
    }
  }
}

/** deploy-eks → DeployEks: the global step of a deploy stage. */
@NonCPS
private static String deployStepSuffix(String stage) {
  return stage.split('-').collect { it.capitalize() }.join('')
}

/** gantryAuth once per build, with the OIDC token bound from its file credential or IRSA's token file. */
private void gantryAwsSession(Map config) {
  if (env.GANTRY_AWS_SESSION_FILE) return
  Map target = config.environment as Map
  Map inputs = ['aws-region': target.region, 'role-arn': target.roleArn]
  if (config.oidcCredential) {
    withCredentials([file(credentialsId: config.oidcCredential, variable: 'GANTRY_WEB_IDENTITY_TOKEN_FILE')]) {
      gantryAuth(inputs)
    }
  } else {
    gantryAuth(inputs)
  }
}
