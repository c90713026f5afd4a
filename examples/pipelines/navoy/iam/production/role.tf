# Deploy role of navoy in production (account 123456789012), assumed by GitHub Actions over OIDC.
resource "aws_iam_role" "navoy_production" {
  name               = "navoy-deploy"
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
              "repo:example-org/navoy:ref:refs/heads/main",
              "repo:example-org/navoy:environment:production"
            ]
          }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy" "navoy_production" {
  name   = "navoy-delivery"
  role   = aws_iam_role.navoy_production.id
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
          "arn:aws:ecr:us-east-1:123456789012:repository/navoy/web"
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
          "arn:aws:ecs:us-east-1:123456789012:service/navoy-production/web"
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
          "arn:aws:ecs:us-east-1:123456789012:cluster/navoy-production",
          "arn:aws:ecs:us-east-1:123456789012:task/navoy-production/*",
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
