# Deploy role of cloud-design in staging (account 111111111111), assumed by GitHub Actions over OIDC.
resource "aws_iam_role" "cloud_design_staging" {
  name               = "cloud-design-deploy"
  assume_role_policy = jsonencode({
    "Version": "2012-10-17",
    "Statement": [
      {
        "Sid": "GitHubActionsOidc",
        "Effect": "Allow",
        "Principal": {
          "Federated": "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"
        },
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {
          "StringEquals": {
            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"
          },
          "StringLike": {
            "token.actions.githubusercontent.com:sub": [
              "repo:example-org/cloud-design:ref:refs/heads/develop",
              "repo:example-org/cloud-design:environment:staging"
            ]
          }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy" "cloud_design_staging" {
  name   = "cloud-design-delivery"
  role   = aws_iam_role.cloud_design_staging.id
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
          "arn:aws:ecr:eu-west-1:111111111111:repository/cloud-design/staging/api-gateway",
          "arn:aws:ecr:eu-west-1:111111111111:repository/cloud-design/staging/inventory",
          "arn:aws:ecr:eu-west-1:111111111111:repository/cloud-design/staging/billing"
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
          "arn:aws:ecs:eu-west-1:111111111111:service/cloud-design-staging/api-gateway",
          "arn:aws:ecs:eu-west-1:111111111111:service/cloud-design-staging/inventory",
          "arn:aws:ecs:eu-west-1:111111111111:service/cloud-design-staging/billing"
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
          "arn:aws:ecs:eu-west-1:111111111111:cluster/cloud-design-staging",
          "arn:aws:ecs:eu-west-1:111111111111:task/cloud-design-staging/*",
          "arn:aws:ecs:eu-west-1:111111111111:task-definition/*:*"
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
        "Resource": "arn:aws:iam::111111111111:role/*",
        "Condition": {
          "StringEquals": {
            "iam:PassedToService": "ecs-tasks.amazonaws.com"
          }
        }
      }
    ]
  })
}
