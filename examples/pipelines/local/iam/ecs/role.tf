# Deploy role of local in ecs (account 123456789012), assumed by GitHub Actions over OIDC.
resource "aws_iam_role" "local_ecs" {
  name               = "gantry-deploy"
  assume_role_policy = jsonencode({
    "Version": "2012-10-17",
    "Statement": [
      {
        "Sid": "GitHubActionsOidc",
        "Effect": "Allow",
        "Principal": {
          "Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
        },
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {
          "StringEquals": {
            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"
          },
          "StringLike": {
            "token.actions.githubusercontent.com:sub": [
              "repo:gantry-ci/gantry:ref:refs/heads/main",
              "repo:gantry-ci/gantry:environment:ecs"
            ]
          }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy" "local_ecs" {
  name   = "local-delivery"
  role   = aws_iam_role.local_ecs.id
  policy = jsonencode({
    "Version": "2012-10-17",
    "Statement": [
      {
        "Sid": "EcrLogin",
        "Effect": "Allow",
        "Action": "ecr:GetAuthorizationToken",
        "Resource": "*"
      },
      {
        "Sid": "EcrPush",
        "Effect": "Allow",
        "Action": [
          "ecr:BatchCheckLayerAvailability",
          "ecr:BatchGetImage",
          "ecr:CompleteLayerUpload",
          "ecr:CreateRepository",
          "ecr:DescribeImages",
          "ecr:DescribeRepositories",
          "ecr:GetDownloadUrlForLayer",
          "ecr:GetLifecyclePolicy",
          "ecr:InitiateLayerUpload",
          "ecr:PutImage",
          "ecr:PutImageScanningConfiguration",
          "ecr:PutImageTagMutability",
          "ecr:PutLifecyclePolicy",
          "ecr:UploadLayerPart"
        ],
        "Resource": [
          "arn:aws:ecr:us-east-1:123456789012:repository/gantry/ecs/app"
        ]
      },
      {
        "Sid": "EcsServices",
        "Effect": "Allow",
        "Action": [
          "ecs:DescribeServices",
          "ecs:UpdateService"
        ],
        "Resource": [
          "arn:aws:ecs:us-east-1:123456789012:service/gantry-local/example-app"
        ]
      },
      {
        "Sid": "EcsClusterTasks",
        "Effect": "Allow",
        "Action": [
          "ecs:DescribeClusters",
          "ecs:DescribeTasks",
          "ecs:ListTasks",
          "ecs:RunTask",
          "ecs:StopTask"
        ],
        "Resource": [
          "arn:aws:ecs:us-east-1:123456789012:cluster/gantry-local",
          "arn:aws:ecs:us-east-1:123456789012:task/gantry-local/*",
          "arn:aws:ecs:us-east-1:123456789012:task-definition/*:*"
        ]
      },
      {
        "Sid": "EcsTaskDefinitions",
        "Effect": "Allow",
        "Action": [
          "ecs:DeregisterTaskDefinition",
          "ecs:DescribeTaskDefinition",
          "ecs:RegisterTaskDefinition"
        ],
        "Resource": "*"
      },
      {
        "Sid": "PassTaskRoles",
        "Effect": "Allow",
        "Action": "iam:PassRole",
        "Resource": "arn:aws:iam::123456789012:role/*",
        "Condition": {
          "StringEquals": {
            "iam:PassedToService": "ecs-tasks.amazonaws.com"
          }
        }
      }
    ]
  })
}
