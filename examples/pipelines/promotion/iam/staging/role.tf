# Deploy role of shop in staging (account 111111111111), assumed by GitHub Actions over OIDC.
resource "aws_iam_role" "shop_staging" {
  name               = "shop-deploy"
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
              "repo:example-org/shop:ref:refs/heads/main",
              "repo:example-org/shop:environment:staging",
              "repo:example-org/shop:environment:production-approval"
            ]
          }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy" "shop_staging" {
  name   = "shop-delivery"
  role   = aws_iam_role.shop_staging.id
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
          "arn:aws:ecr:eu-west-1:111111111111:repository/shop/staging/api",
          "arn:aws:ecr:eu-west-1:111111111111:repository/shop/staging/worker"
        ]
      },
      {
        "Sid": "PromotionTargetRoles",
        "Effect": "Allow",
        "Action": "sts:AssumeRole",
        "Resource": [
          "arn:aws:iam::222222222222:role/shop-deploy"
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
          "arn:aws:ecs:eu-west-1:111111111111:service/shop-staging/api"
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
          "arn:aws:ecs:eu-west-1:111111111111:cluster/shop-staging",
          "arn:aws:ecs:eu-west-1:111111111111:task/shop-staging/*",
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
      },
      {
        "Sid": "EksClusters",
        "Effect": "Allow",
        "Action": "eks:DescribeCluster",
        "Resource": [
          "arn:aws:eks:eu-west-1:111111111111:cluster/shop-staging"
        ]
      }
    ]
  })
}
