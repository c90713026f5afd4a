# Deploy role of task-manager in production (account 777777777777), assumed by GitHub Actions over OIDC.
resource "aws_iam_role" "task_manager_production" {
  name               = "task-manager-delivery"
  assume_role_policy = jsonencode({
    "Version": "2012-10-17",
    "Statement": [
      {
        "Sid": "GitHubActionsOidc",
        "Effect": "Allow",
        "Principal": {
          "Federated": "arn:aws:iam::777777777777:oidc-provider/token.actions.githubusercontent.com"
        },
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {
          "StringEquals": {
            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"
          },
          "StringLike": {
            "token.actions.githubusercontent.com:sub": [
              "repo:example-org/task-manager:ref:refs/heads/main",
              "repo:example-org/task-manager:ref:refs/tags/v*",
              "repo:example-org/task-manager:environment:production"
            ]
          }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy" "task_manager_production" {
  name   = "task-manager-delivery"
  role   = aws_iam_role.task_manager_production.id
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
          "arn:aws:ecr:us-east-1:777777777777:repository/task-manager/app"
        ]
      },
      {
        "Sid": "EksClusters",
        "Effect": "Allow",
        "Action": "eks:DescribeCluster",
        "Resource": [
          "arn:aws:eks:us-east-1:777777777777:cluster/task-manager"
        ]
      }
    ]
  })
}
