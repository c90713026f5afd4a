# Deploy role of shop in production (account 222222222222), assumed by GitHub Actions over OIDC.
resource "aws_iam_role" "shop_production" {
  name               = "shop-deploy"
  assume_role_policy = jsonencode({
    "Version": "2012-10-17",
    "Statement": [
      {
        "Sid": "PromotionFromSourceRole",
        "Effect": "Allow",
        "Principal": {
          "AWS": "arn:aws:iam::111111111111:role/shop-deploy"
        },
        "Action": "sts:AssumeRole"
      },
      {
        "Sid": "GitHubActionsOidc",
        "Effect": "Allow",
        "Principal": {
          "Federated": "arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com"
        },
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {
          "StringEquals": {
            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"
          },
          "StringLike": {
            "token.actions.githubusercontent.com:sub": [
              "repo:example-org/shop:environment:production-approval"
            ]
          }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy" "shop_production" {
  name   = "shop-delivery"
  role   = aws_iam_role.shop_production.id
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
        "Sid": "EcrPromoteTarget",
        "Effect": "Allow",
        "Action": [
          "ecr:BatchCheckLayerAvailability",
          "ecr:BatchGetImage",
          "ecr:CompleteLayerUpload",
          "ecr:DescribeImages",
          "ecr:DescribeRepositories",
          "ecr:GetDownloadUrlForLayer",
          "ecr:InitiateLayerUpload",
          "ecr:PutImage",
          "ecr:UploadLayerPart"
        ],
        "Resource": [
          "arn:aws:ecr:eu-west-1:222222222222:repository/shop/production/api",
          "arn:aws:ecr:eu-west-1:222222222222:repository/shop/production/worker"
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
          "arn:aws:ecs:eu-west-1:222222222222:service/shop-production/api"
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
          "arn:aws:ecs:eu-west-1:222222222222:cluster/shop-production",
          "arn:aws:ecs:eu-west-1:222222222222:task/shop-production/*",
          "arn:aws:ecs:eu-west-1:222222222222:task-definition/*:*"
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
        "Resource": "arn:aws:iam::222222222222:role/*",
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
          "arn:aws:eks:eu-west-1:222222222222:cluster/shop-production"
        ]
      }
    ]
  })
}
